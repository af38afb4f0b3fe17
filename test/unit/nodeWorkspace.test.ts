import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NodeWorkspace } from '../../src/cli/nodeWorkspace';
import { IndexManager } from '../../src/core/workspace/indexManager';

const dir = mkdtempSync(join(tmpdir(), 'recap-node-workspace-'));
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'a.yaml'), 'event:\n  id: node-a-2025\n  name: Node A\nsessions:\n  - title: Reading Files\n');
writeFileSync(join(dir, 'sub', 'b.yaml'), 'event:\n  id: node-b-2025\n  name: Node B\nsessions:\n  - title: Walking Folders\n    video: nope\n');

test('findFiles takes the paths the CLI is given: existing files once, relative or absolute; no folders, nothing missing', async () => {
  const ws = new NodeWorkspace(dir);
  assert.deepEqual(await ws.findFiles(['a.yaml', join(dir, 'a.yaml'), './sub/b.yaml', 'sub', 'missing.yaml']), [
    join(dir, 'a.yaml'),
    join(dir, 'sub', 'b.yaml'),
  ]);
  assert.equal(ws.asRelativePath(join(dir, 'sub', 'b.yaml')), 'sub/b.yaml');
  assert.equal(ws.asRelativePath('/elsewhere/c.yaml'), '/elsewhere/c.yaml', 'outside the working directory: the whole path');
  assert.equal(ws.fsPath(join(dir, 'a.yaml')), join(dir, 'a.yaml'));
  await assert.rejects(ws.readText(join(dir, 'missing.yaml')), { code: 'ENOENT' });
  assert.throws(() => ws.readTextSync(join(dir, 'missing.yaml')), { code: 'ENOENT' });
});

test('the index manager over the Node workspace: files load with their problems, named relative to the working directory', async () => {
  const ws = new NodeWorkspace(dir);
  const manager = new IndexManager({ workspace: ws, loadBundled: async () => [], globs: () => ['sub/b.yaml', 'a.yaml'], schedule: () => () => undefined });
  const { index, workspaceSources } = await manager.snapshot();
  assert.deepEqual(
    index.sessions.map((s) => s.fullId),
    ['node-a-2025/reading-files', 'node-b-2025/walking-folders'],
  );
  assert.deepEqual(index.get('node-b-2025/walking-folders')?.origin, { file: join(dir, 'sub', 'b.yaml'), line: 5 });
  assert.deepEqual(
    workspaceSources.map((s) => s.origin.file),
    [join(dir, 'a.yaml'), join(dir, 'sub', 'b.yaml')],
  );
  const problems = manager.problems(join(dir, 'sub', 'b.yaml'));
  assert.deepEqual(
    problems?.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}`),
    ['sub/b.yaml:6:12 sessions[0].video'],
  );
  assert.deepEqual(manager.problemCounts(), { count: 1, files: 1 });
  manager.dispose();
});
