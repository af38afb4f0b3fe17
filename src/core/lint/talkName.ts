import type { RecapTalk } from '../references/model';

/**
 * How a message names a talk: “its title”; a talk without one (an entry with
 * only speakers, `title: ""`) by its id, else as “this talk”. Never `“”`.
 * `sentence` capitalizes it for the start of a sentence.
 */
export function talkName(talk: RecapTalk, sentence = false): string {
  return named(talk.title, talk.session?.fullId ?? talk.entries[0]?.id?.value, sentence);
}

/** The same for an index session (titles there are required, but a message must not depend on it). */
export function sessionName(session: { title: string; fullId: string }, sentence = false): string {
  return named(session.title, session.fullId, sentence);
}

function named(title: string | undefined, id: string | undefined, sentence: boolean): string {
  const t = title?.trim();
  if (t) return `“${t}”`;
  const i = id?.trim();
  if (i) return `\`${i}\``;
  return sentence ? 'This talk' : 'this talk';
}
