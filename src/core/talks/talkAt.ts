import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import { normalizeUrl } from '../links/recordingHosts';
import type { ParsedRecap, Range } from '../recap/parseRecap';

export interface TalkAt {
  session: IndexedSession;
  range: Range;
}

const byUrl = new WeakMap<SessionIndex, Map<string, IndexedSession>>();

/** Every video, slides and schedule URL of the index → its session (built once per index). */
export function sessionsByUrl(index: SessionIndex): Map<string, IndexedSession> {
  let map = byUrl.get(index);
  if (!map) {
    map = new Map();
    for (const s of index.sessions) for (const url of [s.video, s.slides, s.schedule]) if (url) map.set(normalizeUrl(url), s);
    byUrl.set(index, map);
  }
  return map;
}

const ID = /[a-z0-9][a-z0-9._-]*\/[A-Za-z0-9][\w.-]*/g;
const LINK = /\[([^\]\n]*)\]\(\s*<?([^)\s>]+(?:\([^)\s]*\)[^)\s>]*)*)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * The talk under the cursor, for hover and Go to Definition: a talk's `id:`
 * or `title:` in the frontmatter, a full id written in the body, or a body
 * link whose target is the talk's recording, slides or schedule page.
 */
export function talkAt(parsed: ParsedRecap, index: SessionIndex, offset: number): TalkAt | undefined {
  const inside = (r: Range | undefined) => r !== undefined && r.start <= offset && offset <= r.end;
  for (const talk of parsed.talks) {
    if (!inside(talk.range)) continue;
    const session = talk.id ? index.get(talk.id.value) : undefined;
    if (session && (inside(talk.id?.range) || inside(talk.title?.range))) return { session, range: inside(talk.id?.range) ? talk.id!.range : talk.title!.range };
  }
  if (offset < parsed.bodyStart) return undefined;
  const lineStart = parsed.text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = parsed.text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = parsed.text.length;
  const line = parsed.text.slice(lineStart, lineEnd);
  const column = offset - lineStart;
  for (const m of line.matchAll(LINK)) {
    if (column < m.index || column > m.index + m[0].length) continue;
    const session = sessionsByUrl(index).get(normalizeUrl(m[2]!)) ?? index.get(m[2]!);
    if (session) return { session, range: { start: lineStart + m.index, end: lineStart + m.index + m[0].length } };
  }
  for (const m of line.matchAll(ID)) {
    if (column < m.index || column > m.index + m[0].length) continue;
    const session = index.get(m[0]);
    if (session) return { session, range: { start: lineStart + m.index, end: lineStart + m.index + m[0].length } };
  }
  return undefined;
}
