import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import { parseHttpUrl } from '../links/recordingHosts';
import type { ParsedRecap, TalkEntry } from '../recap/parseRecap';
import type { BlockCache } from './blockCache';
import { BodyWalker, type Scopes } from './bodyWalk';
import { indexCatalog } from './indexCatalog';
import { inferEvents } from './inferEvents';
import type { FrontmatterVideo, Placeholder, RecapReferences, RecapTalk, ResolvedTalk } from './model';
import { isPlaceholderValue } from './placeholders';
import { TitleMatcher, titleMatcher } from './titleMatcher';
import { titlePattern } from './titlePattern';

// A talk the author listed is matched in the body even with a shorter title than an arbitrary index title.
const MIN_LISTED_WORDS = 2;
const MIN_LISTED_CHARS = 8;

/**
 * Every talk a recap mentions: its frontmatter `talks:` entries (by id, or by
 * exact title when there is no id) and, in the body, titles of the recap's
 * events' talks, links to a talk's recording, slides or schedule page, and full ids;
 * with which of them a recording link covers.
 */
export function findReferences(parsed: ParsedRecap, index: SessionIndex, cache?: BlockCache, inferred?: readonly string[]): RecapReferences {
  const catalog = indexCatalog(index);
  const talks: RecapTalk[] = [];
  const bySession = new Map<IndexedSession, number>();
  const byUnknownId = new Map<string, number>();
  // Without `event:`, the events its links and its text name (see inferEvents.ts; `inferred` when the caller has them): titles are matched in those.
  const declared = parsed.events.length > 0;
  const events = declared ? parsed.events.map((e) => e.value) : [...(inferred ?? inferEvents(parsed, index, catalog))];
  const family = new Set<string>();
  for (const e of events) for (const id of index.family(e)) family.add(id);

  const byTitle = (title: string): IndexedSession | undefined => {
    const found = catalog.sessionsWithTitle(titlePattern(title).key).filter((s) => family.size === 0 || family.has(s.eventId));
    return found.length === 1 ? found[0] : undefined;
  };
  const newTalk = (session: IndexedSession | undefined, title: string): number => {
    talks.push({ session, title, entries: [], mentions: [], unknownId: false, frontmatterVideo: 'none', videoLinks: [], placeholders: [] });
    if (session) bySession.set(session, talks.length - 1);
    return talks.length - 1;
  };

  const placeholders: Placeholder[] = [];
  for (const entry of parsed.talks) {
    const id = entry.id?.value.trim();
    const session = id ? index.get(id) : entry.title ? byTitle(entry.title.value) : undefined;
    let t = session ? bySession.get(session) : id ? byUnknownId.get(id) : undefined;
    if (t === undefined) {
      t = newTalk(session, session?.title ?? entry.title?.value ?? id ?? '');
      if (id && !session) {
        talks[t]!.unknownId = true;
        byUnknownId.set(id, t);
      }
    }
    const talk = talks[t]!;
    talk.entries.push(entry);
    const video = frontmatterVideo(entry);
    if (talk.frontmatterVideo === 'none' || video === 'valid') talk.frontmatterVideo = video;
    if (video === 'placeholder') {
      const p: Placeholder = { ...entry.video!.range, text: String(entry.video!.value), located: true, talks: [t], entry };
      placeholders.push(p);
      talk.placeholders.push(p);
    }
  }

  const extra = new TitleMatcher<number>();
  const listed: string[] = [];
  talks.forEach((talk, t) => {
    const title = talk.session?.title ?? talk.entries[0]?.title?.value ?? '';
    listed.push(title);
    const pattern = titlePattern(title);
    if (pattern.hashes.length >= MIN_LISTED_WORDS && pattern.chars >= MIN_LISTED_CHARS) extra.add(pattern, t);
  });
  // Cached blocks hold talk indexes of these titles, matches of these events and links as these definitions resolve them.
  cache?.begin(index, `${[...family].sort().join(' ')}\n${listed.join('\n')}\n${parsed.body.definitions()}`);

  const body = new BodyWalker(parsed, {
    catalog,
    matcher: titleMatcher(index, family),
    extra,
    talkOf: (session) => bySession.get(session) ?? newTalk(session, session.title),
    mention: (t, m) => talks[t]!.mentions.push(m),
    cache,
  }).walk();

  const recordings = new Set<IndexedSession>();
  for (const link of body.links) {
    if (link.videoOf) recordings.add(link.videoOf);
    const own = link.videoOf ? bySession.get(link.videoOf) : undefined;
    // A talk's own recording covers that talk only, wherever it sits.
    for (const t of own !== undefined ? [own] : talksAbout(body.scopes, link.scope)) {
      if (!talks[t]!.videoLinks.includes(link.href)) talks[t]!.videoLinks.push(link.href);
    }
  }
  for (const { scope, placeholder } of body.placeholders) {
    for (const t of talksAbout(body.scopes, scope)) {
      placeholder.talks.push(t);
      talks[t]!.placeholders.push(placeholder);
    }
    placeholders.push(placeholder);
  }
  placeholders.sort((a, b) => a.start - b.start);

  let resolved: ResolvedTalk[] | undefined;
  return {
    talks,
    placeholders,
    events,
    eventsInferred: !declared,
    recordings,
    // Only the preview and the talk list read it; the Problems panel, typing away, never does.
    get resolved() {
      return (resolved ??= talks.map((t) => resolvedTalk(t, index)));
    },
  };
}

/**
 * From the block a link (or placeholder) is in, up to the nearest block that
 * mentions talks: those are the talks it is about. A paragraph that mentions
 * none continues the paragraph before it that does ("Title — Speaker",
 * then notes, then "Watch the recording").
 */
function talksAbout(scopes: Scopes, scope: number): readonly number[] {
  for (let n = scope; n > 0; n = scopes.parent[n]!) {
    const talks = scopes.talks[n] ?? scopes.talks[scopes.previous[n]!];
    if (talks) return talks;
  }
  return [];
}

function frontmatterVideo(entry: TalkEntry): FrontmatterVideo {
  const value = entry.video?.value;
  if (value === undefined || value === null) return 'none';
  if (typeof value !== 'string') return 'invalid';
  if (value.trim() === '') return 'none';
  if (isPlaceholderValue(value)) return 'placeholder';
  return parseHttpUrl(value) ? 'valid' : 'invalid';
}

function validUrl(value: unknown): string | undefined {
  return typeof value === 'string' && parseHttpUrl(value) ? value.trim() : undefined;
}

function resolvedTalk(talk: RecapTalk, index: SessionIndex): ResolvedTalk {
  const { session, entries } = talk;
  const entry = entries[0];
  const mentions: ResolvedTalk['mentions'] = [];
  for (const e of entries) {
    const r = e.id?.range ?? e.title?.range ?? e.range;
    mentions.push({ start: r.start, end: r.end, kind: 'frontmatter' });
  }
  for (const m of talk.mentions) if (m.located) mentions.push({ start: m.start, end: m.end, kind: m.kind });
  const out: ResolvedTalk = { title: talk.title, speakers: [], mentions };
  if (session) {
    out.id = session.fullId;
    out.speakers = session.speakers.map((s) => (s.affiliation ? { name: s.name, affiliation: s.affiliation } : { name: s.name }));
    out.eventName = index.events.get(session.eventId)?.name ?? session.eventId;
  } else if (entry?.speakers) {
    for (const s of entry.speakers.value) if (s.name) out.speakers.push(s.affiliation ? { name: s.name, affiliation: s.affiliation } : { name: s.name });
  }
  let video: string | undefined;
  for (const e of entries) video ??= validUrl(e.video?.value);
  video ??= talk.videoLinks[0];
  if (video) out.video = video;
  else if (session?.video) out.knownVideo = session.video;
  const slides = validUrl(entry?.slides?.value) ?? session?.slides;
  if (slides) out.slides = slides;
  const schedule = validUrl(entry?.schedule?.value) ?? session?.schedule;
  if (schedule) out.schedule = schedule;
  return out;
}
