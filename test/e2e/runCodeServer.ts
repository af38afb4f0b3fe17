// Runs the e2e suites inside a real VS Code extension host: code-server
// (installed by scripts/setup-vscode.sh) driven by Debian's Chromium.
// Exit code: the suites' own (0 pass, 1 fail), 2 when the harness itself failed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { launchChromium, testUrl } from './harness/browser';
import { startCodeServer, type CodeServer } from './harness/codeServer';
import { freePort } from './harness/processes';
import { SUITE_MARKER } from './harness/suiteMarker';

const root = resolve(__dirname, '../../..');
const timeoutMs = Number(process.env.RECAP_E2E_TIMEOUT_MS ?? 300_000);
const verbose = process.env.RECAP_E2E_VERBOSE === '1';

function say(line: string): void {
  process.stdout.write(`[e2e] ${line}\n`);
}

/**
 * The suites tag their console lines (see suite/index.ts); VS Code relays
 * them to the page as printf-style arguments behind a styled level marker.
 */
async function suiteLine(message: ConsoleMessage): Promise<string | undefined> {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '')));
  if (typeof values[0] === 'string' && values[0].startsWith('%c')) values.splice(0, 2);
  const text = format(...values);
  const at = text.indexOf(SUITE_MARKER);
  return at === -1 ? undefined : text.slice(at + SUITE_MARKER.length);
}

async function main(): Promise<number> {
  if (process.env.RECAP_SKIP_SETUP !== '1') {
    const setup = spawnSync('bash', [join(root, 'scripts/setup-vscode.sh')], { stdio: 'inherit' });
    if (setup.status !== 0) throw new Error('scripts/setup-vscode.sh failed (see above)');
  }
  const home = mkdtempSync(join(tmpdir(), 'recap-e2e-'));
  const workspace = join(home, 'workspace');
  cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const started = Date.now();
    server = await startCodeServer({
      root,
      home: join(home, 'server'),
      port: await freePort(),
      workspace,
      log: (line) => verbose && say(`server: ${line}`),
    });
    say(`code-server ready at ${server.url} in ${Date.now() - started} ms`);
    browser = await launchChromium();
    const page = await browser.newPage();
    let summary = '';
    const exitCode = new Promise<number>((resolveExit) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    });
    // Console events arrive in order, but formatting is async: chain it.
    let relay = Promise.resolve();
    page.on('console', (message) => {
      relay = relay.then(async () => {
        const text = await suiteLine(message);
        if (text !== undefined) {
          process.stdout.write(`${text}\n`);
          if (/^e2e: \d+ passed, \d+ failed/.test(text)) summary = text;
        } else if (verbose) {
          say(`page: ${message.text()}`);
        }
      });
    });
    page.on('pageerror', (err) => verbose && say(`page error: ${err.message}`));
    await page.goto(testUrl(server.url, workspace, root, join(root, 'out/test/e2e/suite/index.js')));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the e2e suites did not finish within ${timeoutMs / 1000} s (RECAP_E2E_TIMEOUT_MS)`)), timeoutMs);
    });
    const code = await Promise.race([exitCode, timeout]).finally(() => clearTimeout(timer));
    await relay;
    say(`extension host exited with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!summary) say('no e2e summary line arrived: the suites may not have loaded (run with RECAP_E2E_VERBOSE=1)');
    return code === 0 && summary ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(`failed: ${(err as Error).message}`);
    process.exit(2);
  },
);
