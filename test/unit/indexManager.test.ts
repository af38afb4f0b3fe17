import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConferenceEvent, Session } from '../../src/core/index/model';
import type { IndexSource } from '../../src/core/index/sessionIndex';
import { IndexManager, type IndexSnapshot } from '../../src/core/workspace/indexManager';
import { MemoryWorkspace } from '../../src/core/workspace/memoryWorkspace';

// The index manager over an in-memory workspace: what the extension does with
// the bundled index, the `recap.indexFiles` globs and file watchers, without VS Code.

const BUNDLE = '/ext/data/bundled/index.json';
const GLOBS = ['.recap/**/*.{yaml,yml,json}'];
const PIG = 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs';

const kubecon: ConferenceEvent = { id: 'kubecon-eu-2024', name: 'KubeCon + CloudNativeCon Europe 2024', location: 'Paris', start: '2024-03-19' };
const pigTalk: Session = {
  id: 'sometimes-lipstick-is-exactly-what-a-pig-needs',
  title: 'Sometimes Lipstick Is Exactly What a Pig Needs!',
  speakers: [{ name: 'Abby Bangser' }, { name: 'Whitney Lee' }],
  video: 'https://www.youtube.com/watch?v=VhloarnpxVo',
};
const bundled: IndexSource[] = [{ origin: { file: BUNDLE, bundled: true }, event: kubecon, sessions: [pigTalk] }];

const yaml = (...lines: string[]) => [...lines, ''].join('\n');
const OVERRIDE = yaml(
  'event:',
  '  id: kubecon-eu-2024',
  '  name: KubeCon EU 2024 (my notes)',
  'sessions:',
  '  - id: sometimes-lipstick-is-exactly-what-a-pig-needs',
  '    title: Lipstick on the Pig, my notes',
  '    speakers: [Abby Bangser, Whitney Lee]',
  '    video: https://example.org/pig.mp4',
);
const meetup = (title: string) => yaml('event:', '  id: meetup-2025', '  name: Meetup 2025', 'sessions:', `  - title: ${title}`);

/** A timer the test runs by hand: what the manager scheduled, and with which delay. */
class ManualTimer {
  private pending: { task: () => void; delayMs: number } | undefined;
  readonly delays: number[] = [];
  readonly schedule = (task: () => void, delayMs: number) => {
    const entry = { task, delayMs };
    this.pending = entry;
    this.delays.push(delayMs);
    return () => {
      if (this.pending === entry) this.pending = undefined;
    };
  };
  /** Waits (a few turns of the event loop) for a rebuild to be scheduled, then runs it. */
  async fire(): Promise<void> {
    for (let i = 0; i < 50 && !this.pending; i++) await new Promise((r) => setImmediate(r));
    const entry = this.pending;
    assert.ok(entry, 'a rebuild was scheduled');
    this.pending = undefined;
    entry.task();
  }
  get idle(): boolean {
    return this.pending === undefined;
  }
}

function setup(files: Record<string, string>, options: { loadBundled?: () => Promise<IndexSource[]>; globs?: string[] } = {}) {
  const workspace = new MemoryWorkspace(files);
  const timer = new ManualTimer();
  const logged: string[] = [];
  let globs = options.globs ?? GLOBS;
  let bundleLoads = 0;
  const manager = new IndexManager({
    workspace,
    loadBundled:
      options.loadBundled ??
      (async () => {
        bundleLoads++;
        return bundled;
      }),
    globs: () => globs,
    schedule: timer.schedule,
    log: { info: (m) => logged.push(`info ${m}`), warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) },
  });
  /** The next snapshot a change builds. */
  const nextChange = () => new Promise<IndexSnapshot>((resolve) => manager.onDidChange(resolve));
  const setGlobs = (g: string[]) => {
    globs = g;
    manager.globsChanged();
  };
  return { workspace, timer, manager, logged, nextChange, setGlobs, bundleLoads: () => bundleLoads };
}

const brief = (problems: readonly { line: number; column: number; field: string; severity: string }[] | undefined) =>
  problems?.map((p) => `${p.line}:${p.column} ${p.severity} ${p.field}`);

test('a workspace file overrides a bundled session and the bundled event keeps the fields it does not give', async () => {
  const { manager, logged } = setup({ '.recap/kubecon.yaml': OVERRIDE, 'notes/other.yaml': meetup('Not an index file') });
  const { index, search, workspaceSources } = await manager.snapshot();
  const pig = index.get(PIG);
  assert.equal(pig?.title, 'Lipstick on the Pig, my notes');
  assert.equal(pig?.video, 'https://example.org/pig.mp4');
  assert.deepEqual(pig?.origin, { file: '.recap/kubecon.yaml', line: 5 });
  const event = index.events.get('kubecon-eu-2024');
  assert.equal(event?.name, 'KubeCon EU 2024 (my notes)');
  assert.equal(event?.start, '2024-03-19', 'the bundled event keeps fields the override does not give');
  assert.deepEqual(event?.origin, { file: '.recap/kubecon.yaml' }, 'Go to Definition opens the file that overrides it');
  assert.equal(index.events.has('meetup-2025'), false, 'a file the globs do not match is not loaded');
  assert.equal(search.search('lipstick pig notes', { limit: 1 })[0]?.session.fullId, PIG, 'the search is built on the merged index');
  assert.deepEqual(
    workspaceSources.map((s) => s.origin.file),
    ['.recap/kubecon.yaml'],
  );
  assert.ok(logged.includes('info index files: 1 found for .recap/**/*.{yaml,yml,json}'), logged.join('\n'));
  assert.ok(logged.some((l) => /^info session index: 1 sessions from 1 workspace file\(s\) and the bundled index, built in \d+ ms$/.test(l)));
  assert.strictEqual(await manager.snapshot(), await manager.snapshot(), 'one snapshot until something changes');
});

test('workspace files merge in uri order: a later file overrides an earlier one', async () => {
  const second = OVERRIDE.replace('Lipstick on the Pig, my notes', 'Lipstick, second opinion');
  const { manager } = setup({ '.recap/b.yaml': second, '.recap/a.yaml': OVERRIDE });
  const { index, workspaceSources } = await manager.snapshot();
  assert.equal(index.get(PIG)?.title, 'Lipstick, second opinion');
  assert.deepEqual(
    workspaceSources.map((s) => s.origin.file),
    ['.recap/a.yaml', '.recap/b.yaml'],
  );
});

test('a broken file gives located problems, the rest of it and the other files load, and counts are errors and warnings', async () => {
  const broken = yaml(
    'event:',
    '  id: half-broken-2025',
    '  name: Half Broken 2025',
    'sessions:',
    '  - id: fine-talk',
    '    title: "A Perfectly Fine Talk"',
    '  - id: no-title',
    '    speakers: [Nobody]',
    '  - id: odd-type',
    '    title: "An Odd Type"',
    '    type: fireside',
  );
  const { manager } = setup({ '.recap/broken.yaml': broken, '.recap/meetup.yaml': meetup('Fine'), '.recap/bad.yaml': 'event: [' });
  const { index } = await manager.snapshot();
  assert.ok(index.get('half-broken-2025/fine-talk'));
  assert.ok(index.get('half-broken-2025/odd-type'));
  assert.equal(index.get('half-broken-2025/no-title'), undefined);
  assert.ok(index.get('meetup-2025/fine'));
  assert.deepEqual(brief(manager.problems('.recap/broken.yaml')), ['7:5 error sessions[1].title', '11:11 info sessions[2].type']);
  assert.equal(manager.problems('.recap/broken.yaml')?.[0]?.file, '.recap/broken.yaml');
  assert.equal(manager.problems('.recap/broken.yaml')?.[0]?.message, 'missing: every session needs a title; this entry is skipped');
  assert.deepEqual(manager.problems('.recap/meetup.yaml'), []);
  assert.ok((manager.problems('.recap/bad.yaml') ?? []).length > 0, 'an unreadable YAML file is one problem, not a crash');
  assert.equal(manager.problems('.recap/nowhere.yaml'), undefined);
  const bad = manager.problems('.recap/bad.yaml')!.filter((p) => p.severity === 'error' || p.severity === 'warning').length;
  assert.deepEqual(manager.problemCounts(), { count: 1 + bad, files: 2 }, 'the info is not counted');
});

test('a parent cycle is reported in each file of the cycle, at its parent: line', async () => {
  const event = (id: string, parent: string) => yaml('event:', `  id: ${id}`, `  name: ${id}`, `  parent: ${parent}`, 'sessions:', '  - title: Hello');
  const { manager } = setup({
    '.recap/a.yaml': event('loop-a', 'loop-b'),
    '.recap/b.yaml': event('loop-b', 'loop-a'),
    '.recap/orphan.yaml': event('orphan-2025', 'nowhere-2025'),
    '.recap/fine.yaml': meetup('Hello'),
  });
  await manager.snapshot();
  for (const [file, id] of [
    ['.recap/a.yaml', 'loop-a'],
    ['.recap/b.yaml', 'loop-b'],
  ] as const) {
    const problems = manager.problems(file) ?? [];
    assert.deepEqual(brief(problems), ['4:3 error event.parent'], file);
    assert.equal(problems[0]!.file, file);
    assert.match(problems[0]!.message, new RegExp(`parent chain of event '${id}' loops back on itself`));
  }
  assert.deepEqual(brief(manager.problems('.recap/orphan.yaml')), ['4:3 warning event.parent']);
  assert.match(manager.problems('.recap/orphan.yaml')![0]!.message, /names 'nowhere-2025' as its parent/);
  assert.deepEqual(manager.problems('.recap/fine.yaml'), []);
  assert.deepEqual(manager.problemCounts(), { count: 3, files: 3 });
});

test('a changed file rebuilds once after the debounce and fires; its problems follow', async () => {
  const { workspace, timer, manager, nextChange } = setup({ '.recap/meetup.yaml': meetup('First Title') });
  const first = await manager.snapshot();
  assert.ok(first.index.get('meetup-2025/first-title'));
  const problemEvents: string[][] = [];
  manager.onDidChangeProblems((uris) => problemEvents.push([...uris]));
  const changed = nextChange();
  workspace.write('.recap/meetup.yaml', meetup('Second Title'));
  workspace.write('.recap/meetup.yaml', yaml('event:', '  id: meetup-2025', '  name: Meetup 2025', 'sessions:', '  - title: Third Title', '    video: nope'));
  await timer.fire();
  const next = await changed;
  assert.ok(timer.idle, 'two writes, one rebuild');
  assert.deepEqual(timer.delays, [100, 100]);
  assert.notStrictEqual(next, first);
  assert.strictEqual(await manager.snapshot(), next);
  assert.equal(next.index.get('meetup-2025/first-title'), undefined);
  assert.equal(next.index.get('meetup-2025/second-title'), undefined);
  assert.ok(next.index.get('meetup-2025/third-title'));
  assert.ok(next.search.search('third title', { limit: 1 })[0]?.session.fullId === 'meetup-2025/third-title');
  assert.deepEqual(brief(manager.problems('.recap/meetup.yaml')), ['6:12 error sessions[0].video']);
  assert.ok(problemEvents.length >= 2 && problemEvents.every((u) => u.includes('.recap/meetup.yaml')));
});

test('a created file is picked up; a deleted file drops its sessions and its problems', async () => {
  const { workspace, timer, manager, nextChange, bundleLoads } = setup({ '.recap/kubecon.yaml': OVERRIDE });
  await manager.snapshot();
  let changed = nextChange();
  workspace.write('.recap/new.yaml', meetup('Fresh Talk\n    video: nope'));
  await timer.fire();
  assert.ok((await changed).index.get('meetup-2025/fresh-talk'));
  assert.equal(manager.problems('.recap/new.yaml')?.length, 1);
  const dropped: string[][] = [];
  manager.onDidChangeProblems((uris) => dropped.push([...uris]));
  changed = nextChange();
  workspace.delete('.recap/new.yaml');
  workspace.delete('.recap/kubecon.yaml');
  await timer.fire();
  const after = await changed;
  assert.equal(after.index.get('meetup-2025/fresh-talk'), undefined);
  assert.equal(after.index.events.has('meetup-2025'), false);
  assert.equal(after.index.get(PIG)?.title, pigTalk.title, 'the bundled session is back');
  assert.equal(after.index.get(PIG)?.origin.bundled, true);
  assert.deepEqual(after.workspaceSources, []);
  assert.equal(manager.problems('.recap/new.yaml'), undefined);
  assert.deepEqual(dropped.slice(0, 2), [['.recap/new.yaml'], ['.recap/kubecon.yaml']]);
  assert.deepEqual(manager.problemCounts(), { count: 0, files: 0 });
  assert.equal(bundleLoads(), 1, 'the bundled index is loaded once');
});

test('changed globs rescan at once: old files and their problems go, the new ones load', async () => {
  const { workspace, timer, manager, nextChange, setGlobs } = setup({ '.recap/kubecon.yaml': OVERRIDE, 'index/meetup.yml': meetup('Hi\n    video: nope') });
  assert.equal(workspace.watcherCount, 0, 'nothing is read or watched before the first snapshot');
  setGlobs(['.recap/**/*.yaml']);
  assert.equal(workspace.watcherCount, 0);
  assert.equal((await manager.snapshot()).index.get(PIG)?.title, 'Lipstick on the Pig, my notes');
  assert.equal(workspace.watcherCount, 1);
  const changed = nextChange();
  setGlobs(['index/*.yml']);
  await timer.fire();
  const after = await changed;
  assert.equal(timer.delays.at(-1), 0);
  assert.equal(workspace.watcherCount, 1, 'the old watcher is disposed');
  assert.equal(after.index.get(PIG)?.origin.bundled, true);
  assert.ok(after.index.get('meetup-2025/hi'));
  assert.equal(manager.problems('.recap/kubecon.yaml'), undefined);
  assert.equal(manager.problems('index/meetup.yml')?.length, 1);
  manager.dispose();
  assert.equal(workspace.watcherCount, 0, 'dispose stops watching');
});

test('a bundled index that cannot be read leaves the workspace files, logged as an error', async () => {
  const { manager, logged } = setup({ '.recap/meetup.yaml': meetup('Alone') }, { loadBundled: () => Promise.reject(new Error('ENOENT: gone')) });
  const { index } = await manager.snapshot();
  assert.deepEqual(
    index.sessions.map((s) => s.fullId),
    ['meetup-2025/alone'],
  );
  assert.ok(logged.includes('error the bundled index could not be read (ENOENT: gone); only workspace index files are used'), logged.join('\n'));
});

test('earliest(): while the workspace is still searched, the bundled index alone answers; once built, the full snapshot', async () => {
  const { workspace, manager } = setup({ '.recap/kubecon.yaml': OVERRIDE });
  // A workspace search that takes as long as the test says (VS Code's findFiles can take seconds).
  let release = () => {};
  const searched = new Promise<void>((resolve) => (release = resolve));
  const findFiles = workspace.findFiles.bind(workspace);
  workspace.findFiles = async (globs) => {
    await searched;
    return findFiles(globs);
  };
  const early = await manager.earliest();
  assert.equal(early.index.get(PIG)?.title, 'Sometimes Lipstick Is Exactly What a Pig Needs!', 'the bundled session, the workspace file not read yet');
  assert.equal(early.search.search('lipstick pig', { limit: 1 })[0]?.session.fullId, PIG);
  assert.deepEqual(early.workspaceSources, []);
  release();
  const full = await manager.snapshot();
  assert.equal(full.index.get(PIG)?.title, 'Lipstick on the Pig, my notes');
  assert.equal(await manager.earliest(), full, 'built: the full snapshot from then on');
});
