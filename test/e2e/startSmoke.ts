// Runs the README's start command (`npm start`) on a free port, on a copy of
// examples/, opens the address it prints in headless Chromium, waits for the
// workbench, and proves the packaged extension is active by running one of
// its commands from the Command Palette; then stops it and checks nothing is
// left running. Prints "start: N passed, M failed"; exit 0 only on success.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { freePort, killGroup, portInUse, spawnGroup } from './harness/processes';
import { runFromPalette, runJourney } from './journey';

const root = resolve(__dirname, '../../..');
const journey = process.argv.includes('--journey');
const shots = process.env.RECAP_JOURNEY_SHOTS ?? join(root, 'out', 'journey');

function say(line: string): void {
  process.stdout.write(`[start] ${line}\n`);
}

/** Waits for the start command to print the address it serves. */
function printedUrl(child: ChildProcess, lines: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no address within ${timeoutMs / 1000} s; its last lines:\n${lines.slice(-15).join('\n')}`)),
      timeoutMs,
    );
    const look = () => {
      for (const line of lines) {
        const m = /running in VS Code at: (http:\/\/\S+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]!);
          return true;
        }
      }
      return false;
    };
    const poll = setInterval(() => {
      if (look()) clearInterval(poll);
    }, 100);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      if (!look()) reject(new Error(`npm start exited with code ${code} before printing its address:\n${lines.slice(-15).join('\n')}`));
    });
  });
}

/** Processes whose command line names this run's folder: what must be gone after the stop. */
function leftover(marker: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes(marker) && !l.includes('ps -eo'))
    .map((l) => l.trim());
}

async function main(): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'recap-start-'));
  const folder = join(home, 'examples');
  cpSync(join(root, 'examples'), folder, { recursive: true });
  mkdirSync(shots, { recursive: true });
  const port = await freePort();
  const lines: string[] = [];
  const child = spawnGroup('npm', ['start'], { ...process.env, PORT: String(port), RECAP_START_FOLDER: folder, RECAP_START_STATE: join(home, 'state') }, (l) =>
    lines.push(l),
  );
  let browser: Browser | undefined;
  let page: Page | undefined;
  const failures: string[] = [];
  let passedSteps = 0;
  try {
    const started = Date.now();
    const url = await printedUrl(child, lines, 240_000);
    say(`npm start printed ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!url.startsWith(`http://127.0.0.1:${port}/`)) failures.push(`the printed address ${url} is not on 127.0.0.1:${port}`);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The server may print before it answers: retry the first load.
    for (let attempt = 0; ; attempt++) {
      try {
        await page.goto(url, { timeout: 30_000 });
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        await page.waitForTimeout(500);
      }
    }
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    say(`workbench loaded after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // The packaged extension answers its own command from the palette.
    await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } });
    // Right after the workbench shows, the extension host may still be scanning extensions: retry.
    await runFromPalette(page, 'Recap: Show Index Statistics', 90_000);
    const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: /sessions/ });
    await toast.first().waitFor({ timeout: 60_000 });
    say(`the extension answered: ${(await toast.first().innerText()).split('\n')[0]}`);
    await page.screenshot({ path: join(shots, '00-start.png') });
    // Close the statistics toast, so the journey starts from a quiet workbench.
    await page.keyboard.press('Escape');
    if (journey) {
      for (const s of await runJourney(page, folder, shots)) {
        if (s.ok) passedSteps++;
        else failures.push(`journey step "${s.name}": ${s.detail}`);
      }
    }
  } catch (err) {
    failures.push((err as Error).message);
    await page?.screenshot({ path: join(shots, 'failure.png') }).catch(() => undefined);
  } finally {
    await browser?.close().catch(() => undefined);
    await killGroup(child);
  }
  // Stopped means: the port is free and no process of this run is left.
  for (let i = 0; i < 30 && ((await portInUse(port)) || leftover(home).length > 0); i++) await new Promise((r) => setTimeout(r, 200));
  if (await portInUse(port)) failures.push(`port ${port} is still in use after the stop`);
  const left = leftover(home);
  if (left.length > 0) failures.push(`processes left running after the stop:\n${left.join('\n')}`);
  rmSync(home, { recursive: true, force: true });
  for (const f of failures) say(`FAIL ${f}`);
  const smokeOk = !failures.some((f) => !f.startsWith('journey step'));
  const journeyFailed = failures.length - (smokeOk ? 0 : failures.filter((f) => !f.startsWith('journey step')).length);
  process.stdout.write(`start: ${(smokeOk ? 1 : 0) + passedSteps} passed, ${(smokeOk ? 0 : 1) + journeyFailed} failed\n`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(`failed: ${(err as Error).message}`);
    process.stdout.write('start: 0 passed, 1 failed\n');
    process.exit(1);
  },
);
