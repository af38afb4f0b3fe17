import type { ConferenceEvent, Session } from '../index/model';
import { normalizeUrl, parseHttpUrl } from '../links/recordingHosts';
import { slugify } from '../text/slug';
import { compact, makeIdsUnique } from './common';
import { normaliseTitle } from './mergeEvents';
import { speakerEvidence, splitSpeakerTail } from './schedSpeakers';
import { ImportError, type ImportOptions, type ImportResult } from './types';

/**
 * A Sched schedule as scraped page by page (orimanabu/slidefetcher's
 * `{url, name, sessions: [{name, url, description, attachment, video}]}`):
 * no times, rooms or speaker fields, so speakers and companies come from the
 * title's " - Name, Company & Name, Company" tail, read with what all the
 * schedule's titles say about its names (schedSpeakers.ts). An optional
 * second list (cloud-native-second-brain's notes, by Sched event id) adds the official
 * tracks, and a YouTube link only where the scrape has none and its title
 * match was confident.
 */
export interface SchedScrapeOptions extends ImportOptions {
  /** `{sessions: [{sched_event_id, track, youtube_url, youtube_match_score}]}`, parsed. */
  tracks?: unknown;
  name?: string;
  location?: string;
  start?: string;
  end?: string;
}

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Breaks, meals, badge desks and booth hours: on the schedule, but not talks anyone recaps. */
const NOT_A_TALK =
  /^(?:badge pick-?up|lunch|coffee break|break\b|breakfast|fun run|solutions showcase|marketing office hours|cloud native learning lounge|registration|project pavilion - (?:am|pm) kiosks)/i;
/** "CANCELLED: …", or "…: CANCELED" / "… (Canceled)" at the end. */
const CANCELLED = /^cancell?ed\b|[:(]\s*cancell?ed\)?\s*$/i;
/** Only a confident title match of the notes' fuzzy YouTube search is taken. */
const MIN_MATCH_SCORE = 0.9;

export { splitSpeakerTail } from './schedSpeakers';

/** `https://x.sched.com/event/1YeLu/some-slug?iframe=no` → `1YeLu`. */
export function schedEventId(url: string | undefined): string | undefined {
  return url ? /\/event\/([A-Za-z0-9]+)/.exec(url)?.[1] : undefined;
}

function sessionType(title: string, track: string | undefined): string {
  const t = `${title} ${track ?? ''}`;
  if (/^keynote\b/i.test(title) || /keynote/i.test(track ?? '')) return 'keynote';
  if (/lightning talk/i.test(t)) return 'lightning';
  if (/^panel\b/i.test(title)) return 'panel';
  if (/^(?:tutorial|workshop)\b|contribfest|hands-on/i.test(t)) return 'workshop';
  if (/birds of a feather|\bbof\b/i.test(t)) return 'bof';
  return 'talk';
}

/** What a talk's title tail and its note say, whether its page was scraped or only the notes list it. */
function talk(title: string, speakers: Session['speakers'], note: Obj | undefined): Pick<Session, 'id' | 'title' | 'speakers' | 'type' | 'track'> {
  const track = str(note?.['track'])?.replace(/^[^\p{L}\p{N}]+/u, '');
  return {
    id: slugify(title.replace(/^[^\p{L}\p{N}]+/u, '')),
    title: title.replace(/^[^\p{L}\p{N}"'“(]+\s*/u, ''),
    speakers,
    type: sessionType(title, track),
    track: track && track !== 'Unclassified' ? track : undefined,
  };
}

export function importSchedScrape(data: unknown, options: SchedScrapeOptions = {}): ImportResult {
  const root = data && typeof data === 'object' ? (data as Obj) : undefined;
  const items = root && Array.isArray(root['sessions']) ? (root['sessions'] as unknown[]) : undefined;
  if (!items) throw new ImportError('not a Sched scrape: expected {"sessions": [{"name", "url", …}]}');
  const notes = new Map<string, Obj>();
  const noteList = options.tracks && typeof options.tracks === 'object' ? (options.tracks as Obj)['sessions'] : undefined;
  if (Array.isArray(noteList))
    for (const n of noteList) if (n && typeof n === 'object' && str((n as Obj)['sched_event_id'])) notes.set(str((n as Obj)['sched_event_id'])!, n as Obj);
  const titles: string[] = [];
  for (const raw of items) if (str((raw as Obj | null)?.['name'])) titles.push(str((raw as Obj)['name'])!);
  for (const n of notes.values()) if (str(n['title'])) titles.push(str(n['title'])!);
  const evidence = speakerEvidence(titles);
  const warnings: string[] = [];
  const sessions: Session[] = [];
  const usedVideos = new Set<string>();
  const pending: [Session, Obj | undefined][] = [];
  for (const raw of items) {
    if (!raw || typeof raw !== 'object') continue;
    const item = raw as Obj;
    const name = str(item['name']);
    if (!name) continue;
    const video = str(item['video']);
    if (NOT_A_TALK.test(name) && !video) continue;
    if (CANCELLED.test(name)) {
      warnings.push(`"${name}" was cancelled; left out`);
      continue;
    }
    const { title, speakers } = splitSpeakerTail(name, evidence);
    const pageUrl = str(item['url']);
    const schedule = pageUrl && parseHttpUrl(pageUrl) ? normalizeUrl(pageUrl.replace(/\?iframe=no$/, '').replace(/[?&]iframe=no\b/, '')) : undefined;
    const note = notes.get(schedEventId(pageUrl) ?? '');
    const attachments = Array.isArray(item['attachment']) ? (item['attachment'] as Obj[]) : [];
    const slideUrls = attachments.map((a) => str(a?.['url'])).filter((u): u is string => !!u && !!parseHttpUrl(u));
    const pdf = attachments.find((a) => /pdf/i.test(String(a?.['type'] ?? '')) || /\.pdf$/i.test(String(a?.['url'] ?? '')));
    const session: Session = compact({
      ...talk(title, speakers, note),
      video: video && parseHttpUrl(video) ? normalizeUrl(video) : undefined,
      slides: str(pdf?.['url']) ?? slideUrls[0],
      schedule,
    });
    if (session.video) usedVideos.add(session.video);
    pending.push([session, note]);
  }
  // Talks only the notes have (the scrape missed their pages): their title, speakers, track and page, unless
  // a talk of the same title is there already (the same talk, listed again under another Sched id).
  const seen = new Set(items.map((raw) => schedEventId(str((raw as Obj | null)?.['url']))).filter(Boolean));
  const known = new Set(pending.map(([s]) => normaliseTitle(s.title)));
  for (const [id, note] of notes) {
    const name = str(note['title']);
    if (seen.has(id) || !name || NOT_A_TALK.test(name) || CANCELLED.test(name)) continue;
    const { title, speakers } = splitSpeakerTail(name, evidence);
    if (known.has(normaliseTitle(title))) continue;
    known.add(normaliseTitle(title));
    const page = str(note['sched_url']);
    pending.push([
      compact({
        ...talk(title, speakers, note),
        schedule: page && parseHttpUrl(page) ? normalizeUrl(page) : undefined,
      }),
      note,
    ]);
  }
  // The notes' links only where the page had none, the match was confident, and no other talk has that video.
  for (const [session, note] of pending) {
    const fallback = str(note?.['youtube_url']);
    const score = note?.['youtube_match_score'];
    if (!session.video && fallback && parseHttpUrl(fallback) && typeof score === 'number' && score >= MIN_MATCH_SCORE) {
      const url = normalizeUrl(fallback);
      if (!usedVideos.has(url)) {
        session.video = url;
        usedVideos.add(url);
      }
    }
    sessions.push(session);
  }
  const id = options.eventId ?? (slugify(str(root!['name'])?.replace(/:\s*schedule$/i, '') ?? '') || 'sched-event');
  makeIdsUnique(sessions, warnings, id);
  const event: ConferenceEvent = compact({
    id,
    name: options.name ?? str(root!['name'])?.replace(/:\s*schedule$/i, '') ?? id,
    location: options.location,
    start: options.start,
    end: options.end,
    url: str(root!['url']) ? normalizeUrl(str(root!['url'])!.replace(/\?iframe=no$/, '')) : undefined,
  });
  return { format: 'sched-scrape', files: [{ event, sessions }], warnings };
}
