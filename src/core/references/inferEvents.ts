import type { SessionIndex } from '../index/sessionIndex';
import type { ParsedRecap } from '../recap/parseRecap';
import { embeddedRecordings } from '../links/recordingHosts';
import type { IndexCatalog } from './indexCatalog';
import { urlKey } from '../links/urlKey';

// Every http(s) URL in the text: Markdown links, reference definitions, bare URLs, HTML attributes.
const URL_IN_TEXT = /https?:\/\/[^\s<>()[\]"'`]{1,2000}/g;
const FOSDEM_SCHEDULE = /^(?:www\.)?(?:archive\.)?fosdem\.org\/(\d{4})\/schedule\/event\//;
// A year as posts write it after an event's name: "2016", "FOSDEM2020", or two digits after an apostrophe ("FOSDEM '26", "FOSDEM`20").
const YEAR = /(?<!\d)(?:((?:19|20)\d\d)|['’`](\d\d))(?!\d)/g;
// What ends the word run before a year: a URL or path ("…/fosdem-2024-3061-…") names no event.
const TOKEN_EDGE = /[\s<>()[\]"'`]/;
const MAX_URLS = 5000;
const MAX_NAMES = 2000;

/**
 * The events a recap without `event:` is about: the events of the indexed
 * talks it links to (schedule, slides and recording URLs, and FOSDEM schedule
 * URLs by their year), the most linked ones (any with at least a third of the
 * top count), recordings it embeds counting as links; when it links none,
 * the indexed event its text (frontmatter title and tags included) names
 * most often by name and year ("FOSDEM 2016", "FOSDEM '26", "KubeCon EU
 * 2024", "State of Open Con 2023": see EventNames). Empty when neither says
 * anything: titles are then matched across the whole index.
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
  // Shortcodes, MDX components and <iframe>s name a recording without a URL of its own.
  for (const href of embeddedRecordings(text)) {
    const key = urlKey(href);
    const session = key === undefined ? undefined : catalog.sessionByUrl(key);
    if (session) add(session.eventId);
  }
  if (counts.size === 0) {
    const names = catalog.eventNames();
    // A frontmatter that does not parse says nothing (its `event:` is yaml's guess, as everywhere else): the body alone.
    YEAR.lastIndex = parsed.frontmatter && !parsed.frontmatter.parses ? parsed.bodyStart : 0;
    n = 0;
    for (let m = YEAR.exec(text); m && n < MAX_NAMES; m = YEAR.exec(text), n++) {
      const year = m[1] ?? `20${m[2]!}`;
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      const before = text.slice(Math.max(lineStart, m.index - 120), m.index);
      // The characters glued to the year ("fosdem-", "FOSDEM") may name the event; a URL or path does not.
      let edge = before.length;
      while (edge > 0 && !TOKEN_EDGE.test(before[edge - 1]!)) edge--;
      if (before.includes('/', edge)) continue;
      const id = names.named(before, year);
      if (id) add(id);
    }
    let best: string | undefined;
    for (const [id, c] of counts) if (best === undefined || c > counts.get(best)!) best = id;
    return best === undefined ? [] : [best];
  }
  let top = 0;
  for (const c of counts.values()) top = Math.max(top, c);
  return [...counts].filter(([, c]) => c * 3 >= top).map(([id]) => id);
}
