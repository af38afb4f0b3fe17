// The entry VS Code loads as extensionTestsPath, under code-server here and
// under @vscode/test-electron elsewhere: runs every *.test.js beside it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { log } from './marker';

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.RECAP_E2E_GREP;
  if (grep) mocha.grep(grep);
  // The large-recap measurements (RECAP_E2E_LARGE=1) run last: after a 10 MB recap the editor stays busy for
  // minutes outside our code (VS Code was slow to gather code actions, and even a small preview's test timed out).
  const last = (file: string) => (file === 'large.test.js' ? 1 : 0);
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort((a, b) => last(a) - last(b) || a.localeCompare(b));
  for (const file of files) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      log(`e2e: ${stats?.passes ?? 0} passed, ${failures} failed${stats?.pending ? `, ${stats.pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}
