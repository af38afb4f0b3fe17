// The same e2e suites under @vscode/test-electron, for machines that can
// download VS Code (this one cannot; see runCodeServer.ts).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = resolve(__dirname, '../../..');

async function main(): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'recap-e2e-'));
  const workspace = join(home, 'workspace');
  cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });
  try {
    return await runTests({
      version: process.env.RECAP_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out/test/e2e/suite/index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(home, 'user-data')}`],
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[e2e] failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
