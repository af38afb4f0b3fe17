import type { SessionIndex } from '../index/sessionIndex';
import type { ParsedRecap } from '../recap/parseRecap';
import type { IndexCatalog } from './indexCatalog';
import { urlKey } from './urlKey';

// Every http(s) URL in the text: Markdown links, reference definitions, bare URLs, HTML attributes.
const URL_IN_TEXT = /https?:\/\/[^\s<>()[\]"'`]{1,2000}/g;
const FOSDEM_SCHEDULE = /^(?:www\.)?(?:archive\.)?fosdem\.org\/(\d{4})\/schedule\/event\//;
// "FOSDEM 2016", "FOSDEM2020", "FOSDEM '26", "FOSDEM`20": an event name, then a year.
const NAME_YEAR = /\b([A-Za-z][A-Za-z-]{1,30})[ \t]?['’`]?(\d{4}|\d{2})\b/g;
const MAX_URLS = 5000;
const MAX_NAMES = 2000;

/**
 * The events a recap without `event:` is about: the events of the indexed
 * talks it links to (schedule, slides and recording URLs, and FOSDEM schedule
 * URLs by their year), the most linked ones (any with at least a third of the
 * top count); when it links none, the indexed event its text names most
 * often by name and year ("FOSDEM 2016", "FOSDEM '26"). Empty when neither
 * says anything: titles are then matched across the whole index.
 */
export function inferEvents(parsed: ParsedRecap, index: SessionIndex, catalog: IndexCatalog): string[] {
  const text = parsed.text;
  const counts = new Map<string, number>();
  const add = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  URL_IN_TEXT.lastIndex = 0;
  let n = 0;
  for (let m = URL_IN_TEXT.exec(text); m && n < MAX_URLS; m = URL_IN_TEXT.exec(text), n++) {
    const key = urlKey(m[0]);
    if (key === undefined) continue;
    const session = catalog.sessionByUrl(key);
    if (session) {
      add(session.eventId);
      continue;
    }
    const year = FOSDEM_SCHEDULE.exec(key)?.[1];
    if (year && index.events.has(`fosdem-${year}`)) add(`fosdem-${year}`);
  }
  if (counts.size === 0) {
    NAME_YEAR.lastIndex = 0;
    n = 0;
    for (let m = NAME_YEAR.exec(text); m && n < MAX_NAMES; m = NAME_YEAR.exec(text), n++) {
      const digits = m[2]!;
      const year = digits.length === 2 ? `20${digits}` : digits;
      const id = `${m[1]!.toLowerCase()}-${year}`;
      if (index.events.has(id)) add(id);
    }
    let best: string | undefined;
    for (const [id, c] of counts) if (best === undefined || c > counts.get(best)!) best = id;
    return best === undefined ? [] : [best];
  }
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  return [...counts].filter(([, c]) => c * 3 >= top).map(([id]) => id);
}
