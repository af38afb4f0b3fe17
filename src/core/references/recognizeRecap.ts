import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import type { ParsedRecap } from '../recap/parseRecap';
import type { BlockCache } from './blockCache';
import { findReferences } from './findReferences';
import { indexCatalog } from './indexCatalog';
import { inferEvents } from './inferEvents';
import type { RecapReferences } from './model';

/**
 * How many talks of the index a Markdown file that declares nothing (no
 * `event:` or `talks:`, outside a `recaps/` folder) must mention to be taken
 * for a recap. Measured (`npm run bench`, "Real recaps") on the nine shared
 * real posts whose event the index holds, the five seeds and the ten
 * non-recap posts of test/fixtures/blog: every recap but one webinar
 * transcript links two talks or more, or names three titles or more of its
 * event (the weakest: one link and three titles; three titles and no link);
 * no non-recap links more than one talk or names a single title.
 */
export const RECOGNITION = {
  /** Talks linked (schedule page, recording, slides, an embedded recording, or a full id). */
  links: 2,
  /** Talks named by title, all of one inferred event (with its co-located events). */
  titles: 3,
  /** Or: at least one talk linked, and this many talks in all (linked or named). */
  linkedAndNamed: 3,
} as const;

/** Why a file is (or is not) a recap, and what was counted. */
export interface Recognition {
  isRecap: boolean;
  /** `declared`: `event:`/`talks:` or a `recaps/` folder (see recapFiles.ts); `mentions`: what it links and names (RECOGNITION). */
  by: 'declared' | 'mentions' | undefined;
  /** Distinct indexed talks linked (counted only when the file declares nothing). */
  links: number;
  /** Distinct indexed talks named by title within the best inferred event (counted only when the file declares nothing and an event was inferred). */
  titles: number;
  /** The events its titles were matched in (declared or inferred). */
  events: string[];
}

/**
 * Whether the recap features apply to a file, from its parse (what it
 * declares) and, when it declares nothing, from the talks its reference
 * search found (`findReferences`, events inferred): enough links to indexed
 * talks, or enough titles of one inferred event's talks (RECOGNITION).
 * Titles never count unless their event was inferred, so a post that names
 * no conference is never a recap by its titles alone.
 */
export function recognizeRecap(parsed: ParsedRecap, index: SessionIndex, refs: RecapReferences): Recognition {
  // Declared: nothing to count (a large recap's lint does not pay for it).
  if (parsed.isRecap) return { isRecap: true, by: 'declared', links: 0, titles: 0, events: refs.events };
  const linked = new Set<IndexedSession>(refs.recordings);
  const named = new Set<IndexedSession>();
  for (const talk of refs.talks) {
    const session = talk.session;
    if (!session) continue;
    for (const m of talk.mentions) {
      if (m.kind === 'title') named.add(session);
      else linked.add(session);
    }
  }
  // Titles count only within the inferred events (matched across the whole index, they prove nothing).
  let titles = 0;
  const inEvents = new Set<IndexedSession>();
  if (refs.eventsInferred) {
    for (const event of refs.events) {
      const family = index.family(event);
      const inFamily = [...named].filter((s) => family.has(s.eventId));
      for (const s of inFamily) inEvents.add(s);
      titles = Math.max(titles, inFamily.length);
    }
  }
  const all = new Set([...linked, ...inEvents]).size;
  const isRecap = linked.size >= RECOGNITION.links || titles >= RECOGNITION.titles || (linked.size >= 1 && all >= RECOGNITION.linkedAndNamed);
  return { isRecap, by: isRecap ? 'mentions' : undefined, links: linked.size, titles, events: refs.events };
}

/**
 * The talks a file mentions and whether it is a recap, in one pass, as the
 * lint and `recap inspect` ask: without `event:` its events are inferred
 * first (a scan of its URLs and names), and with `onlyRecaps` a file that
 * declares nothing and names no indexed event is dismissed there, its body
 * never read (`refs` undefined). `parsed` as the lint reads it (see
 * withReadableFrontmatter).
 */
export function findRecap(
  parsed: ParsedRecap,
  index: SessionIndex,
  options: { cache?: BlockCache; onlyRecaps?: boolean } = {},
): { refs: RecapReferences | undefined; recognition: Recognition } {
  const inferred = parsed.events.length === 0 ? inferEvents(parsed, index, indexCatalog(index)) : undefined;
  if (options.onlyRecaps && !parsed.isRecap && inferred?.length === 0)
    return { refs: undefined, recognition: { isRecap: false, by: undefined, links: 0, titles: 0, events: [] } };
  const refs = findReferences(parsed, index, options.cache, inferred);
  return { refs, recognition: recognizeRecap(parsed, index, refs) };
}
