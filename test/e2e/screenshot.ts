// Takes a screenshot of a running VS Code (e.g. the one `npm start` serves),
// optionally after opening a file and running commands, so a person can look
// at what the extension shows.
//   node out/test/e2e/screenshot.js URL OUT.png [--open path/in/workspace] [--command "Recap: …"]... [--wait ms]
import { parseArgs } from 'node:util';
import { launchChromium } from './harness/browser';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      open: { type: 'string' },
      command: { type: 'string', multiple: true },
      keys: { type: 'string', multiple: true },
      wait: { type: 'string', default: '2500' },
      width: { type: 'string', default: '1400' },
      height: { type: 'string', default: '860' },
    },
  });
  const [url, out] = positionals;
  if (!url || !out) throw new Error('usage: screenshot URL OUT.png [--open FILE] [--command TITLE]... [--keys KEYS]...');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(3000);
    if (values.open) {
      await page.keyboard.press('Control+P');
      await page.waitForTimeout(500);
      await page.keyboard.type(values.open);
      await page.waitForTimeout(1200);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1500);
    }
    for (const command of values.command ?? []) {
      await page.keyboard.press('F1');
      await page.waitForTimeout(500);
      await page.keyboard.type(command);
      await page.waitForTimeout(800);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1500);
    }
    for (const keys of values.keys ?? []) {
      if (keys.startsWith('type:')) await page.keyboard.type(keys.slice(5), { delay: 60 });
      else await page.keyboard.press(keys);
      await page.waitForTimeout(300);
    }
    await page.waitForTimeout(Number(values.wait));
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(`screenshot: ${(err as Error).message}`);
  process.exit(1);
});
