import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { lintRecap } from '../../src/core/lint/lintRecap';
import { parseRecap } from '../../src/core/recap/parseRecap';
import { index, search } from './lint/support';
import { sharedFile, skipUnlessShared } from './support/sharedData';

/**
 * Scores reference finding on real recap posts (../shared/data/recaps) against
 * their answer keys: each post linted as its author wrote it (a blog path, no
 * `event:` added), with only the recap recognition forced on.
 */

interface KeyEntry {
  line: number;
  title: string;
  video: boolean;
  notes: string;
  /** Further lines the notes name ("linked at L59"): a mention there counts too. */
  lines: number[];
}

interface PostScore {
  post: string;
  found: number;
  total: number;
  missed: string[];
  extra: string[];
  wrongVideo: string[];
  ms: number;
}

const GOALS = { found: 0.95, extra: 1, wrongVideo: 0, ms: 50 };
const NEAR = 2;

/** Entries the key itself doubts, or talks of another event than the post's. */
function leftOut(notes: string): boolean {
  return /\bunsure\b|\bNOT FOSDEM\b|not of the event/i.test(notes);
}

const normal = (title: string) =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a talk of the index is the key's: the key writes the title the post
 * gives (the schedule's may be longer, "Mozilla ID - Developing…", or renamed
 * since, its id keeping the old words), so equal, either a word prefix of the
 * other, the id's words, or three quarters of the key's words (three or more) in the title.
 */
function sameTalk(keyTitle: string, session: { title: string; id: string }): boolean {
  const a = normal(keyTitle);
  const b = normal(session.title);
  if (a === b || b.startsWith(`${a} `) || a.startsWith(`${b} `) || normal(session.id) === a) return true;
  const words = a.split(' ');
  const enough = (other: string) => {
    const have = new Set(other.split(' '));
    return words.filter((w) => have.has(w)).length >= 0.75 * words.length;
  };
  return words.length >= 3 && (enough(b) || enough(normal(session.id)));
}

function readKey(path: string): KeyEntry[] {
  const out: KeyEntry[] = [];
  for (const row of readFileSync(path, 'utf8').split('\n')) {
    const [line, title, video, notes = ''] = row.split('\t');
    if (!line || !title || !/^\d+$/.test(line)) continue;
    const lines = [...notes.matchAll(/\bL(\d+)\b/g)].map((m) => Number(m[1]));
    out.push({ line: Number(line), title, video: video?.trim() === 'yes', notes, lines });
  }
  return out;
}

/** Posts whose conference the bundled index does not hold (SOURCES.tsv says so): nothing there can be found. */
function postsOutsideIndex(): Set<string> {
  const out = new Set<string>();
  for (const row of readFileSync(sharedFile('recaps', 'SOURCES.tsv'), 'utf8').split('\n')) {
    const cells = row.split('\t');
    if (cells.some((c) => /not in (?:the )?bundled index/i.test(c))) out.add(cells[0]!);
  }
  return out;
}

function lintPost(name: string, text: string) {
  // Outside any recaps/ folder, no event: the folder option only makes the features apply.
  const parsed = parseRecap(`blog/${name}`, text, { frontmatterKeys: ['talks', 'event'], folders: ['blog'] });
  return { parsed, result: lintRecap(parsed, { index, search }) };
}

function scorePost(name: string, text: string, key: KeyEntry[]): PostScore {
  const times: number[] = [];
  let out = lintPost(name, text);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    out = lintPost(name, text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const { parsed, result } = out;
  const refs = result.references!;
  const lineOf = (offset: number) => parsed.lines.positionAt(offset).line + 1;
  const scored = key.filter((k) => !leftOut(k.notes));
  const neutral = key.filter((k) => leftOut(k.notes));
  const missing = new Set(result.findings.filter((f) => f.code === 'missing-video' && f.talk).map((f) => f.talk!));
  const score: PostScore = { post: name, found: 0, total: scored.length, missed: [], extra: [], wrongVideo: [], ms: times[1]! };
  for (const k of scored) {
    const near = (line: number) => Math.abs(line - k.line) <= NEAR || k.lines.includes(line);
    const talk = refs.talks.find((t) => t.session && sameTalk(k.title, t.session) && t.mentions.some((m) => near(lineOf(m.start))));
    if (!talk?.session) {
      score.missed.push(`L${k.line} ${k.title}`);
      continue;
    }
    score.found++;
    const flagged = missing.has(talk.session.fullId);
    if (k.video && flagged) score.wrongVideo.push(`L${k.line} ${k.title}: missing-video, yet the post links its recording`);
    if (!k.video && !flagged && talk.session.video) score.wrongVideo.push(`L${k.line} ${k.title}: no missing-video, yet the post links no recording`);
  }
  for (const t of refs.talks) {
    if (!t.session) continue;
    const s = t.session;
    if (!scored.some((k) => sameTalk(k.title, s)) && !neutral.some((k) => sameTalk(k.title, s))) score.extra.push(`${t.session.fullId} “${t.session.title}”`);
  }
  return score;
}

const skip = skipUnlessShared('recaps', 'posts');

test('real recap posts: talks found, extra cards and video verdicts meet the goals', { skip }, () => {
  const outside = postsOutsideIndex();
  const scores: PostScore[] = [];
  for (const file of readdirSync(sharedFile('recaps', 'posts'))
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    if (outside.has(file)) continue;
    const text = readFileSync(sharedFile('recaps', 'posts', file), 'utf8');
    const key = readKey(sharedFile('recaps', 'answers', file.replace(/\.md$/, '.tsv')));
    scores.push(scorePost(file, text, key));
  }
  const rows = scores.map(
    (s) =>
      `${s.post.padEnd(30)} ${`${s.found}/${s.total}`.padStart(6)} ${String(s.extra.length).padStart(5)} ${String(s.wrongVideo.length).padStart(5)} ${s.ms.toFixed(1).padStart(7)}`,
  );
  const found = scores.reduce((n, s) => n + s.found, 0);
  const total = scores.reduce((n, s) => n + s.total, 0);
  const extra = scores.flatMap((s) => s.extra.map((e) => `${s.post}: extra ${e}`));
  const wrong = scores.flatMap((s) => s.wrongVideo.map((e) => `${s.post}: ${e}`));
  const missed = scores.flatMap((s) => s.missed.map((e) => `${s.post}: missed ${e}`));
  const slow = scores.filter((s) => s.ms >= GOALS.ms).map((s) => `${s.post}: ${s.ms.toFixed(1)} ms`);
  const table = [
    `${'post'.padEnd(30)} ${'found'.padStart(6)} ${'extra'.padStart(5)} ${'video'.padStart(5)} ${'ms'.padStart(7)}`,
    ...rows,
    `${'total'.padEnd(30)} ${`${found}/${total}`.padStart(6)} ${String(extra.length).padStart(5)} ${String(wrong.length).padStart(5)}  (${((100 * found) / total).toFixed(1)}% found; skipped, not in the index: ${[...outside].join(', ') || '-'})`,
    ...missed,
    ...extra,
    ...wrong,
  ].join('\n');
  console.log(table);
  assert.ok(found / total >= GOALS.found, `found ${found}/${total}\n${table}`);
  assert.ok(extra.length <= GOALS.extra, `extra cards ${extra.length}\n${table}`);
  assert.equal(wrong.length, GOALS.wrongVideo, `wrong video verdicts\n${table}`);
  assert.deepEqual(slow, [], `posts over ${GOALS.ms} ms\n${table}`);
});
