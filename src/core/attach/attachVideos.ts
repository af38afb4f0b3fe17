import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { normaliseTitle } from '../importers/mergeEvents';
import type { EventFile, Session } from '../index/model';
import { SessionIndex } from '../index/sessionIndex';
import { SessionSearch } from '../search/sessionSearch';
import { foldDiacritics } from '../text/slug';
import type { Recording } from './recordingSources';

/**
 * Recordings (a pyvideo folder, a YouTube playlist, a table) matched to the
 * sessions of one index file. Our search over that file alone picks each
 * recording's candidates, by its title and by its speakers, with the
 * sessions of the same normalised title; each candidate is then scored by
 * how alike the titles are (the same normalised title, shared words, shared
 * letter triples, one title holding the other) and, where both name
 * speakers, how many of the recording's speakers the session has. The best
 * is taken when it is confident enough and clearly better than the next;
 * otherwise the recording is reported as ambiguous and nothing changes.
 */

export interface AttachOptions {
  /** Replace a session's video that differs from the recording's. */
  force?: boolean;
  /** Below this confidence (0..1) a match is ambiguous. */
  threshold?: number;
  /** The best candidate must beat the next by this much. */
  margin?: number;
}

/** A match is taken from this confidence up: an exact title scores 1, a reworded one about 0.7–0.9, an unrelated one under 0.4. */
export const DEFAULT_THRESHOLD = 0.6;
/** …and when no other session comes within this of it. */
export const DEFAULT_MARGIN = 0.1;

export interface Candidate {
  sessionId: string;
  title: string;
  confidence: number;
}

export type MatchStatus = 'added' | 'replaced' | 'unchanged' | 'kept';

export interface MatchedRecording {
  recording: Recording;
  sessionId: string;
  sessionTitle: string;
  confidence: number;
  /** added: the session had no video; replaced: it had another (--force); unchanged: it had this one; kept: it had another, left as it was. */
  status: MatchStatus;
  previous?: string;
}

export interface AmbiguousRecording {
  recording: Recording;
  reason: string;
  candidates: Candidate[];
}

export interface AttachReport {
  matched: MatchedRecording[];
  ambiguous: AmbiguousRecording[];
  unmatched: Recording[];
  /** The videos to write: session id → URL (added and replaced only). */
  changes: Map<string, string>;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function titleWords(title: string): string[] {
  return normaliseTitle(title).split(' ').filter(Boolean);
}

function trigrams(text: string): Set<string> {
  const padded = ` ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

interface Prepared {
  key: string;
  words: Set<string>;
  grams: Set<string>;
  people: string[][];
}

function prepare(title: string, speakers: readonly string[]): Prepared {
  const key = normaliseTitle(title);
  return { key, words: new Set(titleWords(title)), grams: trigrams(key), people: speakers.map(nameWords).filter((n) => n.length > 0) };
}

function nameWords(name: string): string[] {
  return foldDiacritics(name)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}

/** 1 for the same normalised title; else the best of shared words, shared letter triples and one title holding the other (≥ 3 words). */
export function titleSimilarity(a: Prepared, b: Prepared): number {
  if (!a.key || !b.key) return 0;
  if (a.key === b.key) return 1;
  const words = dice(a.words, b.words);
  const grams = dice(a.grams, b.grams);
  const shorter = Math.min(a.words.size, b.words.size);
  let common = 0;
  for (const w of a.words) if (b.words.has(w)) common++;
  const holds = shorter >= 3 ? (0.9 * common) / shorter : 0;
  return Math.min(0.99, Math.max(words, grams, holds));
}

/** Share of the recording's speakers the session names (same words, or the same surname); undefined when either names none. */
export function speakerSimilarity(recording: Prepared, session: Prepared): number | undefined {
  if (recording.people.length === 0 || session.people.length === 0) return undefined;
  let found = 0;
  for (const person of recording.people) {
    const last = person[person.length - 1]!;
    if (session.people.some((other) => other.join(' ') === person.join(' ') || other[other.length - 1] === last || other.includes(last))) found++;
  }
  return found / recording.people.length;
}

/** How sure we are that the recording is this session, 0..1: the title's likeness, with the speakers' when both name them. */
export function confidenceOf(recording: Prepared, session: Prepared): number {
  const title = titleSimilarity(recording, session);
  const people = speakerSimilarity(recording, session);
  return people === undefined ? title : 0.75 * title + 0.25 * people;
}

/** The YouTube video id of a link (watch, youtu.be, embed, live, shorts), else undefined. */
export function youtubeId(url: string): string | undefined {
  const m =
    /^https?:\/\/(?:www\.|m\.|music\.)?youtube(?:-nocookie)?\.com\/(?:watch\?(?:[^#]*&)?v=|embed\/|live\/|shorts\/|v\/)([\w-]{6,})/i.exec(url) ??
    /^https?:\/\/youtu\.be\/([\w-]{6,})/i.exec(url);
  return m?.[1];
}

/** The same recording: the same YouTube id, or the same URL but for case, `www.` and a trailing slash. */
export function sameRecording(a: string, b: string): boolean {
  const ya = youtubeId(a);
  const yb = youtubeId(b);
  if (ya || yb) return ya === yb;
  const plain = (u: string) =>
    u
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\/(?:www\.)?/, '')
      .replace(/\/+$/, '');
  return plain(a) === plain(b);
}

interface Best {
  recording: Recording;
  ranked: Candidate[];
}

/** Matches each recording to a session of `file` (see the top of this file); the file itself is not changed. */
export function attachVideos(file: EventFile, recordings: readonly Recording[], options: AttachOptions = {}): AttachReport {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const margin = options.margin ?? DEFAULT_MARGIN;
  const index = new SessionIndex([{ origin: { file: 'index' }, event: file.event, sessions: file.sessions }]);
  const search = new SessionSearch(index);
  const sessions = new Map<string, Session>(file.sessions.map((s) => [s.id, s]));
  const prepared = new Map<string, Prepared>(
    file.sessions.map((s) => [
      s.id,
      prepare(
        s.title,
        s.speakers.map((sp) => sp.name),
      ),
    ]),
  );
  const byKey = new Map<string, string[]>();
  for (const [id, p] of prepared) byKey.set(p.key, [...(byKey.get(p.key) ?? []), id]);
  const prefix = `${file.event.id}/`;

  const report: AttachReport = { matched: [], ambiguous: [], unmatched: [], changes: new Map() };
  const picks: Best[] = [];
  for (const recording of recordings) {
    const mine = prepare(recording.title, recording.speakers);
    const ids = new Set<string>(byKey.get(mine.key) ?? []);
    const found = [
      ...search.search(recording.title, { limit: 8 }),
      ...(recording.speakers.length ? search.search(recording.speakers.join(' '), { limit: 8 }) : []),
    ];
    for (const r of found) if (r.session.fullId.startsWith(prefix)) ids.add(r.session.id);
    const ranked = [...ids]
      .map((id) => ({ sessionId: id, title: sessions.get(id)!.title, confidence: round(confidenceOf(mine, prepared.get(id)!)) }))
      .sort((a, b) => b.confidence - a.confidence || (a.sessionId < b.sessionId ? -1 : 1));
    const best = ranked[0];
    if (!best || best.confidence < threshold / 2) {
      report.unmatched.push(recording);
      continue;
    }
    const next = ranked[1];
    if (best.confidence < threshold) {
      report.ambiguous.push({ recording, reason: `the best match's confidence ${best.confidence} is below ${threshold}`, candidates: ranked.slice(0, 3) });
    } else if (next && best.confidence - next.confidence < margin) {
      report.ambiguous.push({
        recording,
        reason: `two sessions match nearly as well (${best.confidence} and ${next.confidence})`,
        candidates: ranked.slice(0, 3),
      });
    } else picks.push({ recording, ranked });
  }

  // Two recordings for one session: the clearly better one keeps it; when neither is clearly better, neither does.
  const bySession = new Map<string, Best[]>();
  for (const p of picks) bySession.set(p.ranked[0]!.sessionId, [...(bySession.get(p.ranked[0]!.sessionId) ?? []), p]);
  for (const p of picks) {
    const best = p.ranked[0]!;
    const rivals = bySession.get(best.sessionId)!.filter((o) => o !== p);
    const strongest = Math.max(-1, ...rivals.map((o) => o.ranked[0]!.confidence));
    if (rivals.length && best.confidence - strongest < margin) {
      report.ambiguous.push({ recording: p.recording, reason: `another recording matches ${best.sessionId} as well`, candidates: p.ranked.slice(0, 3) });
      continue;
    }
    if (rivals.length && strongest > best.confidence) {
      report.ambiguous.push({ recording: p.recording, reason: `another recording matches ${best.sessionId} better`, candidates: p.ranked.slice(0, 3) });
      continue;
    }
    const session = sessions.get(best.sessionId)!;
    const previous = session.video;
    const status: MatchStatus = !previous ? 'added' : sameRecording(previous, p.recording.url) ? 'unchanged' : options.force ? 'replaced' : 'kept';
    if (status === 'added' || status === 'replaced') report.changes.set(session.id, p.recording.url);
    report.matched.push({
      recording: p.recording,
      sessionId: session.id,
      sessionTitle: session.title,
      confidence: best.confidence,
      status,
      ...(previous ? { previous } : {}),
    });
  }
  const order = new Map(recordings.map((r, i) => [r, i]));
  report.ambiguous.sort((a, b) => order.get(a.recording)! - order.get(b.recording)!);
  return report;
}

/**
 * The index file's text with each changed session's `video:` set (added
 * after its other keys, or replaced where it is): comments, order and
 * everything else stay as they were.
 */
export function applyVideos(text: string, changes: ReadonlyMap<string, string>): string {
  if (changes.size === 0) return text;
  const doc = parseDocument(text, { uniqueKeys: false });
  const list = isMap(doc.contents) ? doc.contents.get('sessions', true) : undefined;
  if (!isSeq(list)) return text;
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const id = item.get('id', true);
    const key = isScalar(id) ? String(id.value) : undefined;
    const url = key === undefined ? undefined : changes.get(key);
    if (url !== undefined) item.set('video', url);
  }
  return doc.toString({ lineWidth: 0 });
}

/** The report as text: one line per recording, grouped matched, ambiguous, unmatched, then the counts. */
export function formatAttachReport(report: AttachReport): string {
  const lines: string[] = [];
  const verb: Record<MatchStatus, string> = {
    added: 'attached',
    replaced: 'replaced',
    unchanged: 'already there',
    kept: 'kept its own video (--force replaces it)',
  };
  for (const m of report.matched) lines.push(`matched   ${m.sessionId} (${m.confidence}): ${verb[m.status]} ${m.recording.url} "${m.recording.title}"`);
  for (const a of report.ambiguous) {
    const options = a.candidates.map((c) => `${c.sessionId} ${c.confidence}`).join(', ');
    lines.push(`ambiguous "${a.recording.title}" ${a.recording.url}: ${a.reason}; left alone${options ? ` [${options}]` : ''}`);
  }
  for (const u of report.unmatched) lines.push(`unmatched "${u.title}" ${u.url}`);
  const count = (s: MatchStatus) => report.matched.filter((m) => m.status === s).length;
  lines.push(
    `${report.matched.length} matched (${count('added')} attached, ${count('replaced')} replaced, ${count('unchanged')} already there, ${count('kept')} kept), ` +
      `${report.ambiguous.length} ambiguous, ${report.unmatched.length} unmatched`,
  );
  return lines.join('\n');
}

/** The report as JSON-ready data (--json). */
export function attachReportJson(report: AttachReport): unknown {
  return {
    matched: report.matched,
    ambiguous: report.ambiguous,
    unmatched: report.unmatched,
    changes: Object.fromEntries(report.changes),
  };
}
