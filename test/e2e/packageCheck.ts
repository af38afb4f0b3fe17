// Checks the packaged vsix as a user receives it: the entry point and every
// file package.json points at are inside, nothing of the sources, tests or
// node_modules is, and it stays within its size budget.
// Usage: node out/test/e2e/packageCheck.js FILE.vsix
// Prints "package: N passed, M failed"; exit 0 only when all pass.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as yauzl from 'yauzl';

/** The vsix may grow with the bundled index, but stays a quick download (issue 14 sets 10 MB). */
export const VSIX_BUDGET_BYTES = 10 * 1024 * 1024;
/** Unpacked, the bundled index dominates; this catches a stray folder. */
export const UNPACKED_BUDGET_BYTES = 40 * 1024 * 1024;

interface Entry {
  name: string;
  size: number;
}

function listEntries(file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error(`cannot open ${file}`));
      const entries: Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ name: entry.fileName, size: entry.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function readEntry(file: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error(`cannot open ${file}`));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error(`cannot read ${name}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${name} is not in ${file}`)));
      zip.readEntry();
    });
  });
}

/** Every file the manifest names (entry point, icon, snippets, grammars, walkthrough media), as paths inside the vsix. */
export function referencedFiles(manifest: Record<string, unknown>): string[] {
  const paths: string[] = [];
  const add = (p: unknown) => {
    if (typeof p === 'string' && p) paths.push(`extension/${p.replace(/^\.\//, '')}`);
  };
  add(manifest['main']);
  add(manifest['browser']);
  add(manifest['icon']);
  const contributes = (manifest['contributes'] ?? {}) as Record<string, unknown>;
  for (const s of (contributes['snippets'] ?? []) as { path?: string }[]) add(s.path);
  for (const g of (contributes['grammars'] ?? []) as { path?: string }[]) add(g.path);
  for (const w of (contributes['walkthroughs'] ?? []) as { steps?: { media?: Record<string, unknown> }[] }[]) {
    for (const step of w.steps ?? []) {
      const media = step.media ?? {};
      for (const key of ['markdown', 'svg']) add(media[key]);
      const image = media['image'];
      if (typeof image === 'string') add(image);
      else if (image && typeof image === 'object') for (const v of Object.values(image)) add(v);
    }
  }
  return paths;
}

const FORBIDDEN: [RegExp, string][] = [
  [/^extension\/src\//, 'TypeScript sources'],
  [/^extension\/test\//, 'tests'],
  [/^extension\/node_modules\//, 'node_modules (the bundles carry their dependencies)'],
  [/^extension\/out\//, 'build output of the tests'],
  [/^extension\/\.vscode-test\//, 'the test VS Code'],
  [/\.ts$/, 'a TypeScript file'],
  [/\.map$/, 'a source map'],
  [/^extension\/bench\//, 'benchmarks'],
  [/^extension\/scripts\//, 'build scripts'],
];

export async function checkVsix(file: string): Promise<string[]> {
  const problems: string[] = [];
  const size = statSync(file).size;
  if (size > VSIX_BUDGET_BYTES) problems.push(`the vsix is ${(size / 1048576).toFixed(2)} MB, over its ${VSIX_BUDGET_BYTES / 1048576} MB budget`);
  const entries = await listEntries(file);
  const names = new Set(entries.map((e) => e.name));
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > UNPACKED_BUDGET_BYTES)
    problems.push(`unpacked it is ${(unpacked / 1048576).toFixed(1)} MB, over its ${UNPACKED_BUDGET_BYTES / 1048576} MB budget`);
  for (const entry of entries) {
    for (const [pattern, what] of FORBIDDEN) if (pattern.test(entry.name)) problems.push(`${entry.name}: ${what} must not ship`);
  }
  if (!names.has('extension/package.json')) return [...problems, 'extension/package.json is missing'];
  const manifest = JSON.parse(await readEntry(file, 'extension/package.json')) as Record<string, unknown>;
  if (typeof manifest['main'] !== 'string') problems.push('package.json has no main');
  for (const path of referencedFiles(manifest)) if (!names.has(path)) problems.push(`${path} is named in package.json but not in the vsix`);
  // vsce stores the README and LICENSE under these names.
  const rulePages = readdirSync(join(__dirname, '../../../docs/rules')).map((name) => `extension/docs/rules/${name}`);
  for (const required of [
    'extension/data/bundled/index.bin',
    'extension/dist/cli.js',
    'extension/dist/lintWorker.js',
    'extension/readme.md',
    'extension/LICENSE.txt',
    ...rulePages,
  ]) {
    if (!names.has(required)) problems.push(`${required} is missing`);
  }
  process.stdout.write(
    `[package] ${file}: ${(size / 1024).toFixed(0)} KB packed (budget ${VSIX_BUDGET_BYTES / 1048576} MB), ${(unpacked / 1024).toFixed(0)} KB unpacked, ${entries.length} files\n`,
  );
  return problems;
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: packageCheck FILE.vsix\n');
    return 2;
  }
  const problems = await checkVsix(file);
  for (const p of problems) process.stdout.write(`[package] FAIL ${p}\n`);
  process.stdout.write(`package: ${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed\n`);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stdout.write(`[package] failed: ${(err as Error).message}\npackage: 0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
