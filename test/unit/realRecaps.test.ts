import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { GOALS, NON_RECAP_POSTS, recognitionIn, recognitionTable, scoreRealRecaps, scoreTable } from '../../bench/realRecaps';
import { index, search } from './lint/support';
import { skipUnlessShared, SHARED_DATA } from './support/sharedData';

/**
 * Scores reference finding on real recap posts (../shared/data/recaps) against
 * their answer keys (see bench/realRecaps.ts): each post linted as its author
 * wrote it and as `recap lint` walks a blog folder (a blog path, no `event:`,
 * no recaps/ folder, so it must be recognised by what it mentions).
 */

const skip = skipUnlessShared('recaps', 'posts');

test('real recap posts, recognised without configuration: talks found, extra cards and video verdicts meet the goals', { skip }, () => {
  const run = scoreRealRecaps({ index, search });
  const table = scoreTable(run);
  console.log(table);
  for (const s of run.scores) assert.ok(s.recognition.isRecap && s.recognition.by === 'mentions', `${s.post} is recognised as a recap\n${table}`);
  assert.ok(run.found / run.total >= GOALS.found, `found ${run.found}/${run.total}\n${table}`);
  assert.ok(run.extra.length <= GOALS.extra, `extra cards ${run.extra.length}\n${table}`);
  assert.equal(run.wrongVideo.length, GOALS.wrongVideo, `wrong video verdicts\n${table}`);
  assert.deepEqual(run.slow, [], `posts over ${GOALS.ms} ms\n${table}`);
});

test('our non-recap blog posts are never recognised, and each is dismissed quickly', () => {
  const rows = recognitionIn(NON_RECAP_POSTS, { index, search });
  const table = recognitionTable([{ group: 'non-recaps', rows }]);
  assert.ok(rows.length >= 8, `${rows.length} posts in ${NON_RECAP_POSTS}`);
  for (const r of rows) {
    assert.equal(r.recognition.isRecap, false, `${r.file} is not a recap\n${table}`);
    assert.equal(r.findings, 0, `${r.file} has no findings\n${table}`);
    assert.ok(r.ms < GOALS.ms, `${r.file}: ${r.ms.toFixed(1)} ms\n${table}`);
  }
});

test(
  'the seed recaps (plain text, no frontmatter) are recognised, but the webinar transcript that names no talk',
  { skip: skipUnlessShared('..', 'seeds') },
  () => {
    const rows = recognitionIn(join(SHARED_DATA, '..', 'seeds'), { index, search });
    const table = recognitionTable([{ group: 'seeds', rows }]);
    console.log(table);
    const recognised = rows.filter((r) => r.recognition.isRecap).map((r) => r.file);
    // 002 is a webinar transcript: KubeCon EU 2024 is named, but none of its talks by its title or a link.
    assert.deepEqual(
      recognised,
      rows.map((r) => r.file).filter((f) => !f.startsWith('002_')),
      table,
    );
  },
);
