// Real recaps: how many of the talks real blog posts discuss we find, as
// their authors wrote them (../shared/data/recaps: a blog path, no `event:`
// added, no recaps/ folder: recognised by what they mention), scored against
// the answer keys; and whether posts are recognised as recaps at all (the
// shared posts, the five seeds, and our own non-recap posts in
// test/fixtures/blog). Used by `npm run bench` and test/unit/realRecaps.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionIndex } from '../src/core/index/sessionIndex';
import { lintRecap, type LintContext } from '../src/core/lint/lintRecap';
import { parseRecap } from '../src/core/recap/parseRecap';
import type { Recognition } from '../src/core/references/recognizeRecap';
import { SessionSearch } from '../src/core/search/sessionSearch';
import { sharedFile, SHARED_DATA } from '../test/unit/support/sharedData';
import { table } from './stats';

export const GOALS = { found: 0.95, extra: 1, wrongVideo: 0, ms: 50 };

interface KeyEntry {
  line: number;
  title: string;
  video: boolean;
  notes: string;
  /** Further lines the notes name ("linked at L59"): a mention there counts too. */
  lines: number[];
}

export interface PostScore {
  post: string;
  found: number;
  total: number;
  missed: string[];
  extra: string[];
  wrongVideo: string[];
  /** Median of five warm lints (parse, recognition, references, every rule). */
  ms: number;
  recognition: Recognition;
}

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
export function postsOutsideIndex(): Set<string> {
  const out = new Set<string>();
  for (const row of readFileSync(sharedFile('recaps', 'SOURCES.tsv'), 'utf8').split('\n')) {
    const cells = row.split('\t');
    if (cells.some((c) => /not in (?:the )?bundled index/i.test(c))) out.add(cells[0]!);
  }
  return out;
}

/** A post as the CLI's folder walk and the editor check it: a blog path, recognised or left alone. */
function lintPost(name: string, text: string, context: LintContext) {
  const parsed = parseRecap(`blog/${name}`, text);
  return { parsed, result: lintRecap(parsed, { ...context, onlyRecaps: true }) };
}

function timed(name: string, text: string, context: LintContext) {
  const times: number[] = [];
  let out = lintPost(name, text, context);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    out = lintPost(name, text, context);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ...out, ms: times[2]! };
}

export function scorePost(name: string, text: string, context: LintContext): PostScore {
  const key = readKey(sharedFile('recaps', 'answers', name.replace(/\.md$/, '.tsv')));
  const { parsed, result, ms } = timed(name, text, context);
  const recognition = result.recognition!;
  const scored = key.filter((k) => !leftOut(k.notes));
  const score: PostScore = { post: name, found: 0, total: scored.length, missed: [], extra: [], wrongVideo: [], ms, recognition };
  const refs = result.references;
  if (!refs) {
    score.missed = scored.map((k) => `L${k.line} ${k.title} (not recognised as a recap)`);
    return score;
  }
  const lineOf = (offset: number) => parsed.lines.positionAt(offset).line + 1;
  const neutral = key.filter((k) => leftOut(k.notes));
  const missing = new Set(result.findings.filter((f) => f.code === 'missing-video' && f.talk).map((f) => f.talk!));
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

export interface RealRecapsRun {
  scores: PostScore[];
  /** Posts of a conference the index lacks, not scored (their recognition is in `others`). */
  outside: string[];
  found: number;
  total: number;
  extra: string[];
  wrongVideo: string[];
  missed: string[];
  slow: string[];
}

export function scoreRealRecaps(context: LintContext): RealRecapsRun {
  const outside = postsOutsideIndex();
  const scores: PostScore[] = [];
  for (const file of readdirSync(sharedFile('recaps', 'posts'))
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    if (outside.has(file)) continue;
    scores.push(scorePost(file, readFileSync(sharedFile('recaps', 'posts', file), 'utf8'), context));
  }
  return {
    scores,
    outside: [...outside],
    found: scores.reduce((n, s) => n + s.found, 0),
    total: scores.reduce((n, s) => n + s.total, 0),
    extra: scores.flatMap((s) => s.extra.map((e) => `${s.post}: extra ${e}`)),
    wrongVideo: scores.flatMap((s) => s.wrongVideo.map((e) => `${s.post}: ${e}`)),
    missed: scores.flatMap((s) => s.missed.map((e) => `${s.post}: missed ${e}`)),
    slow: scores.filter((s) => s.ms >= GOALS.ms).map((s) => `${s.post}: ${s.ms.toFixed(1)} ms`),
  };
}

const how = (r: Recognition) =>
  r.isRecap
    ? `${r.by === 'declared' ? 'declared' : 'recognised'} (${r.links} linked, ${r.titles} titles; ${r.events.join(', ') || '-'})`
    : `no (${r.links} linked, ${r.titles} titles; ${r.events.join(', ') || '-'})`;

/** The scorer's per-post table, then the missed talks, extra cards and wrong verdicts. */
export function scoreTable(run: RealRecapsRun): string {
  const rows = run.scores.map((s) => [s.post, `${s.found}/${s.total}`, s.extra.length, s.wrongVideo.length, s.ms.toFixed(1), how(s.recognition)]);
  rows.push([
    'total',
    `${run.found}/${run.total} (${((100 * run.found) / run.total).toFixed(1)}%)`,
    run.extra.length,
    run.wrongVideo.length,
    '',
    `skipped, not in the index: ${run.outside.join(', ') || '-'}`,
  ]);
  return [
    table(['post', 'talks found', 'extra cards', 'wrong video verdicts', 'ms per post', 'recap?'], rows),
    ...run.missed,
    ...run.extra,
    ...run.wrongVideo,
  ].join('\n');
}

/** Our own non-recap posts: fixtures written for this check, never copies of real ones. */
export const NON_RECAP_POSTS = 'test/fixtures/blog';

export interface Recognised {
  file: string;
  recognition: Recognition;
  findings: number;
  ms: number;
}

/** Recognition of every Markdown or text file of a folder, each read as a blog post (no recaps/ folder). */
export function recognitionIn(dir: string, context: LintContext): Recognised[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(?:md|markdown|mdx|txt)$/.test(f) && f !== 'README.md')
    .sort()
    .map((file) => {
      const { result, ms } = timed(file.replace(/\.txt$/, '.md'), readFileSync(join(dir, file), 'utf8'), context);
      return { file, recognition: result.recognition!, findings: result.findings.length, ms };
    });
}

export function recognitionTable(rows: { group: string; rows: Recognised[] }[]): string {
  return table(
    ['posts', 'file', 'recap?', 'findings', 'ms'],
    rows.flatMap((g) => g.rows.map((r) => [g.group, r.file, how(r.recognition), r.findings, r.ms.toFixed(1)])),
  );
}

/** `npm run bench` section: the scorer's figures, then recognition on the seeds and on our non-recap posts. */
export function realRecapsBench(index: SessionIndex): string {
  if (!existsSync(sharedFile('recaps', 'posts'))) return `(skipped: no shared recaps at ${SHARED_DATA})`;
  const context = { index, search: new SessionSearch(index) };
  const run = scoreRealRecaps(context);
  const seeds = join(SHARED_DATA, '..', 'seeds');
  return [
    `Each post linted as its author wrote it: a blog path, no \`event:\`, recognised by what it mentions (goals: ≥ ${GOALS.found * 100}% found, ≤ ${GOALS.extra} extra card, ${GOALS.wrongVideo} wrong verdicts, < ${GOALS.ms} ms a post).`,
    '',
    scoreTable(run),
    '',
    'Recognition elsewhere: the shared seeds (recaps, plain text) and our own non-recap posts (none may be a recap):',
    '',
    recognitionTable([
      { group: 'shared posts', rows: recognitionIn(sharedFile('recaps', 'posts'), context).filter((r) => run.outside.includes(r.file)) },
      { group: 'seeds', rows: recognitionIn(seeds, context) },
      { group: 'non-recaps', rows: recognitionIn(NON_RECAP_POSTS, context) },
    ]),
  ].join('\n');
}
