// Search quality: how often the talk a person means comes first, or in the
// first three, for the queries in bench/searchQueries.json (written from the
// five seed recaps and the shared real recaps, each with the recap's event as
// context). Used by `npm run bench` and by test/unit/searchQuality.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import type { SessionIndex } from '../src/core/index/sessionIndex';
import { SessionSearch } from '../src/core/search/sessionSearch';

export interface QueryCase {
  /** What a person types: a few words from memory, typos and a partial last word included. */
  query: string;
  /** The recap's event: its family is preferred, as completion in that recap prefers it. */
  event: string;
  /** The full id of the talk meant. */
  expected: string;
  /** Which recap the query comes from. */
  source?: string;
}

export const GOALS = { top1: 0.85, top3: 0.95 };

export function loadQueryCases(root: string): QueryCase[] {
  return JSON.parse(readFileSync(join(root, 'bench', 'searchQueries.json'), 'utf8')) as QueryCase[];
}

export interface Accuracy {
  top1: number;
  top3: number;
  /** Cases whose talk did not come first, with the rank it had (0 when not in the first ten). */
  misses: { case: QueryCase; rank: number; first: string | undefined }[];
}

/**
 * `rank(case)` returns full ids, best first (at least ten if it can). With an
 * index, an expected id the schedule has since renamed (an alias) counts as its current id.
 */
export function accuracy(cases: readonly QueryCase[], rank: (c: QueryCase) => string[], index?: SessionIndex): Accuracy {
  let top1 = 0;
  let top3 = 0;
  const misses: Accuracy['misses'] = [];
  for (const c of cases) {
    const ids = rank(c);
    const expected = index?.get(c.expected)?.fullId ?? c.expected;
    const at = ids.indexOf(expected) + 1;
    if (at === 1) top1++;
    else misses.push({ case: c, rank: at, first: ids[0] });
    if (at >= 1 && at <= 3) top3++;
  }
  return { top1: top1 / cases.length, top3: top3 / cases.length, misses };
}

/** Our search, with the recap's event family preferred. */
export function oursRanker(index: SessionIndex, search = new SessionSearch(index)): (c: QueryCase) => string[] {
  return (c) => search.search(c.query, { limit: 10, preferEvents: index.family(c.event) }).map((r) => r.session.fullId);
}

interface FuseDoc {
  id: string;
  title: string;
  speakers: string;
  affiliations: string;
  event: string;
}

/** The baseline: plain fuse.js over every session's title, speakers, companies and event name. */
export function plainFuse(index: SessionIndex): Fuse<FuseDoc> {
  const docs = index.sessions.map((s): FuseDoc => ({
    id: s.fullId,
    title: s.title,
    speakers: s.speakers.map((sp) => sp.name).join(', '),
    affiliations: s.speakers.map((sp) => sp.affiliation ?? '').join(', '),
    event: index.events.get(s.eventId)?.name ?? s.eventId,
  }));
  return new Fuse(docs, { includeScore: true, ignoreLocation: true, keys: ['title', 'speakers', 'affiliations', 'event'] });
}

/** Plain fuse.js over every session (it has no notion of the recap's event). */
export function plainFuseRanker(index: SessionIndex): (c: QueryCase) => string[] {
  const fuse = plainFuse(index);
  return (c) => fuse.search(c.query, { limit: 10 }).map((r) => r.item.id);
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
