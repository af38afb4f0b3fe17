import type { ConferenceEvent, Link, Session, Speaker } from '../index/model';
import { classifyLink, normalizeUrl, parseHttpUrl } from '../links/recordingHosts';
import { slugify } from '../text/slug';
import { compact, localDateTime, makeIdsUnique, mapSessionType, parseDuration, fileStem } from './common';
import { isObject, objects, str, type Json } from './json';
import { IMPORT_FORMATS, ImportError, type ImportOptions, type ImportResult } from './types';

const SUPPORTED = `supported formats: ${IMPORT_FORMATS.join(', ')}`;

function datePart(value: unknown): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(str(value) ?? '');
  return m ? m[1] : undefined;
}

/** Minutes between two ISO date-times; undefined unless both parse and end is not before start. */
function minutesBetween(start: unknown, end: unknown): number | undefined {
  const a = Date.parse(str(start) ?? '');
  const b = Date.parse(str(end) ?? '');
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return undefined;
  return Math.round((b - a) / 60000);
}

// Schema 2 deprecates "HH:MM" durations for ISO 8601 ones ("PT1H30M").
function isoDuration(value: unknown): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(str(value) ?? '');
  if (!m || m[0] === 'P' || m[0] === 'PT') return undefined;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Math.round(Number(m[4] ?? 0) / 60);
}

/**
 * frab and pretalx `schedule.json`, both c3voc schema versions:
 * schema 1 nests events as `conference.days[].rooms{ROOM: [event]}`,
 * schema 2 lists them flat in `schedule.events` with room and track references.
 */
export function importFrabJson(text: string, options: ImportOptions = {}): ImportResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not valid JSON (${(err as Error).message}); a frab/pretalx schedule.json was expected (${SUPPORTED})`);
  }
  const schedule = isObject(root) ? root['schedule'] : undefined;
  const conference = isObject(schedule) ? schedule['conference'] : undefined;
  if (!isObject(schedule) || !isObject(conference)) {
    const hint =
      isObject(root) && Array.isArray(root['sessions']) && Array.isArray(root['speakers'])
        ? ' (it looks like a Sessionize export: import it as sessionize)'
        : '';
    throw new ImportError(`this JSON is not a frab/pretalx schedule: it has no schedule.conference object${hint} (${SUPPORTED})`);
  }

  const title = str(conference['title']);
  const acronym = str(conference['acronym']);
  const stem = fileStem(options.fileName);
  const days = objects(conference['days']);
  const dayDates = days
    .map((d) => datePart(d['date']))
    .filter((d): d is string => !!d)
    .sort();
  const event: ConferenceEvent = compact({
    id: options.eventId ?? (slugify(acronym ?? title ?? '') || slugify(stem ?? '') || 'frab-import'),
    name: title ?? acronym ?? stem ?? 'Imported schedule',
    // frab's conference.end is the morning after the last day (Camp 2019 says 08-26 for a
    // camp that ended on 08-25), so the days, where listed, are the better source.
    start: dayDates[0] ?? datePart(conference['start']),
    end: dayDates[dayDates.length - 1] ?? datePart(conference['end']),
    url: httpUrl(conference['url']),
  });
  const where = event.id;
  const baseUrl = httpUrl(schedule['base_url']);
  const context: Context = {
    baseUrl,
    rooms: new Map(objects(conference['rooms']).map((r) => [str(r['guid']) ?? '', str(r['name'])])),
    tracks: new Map(objects(conference['tracks']).map((t) => [str(t['slug']) ?? '', str(t['name'])])),
  };

  const placed: { ev: Json; room?: string; day?: string }[] = [];
  if (Array.isArray(schedule['events'])) {
    for (const ev of objects(schedule['events'])) placed.push({ ev });
  } else {
    for (const day of days) {
      const date = datePart(day['date']);
      const rooms = day['rooms'];
      if (isObject(rooms)) {
        for (const [room, events] of Object.entries(rooms)) for (const ev of objects(events)) placed.push({ ev, room, day: date });
      } else {
        // Some generators emit rooms as a list of {name, events} instead of a name-keyed map.
        for (const room of objects(rooms)) for (const ev of objects(room['events'])) placed.push({ ev, room: str(room['name']), day: date });
      }
    }
  }

  const warnings: string[] = [];
  const sessions: Session[] = [];
  const breaks: string[] = [];
  for (const { ev, room, day } of placed) {
    const type = str(ev['type']);
    // Schema 2's MetaEvents (breaks, "doors open") are schedule furniture, not sessions.
    if (type && /^(?:break|meta)$/i.test(type)) {
      breaks.push(str(ev['title']) ?? type);
      continue;
    }
    const session = toSession(ev, room, day, context);
    if (session) sessions.push(session);
    else warnings.push(`${where}: event ${str(ev['guid']) ?? str(ev['id']) ?? str(ev['code']) ?? '?'}${day ? ` on ${day}` : ''} has no title; skipped`);
  }
  if (breaks.length) warnings.push(`${where}: skipped ${breaks.length} break/meta entries (${breaks.join(', ')})`);

  // Schema 1 lists events day by day and room by room; a chronological index reads better.
  sessions.sort((a, b) => (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff'));
  makeIdsUnique(sessions, warnings, where);
  return { format: 'frab-json', files: [{ event, sessions }], warnings };
}

interface Context {
  baseUrl?: string;
  rooms: Map<string, string | undefined>;
  tracks: Map<string, string | undefined>;
}

function httpUrl(value: unknown): string | undefined {
  const text = str(value);
  return text && parseHttpUrl(text) ? normalizeUrl(text) : undefined;
}

/**
 * Absolute URL for a schedule link: frab writes attachments relative to the
 * site (`/system/event_attachments/…`) and speakers type bare host names.
 */
function absoluteUrl(raw: string, baseUrl: string | undefined): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return normalizeUrl(text);
  if (text.startsWith('//')) return normalizeUrl(`https:${text}`);
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#:]|$)/i.test(text)) return normalizeUrl(`https://${text}`);
  if (baseUrl) {
    try {
      return normalizeUrl(new URL(text, baseUrl).href);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

// Explicit link types win over guessing from the URL: a PAPER that is a PDF is not slides.
const VIDEO_TYPES = new Set(['media', 'video', 'recording']);
const OTHER_TYPES = new Set(['paper', 'article', 'blog', 'book', 'web', 'related', 'origin', 'activitypub']);
const DOCUMENT_FILE = /\.(?:pdf|pptx?|odp|key)(?:[?#]|$)/i;
const SLIDES_TITLE = /slide|folie|presentation|präsentation|deck\b/i;
const TYPE_TITLES: Record<string, string> = {
  origin: 'Original schedule entry',
  paper: 'Paper',
  web: 'Website',
  blog: 'Blog post',
  article: 'Article',
  book: 'Book',
  related: 'Related',
  activitypub: 'Fediverse',
};

function toSession(ev: Json, roomKey: string | undefined, day: string | undefined, ctx: Context): Session | undefined {
  const title = str(ev['title']);
  if (!title) return undefined;

  const rawStart = ev['date'] ?? ev['start'];
  let start = localDateTime(ev['date']) ?? (datePart(ev['start']) ? localDateTime(ev['start']) : undefined);
  if (!start && day && /^\d{2}:\d{2}$/.test(str(ev['start']) ?? '')) start = `${day}T${str(ev['start'])}`;
  const duration = parseDuration(ev['duration']) ?? isoDuration(ev['duration']) ?? minutesBetween(rawStart, ev['end']);

  let room: string | undefined;
  if (isObject(ev['room'])) {
    const ref = ev['room'];
    room = str(ref['name']) ?? ctx.rooms.get(str(ref['guid']) ?? '') ?? str(ref['slug']);
  } else {
    room = str(ev['room']) ?? roomKey;
  }
  let track: string | undefined;
  if (isObject(ev['track'])) {
    const ref = ev['track'];
    track = str(ref['name']) ?? ctx.tracks.get(str(ref['slug']) ?? '') ?? str(ref['slug']);
  } else {
    track = str(ev['track']);
  }

  const schedule = httpUrl(ev['url']);
  let video: string | undefined;
  let slides: string | undefined;
  const links: Link[] = [];
  const seen = new Set<string>(schedule ? [schedule] : []);
  const add = (rawUrl: unknown, linkTitle: string | undefined, linkType: string | undefined, attachment = false): void => {
    const raw = str(rawUrl);
    if (!raw) return;
    const type = linkType?.toLowerCase();
    // Feedback forms are for attendees during the event, not for a recap.
    if (type === 'feedback') return;
    // frab's stand-in for an attachment whose file is gone.
    if (/\/attachments\/original\/missing\.png$/.test(raw)) return;
    const url = absoluteUrl(raw, ctx.baseUrl);
    if (!url || seen.has(url)) return;
    seen.add(url);
    let kind: 'video' | 'slides' | 'other';
    if (type === 'slides') kind = 'slides';
    else if (type && VIDEO_TYPES.has(type)) kind = parseHttpUrl(url) ? 'video' : 'other';
    else if (type && OTHER_TYPES.has(type)) kind = 'other';
    else kind = classifyLink(url, linkTitle ?? '');
    // Speakers' untyped links to PDFs are mostly papers and handouts (Camp 2019: a thesis, an FAQ,
    // a paper); uploaded PDFs are mostly slides. A linked PDF counts as slides only when its title says so.
    if (kind === 'slides' && !attachment && !type && DOCUMENT_FILE.test(url) && !SLIDES_TITLE.test(linkTitle ?? '')) kind = 'other';
    if (kind === 'video' && !video) video = url;
    else if (kind === 'slides' && !slides) slides = url;
    else links.push(compact({ url, title: linkTitle ?? (type ? TYPE_TITLES[type] : undefined) }));
  };

  const recording = ev['recording'];
  if (isObject(recording)) {
    add(recording['url'] ?? recording['link'], undefined, 'recording');
  } else {
    add(recording, undefined, 'recording');
  }
  for (const key of ['video_download_url', 'recording_url', 'video_url', 'video']) add(ev[key], undefined, 'recording');
  // Attachments first: an uploaded PDF is likelier the slides than a PDF someone linked to.
  for (const a of objects(ev['attachments'])) add(a['url'] ?? a['href'], str(a['title']), str(a['type']), true);
  for (const l of objects(ev['links'])) add(l['url'] ?? l['href'], str(l['title']), str(l['type']));

  return compact({
    id: sessionId(str(ev['slug'])) ?? slugify(title),
    title,
    speakers: speakersOf(ev),
    type: mapSessionType(ev['type']),
    track,
    start,
    duration,
    room,
    video,
    slides,
    schedule,
    links,
  });
}

/** frab slugs (`Camp2019-10386-opening_ceremony`) and pretalx codes are kept as they are, unless unusable as an id. */
function sessionId(slug: string | undefined): string | undefined {
  if (!slug) return undefined;
  return /[\s/]/.test(slug) ? slugify(slug) || undefined : slug;
}

// Schema 2 participants also list CONTRIBUTORs (co-authors, organisers) who were not on stage.
const OFF_STAGE_ROLES = new Set(['contributor']);

function speakersOf(ev: Json): Speaker[] {
  const people = Array.isArray(ev['persons']) ? ev['persons'] : Array.isArray(ev['participants']) ? ev['participants'] : [];
  const speakers: Speaker[] = [];
  const names = new Set<string>();
  for (const p of people) {
    let name: string | undefined;
    let affiliation: string | undefined;
    if (isObject(p)) {
      const role = str(p['role'])?.toLowerCase();
      if (role && OFF_STAGE_ROLES.has(role)) continue;
      name = str(p['public_name']) ?? str(p['name']) ?? str(p['full_public_name']);
      affiliation = str(p['affiliation']) ?? str(p['organisation']) ?? str(p['organization']) ?? str(p['company']);
    } else {
      name = str(p);
    }
    if (!name || names.has(name.toLowerCase())) continue;
    names.add(name.toLowerCase());
    speakers.push(compact({ name, affiliation }));
  }
  return speakers;
}
