import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

// src/core runs in the extension host, the CLI and (later) a web worker: it
// imports neither `vscode` nor a Node built-in, and its folders form layers
// (no folder imports a folder that imports it, directly or round about).

const core = resolve(process.cwd(), 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const folderOf = (file: string) => relative(core, file).split('/')[0]!;

test('src/core imports neither vscode nor a Node built-in', () => {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const offenders = files(core).flatMap((f) =>
    importsOf(f)
      .filter((spec) => spec === 'vscode' || builtins.has(spec) || spec.startsWith('node:'))
      .map((spec) => `${relative(process.cwd(), f)} imports ${spec}`),
  );
  assert.deepEqual(offenders, []);
});

test('src/core folders import each other without a cycle', () => {
  const edges = new Map<string, Set<string>>();
  for (const f of files(core)) {
    const from = folderOf(f);
    for (const spec of importsOf(f)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(f), spec);
      if (!target.startsWith(core + '/')) continue;
      const rel = relative(core, target);
      if (!rel.includes('/')) continue; // a file at core's top level (problem.ts, version.ts) is below every folder
      const to = rel.split('/')[0]!;
      if (to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
    }
  }
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  assert.deepEqual(cycles, []);
});
