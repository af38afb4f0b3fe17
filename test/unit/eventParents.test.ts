import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventParentProblems, locateParentProblems, MAX_PARENT_DEPTH } from '../../src/core/index/eventParents';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';
import type { ConferenceEvent } from '../../src/core/index/model';
import { SessionIndex, type IndexSource } from '../../src/core/index/sessionIndex';
import { fileSources } from '../../src/core/index/sources';

const source = (event: ConferenceEvent): IndexSource => ({
  origin: { file: `.recap/${event.id}.yaml` },
  event,
  sessions: [{ id: 'talk', title: `Talk at ${event.id}`, speakers: [] }],
});

/** e0 ← e1 ← … ← e(n-1): each event the parent of the next. */
function chain(n: number): SessionIndex {
  return new SessionIndex(
    Array.from({ length: n }, (_, i) => source(i === 0 ? { id: 'e0', name: 'e0' } : { id: `e${i}`, name: `e${i}`, parent: `e${i - 1}` })),
  );
}

test('a parent chain of 6,000 events neither overflows the stack nor takes long; family() stops MAX_PARENT_DEPTH levels down', () => {
  const started = performance.now();
  const index = chain(6_000);
  const family = index.family('e0');
  assert.equal(family.size, MAX_PARENT_DEPTH + 1);
  assert.ok(family.has(`e${MAX_PARENT_DEPTH}`) && !family.has(`e${MAX_PARENT_DEPTH + 1}`));
  const problems = eventParentProblems(index.events);
  assert.equal(problems.length, 1, 'one problem: the first event past the cap');
  assert.equal(problems[0]!.eventId, `e${MAX_PARENT_DEPTH + 1}`);
  assert.match(problems[0]!.message, /levels below its topmost parent.*give it a parent higher up/);
  assert.ok(performance.now() - started < 2_000);
});

test('a cycle of parents is reported for each event in it, and family() ends', () => {
  const index = new SessionIndex([
    source({ id: 'a', name: 'A', parent: 'c' }),
    source({ id: 'b', name: 'B', parent: 'a' }),
    source({ id: 'c', name: 'C', parent: 'b' }),
    source({ id: 'd', name: 'D', parent: 'a' }),
  ]);
  assert.deepEqual([...index.family('a')].sort(), ['a', 'b', 'c', 'd']);
  const problems = eventParentProblems(index.events);
  assert.deepEqual(problems.map((p) => [p.eventId, p.severity]).sort(), [
    ['a', 'error'],
    ['b', 'error'],
    ['c', 'error'],
  ]);
  assert.match(problems[0]!.message, /loops back on itself \('.' → '.' → '.' → '.'\).*remove `parent:`/);
  // A self-parent too.
  assert.equal(eventParentProblems(new SessionIndex([source({ id: 'x', name: 'X', parent: 'x' })]).events).length, 1);
});

test('a missing parent is a located problem in the index file: file, line, column, what to do', () => {
  const text = ['event:', '  id: day-zero-2024', '  name: Day Zero', '  parent: kubecon-nowhere-2024', 'sessions:', '  - title: Hello', ''].join('\n');
  const loaded = loadIndexFile('.recap/day-zero.yaml', text);
  const index = new SessionIndex(fileSources(loaded));
  const problems = eventParentProblems(index.events);
  const located = locateParentProblems(problems, 'day-zero-2024', loaded.path, text);
  assert.deepEqual(
    located.map((p) => [p.file, p.line, p.column, p.severity, p.field]),
    [['.recap/day-zero.yaml', 4, 3, 'warning', 'event.parent']],
  );
  assert.match(
    located[0]!.message,
    /'kubecon-nowhere-2024'.*no event in the index has that id: correct the id, add an index file for 'kubecon-nowhere-2024', or remove `parent:`/,
  );
  // In JSON as well.
  const json = JSON.stringify({ event: { id: 'day-zero-2024', name: 'Day Zero', parent: 'nowhere' }, sessions: [] }, null, 2);
  assert.equal(locateParentProblems(problems, 'day-zero-2024', 'x.json', json)[0]!.line, 5);
});
