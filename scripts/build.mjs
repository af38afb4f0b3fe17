// Bundles the extension and the CLI with esbuild; with --tests also the unit
// tests, the e2e suites and harnesses, and the benchmarks (one file each, so
// Node's test runner and Mocha can load them by path).
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
// RECAP_OUT and --only let parallel builds (and people working on one file) stay out of each other's way.
const outRoot = process.env.RECAP_OUT ?? join(root, 'out');
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length) : undefined;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __RECAP_VERSION__: JSON.stringify(pkg.version) },
};

const products = [
  {
    ...common,
    // The lint worker is its own file: a worker thread loads it by path (see lintWorkerClient.ts).
    entryPoints: { extension: join(root, 'src/extension/main.ts'), lintWorker: join(root, 'src/extension/lint/lintWorker.ts') },
    outdir: join(root, 'dist'),
    external: ['vscode'],
    minify: production,
  },
  {
    ...common,
    entryPoints: { cli: join(root, 'src/cli/bin.ts') },
    outdir: join(root, 'dist'),
    minify: production,
    banner: { js: '#!/usr/bin/env node' },
  },
];

function filesUnder(dir, suffix) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

function testProducts() {
  // Tests keep node_modules external: they run from out/ inside the repo.
  const testCommon = { ...common, packages: 'external', outbase: root, outdir: outRoot };
  const entries = [
    ...filesUnder(join(root, 'test/unit'), '.test.ts'),
    ...filesUnder(join(root, 'test/e2e'), '.ts').filter((f) => !f.endsWith('.d.ts')),
    ...filesUnder(join(root, 'bench'), '.ts'),
    ...filesUnder(join(root, 'scripts'), '.ts'),
  ].filter((f) => !only || f.includes(only));
  return [{ ...testCommon, entryPoints: entries, external: ['vscode'] }];
}

const all = [...products, ...(args.has('--tests') ? testProducts() : [])];
if (args.has('--tests') && !only) rmSync(outRoot, { recursive: true, force: true });

if (watch) {
  for (const options of all) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[watch] build finished, watching for changes…');
} else {
  const started = Date.now();
  await Promise.all(all.map((o) => esbuild.build(o)));
  const names = all.flatMap((o) => (Object.keys(o.entryPoints).length ? [relative(root, o.outdir)] : []));
  console.log(`[build] ${production ? 'production' : 'development'} build of ${[...new Set(names)].join(', ')} in ${Date.now() - started} ms`);
}
