import type { IndexedSession } from '../index/sessionIndex';
import type { Range } from '../recap/parseRecap';
import type { RecapReferences } from '../references/model';

export interface TalkAt {
  session: IndexedSession;
  /** What the card is about: the mention (or the frontmatter value) under the cursor. */
  range: Range;
}

/**
 * The talk under the cursor, for hover and Go to Definition, answered from
 * the references the lint found (so the two never disagree): a talk's `id:`
 * or `title:` in a frontmatter entry, and in the body a title (prose, a
 * heading, a list item), a link to the talk's recording, slides or schedule
 * page, or a full id. Code spans and code blocks hold no mentions, so
 * nothing there answers; nor does a frontmatter that does not parse (the
 * lint reads none of it). Only talks the index knows have a card.
 *
 * The offset may sit anywhere from a mention's first character to just after
 * its last (where a keyboard cursor rests); where mentions nest (a title
 * inside a link to its recording), the innermost answers.
 */
export function talkAt(refs: RecapReferences | undefined, offset: number): TalkAt | undefined {
  if (!refs) return undefined;
  let best: TalkAt | undefined;
  let bestScore = Infinity;
  const consider = (session: IndexedSession, range: Range | undefined) => {
    if (!range || offset < range.start || offset > range.end) return;
    // Inside beats touching the end; then the shorter range (the inner mention).
    const score = (offset < range.end ? 0 : 1e9) + (range.end - range.start);
    if (score < bestScore) {
      bestScore = score;
      best = { session, range: { start: range.start, end: range.end } };
    }
  };
  for (const talk of refs.talks) {
    const session = talk.session;
    if (!session) continue;
    for (const entry of talk.entries) {
      consider(session, entry.id?.range);
      consider(session, entry.title?.range);
    }
    for (const m of talk.mentions) if (m.located) consider(session, m);
  }
  return best;
}
