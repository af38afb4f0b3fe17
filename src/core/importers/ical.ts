import ICAL from 'ical.js';
import { SESSION_TYPES, type ConferenceEvent, type Link, type Session, type Speaker } from '../index/model';
import { classifyLink, normalizeUrl, parseHttpUrl } from '../links/recordingHosts';
import { slugify } from '../text/slug';
import { compact, makeIdsUnique, mapSessionType } from './common';
import { fileStem, readableName, withoutTrailingPunctuation } from './common';
import { IMPORT_FORMATS, ImportError, type ImportOptions, type ImportResult } from './types';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;

const SUPPORTED = `supported formats: ${IMPORT_FORMATS.join(', ')}`;
const KNOWN_TYPES = new Set<string>(SESSION_TYPES);

/**
 * iCalendar schedules (Sched's `all.ics`, pretalx's `schedule.ics`, any
 * calendar of talks), parsed with ical.js. Each VCALENDAR becomes one event.
 *
 * Speakers are read from two places:
 * - DESCRIPTION lines `Speakers: A, B` / `Speaker: A` (Sched; also
 *   `Speaker(s):`, `Presenters:`, `Moderator:`), names split on commas,
 *   semicolons and a final "and"/"&"; `Name (Company)` gives an affiliation;
 * - in pretalx calendars only (PRODID `-//pretalx//…` or UIDs `pretalx-…`),
 *   SUMMARY `Title - Name1, Name2`, split at the last " - ".
 */
export function importIcal(text: string, options: ImportOptions = {}): ImportResult {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (err) {
    throw new ImportError(`not valid iCalendar: ${(err as Error).message} (${SUPPORTED})`);
  }
  // ICAL.parse gives one component for one VCALENDAR, a list of them for several.
  const roots = Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : Array.isArray(jcal) ? jcal : [];
  const calendars = roots.filter((r): r is unknown[] => Array.isArray(r) && r[0] === 'vcalendar').map((r) => new ICAL.Component(r));
  if (calendars.length === 0) {
    throw new ImportError(`this is not an iCalendar file: it has no BEGIN:VCALENDAR … END:VCALENDAR block (${SUPPORTED})`);
  }
  const warnings: string[] = [];
  const files = calendars.map((cal, i) =>
    importCalendar(cal, calendars.length > 1 ? { ...options, eventId: options.eventId && `${options.eventId}-${i + 1}` } : options, warnings),
  );
  return { format: 'ical', files, warnings };
}

function textValue(component: Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== 'string') return undefined;
  // ical.js leaves X- properties (X-WR-CALNAME) escaped, since it cannot know their type.
  const unescaped = name.startsWith('x-') ? (ICAL.design.icalendar.value.text.fromICAL(value) as string) : value;
  return unescaped.trim() || undefined;
}

function pretalxSlug(cal: Component): string | undefined {
  // pretalx writes PRODID:-//pretalx//{host}//{event slug} (and sometimes //{suffix}).
  const prodid = textValue(cal, 'prodid');
  const m = /^-\/\/pretalx\/\/[^/]*\/\/([^/]+)/i.exec(prodid ?? '');
  if (m) return m[1];
  const uid = cal
    .getAllSubcomponents('vevent')
    .map((v) => textValue(v, 'uid'))
    .find((u) => u?.startsWith('pretalx-'));
  return uid ? /^pretalx-(.+)-[A-Z0-9]+@/.exec(uid)?.[1] : undefined;
}

function importCalendar(cal: Component, options: ImportOptions, warnings: string[]): { event: ConferenceEvent; sessions: Session[] } {
  const calName = textValue(cal, 'x-wr-calname');
  const isPretalx =
    /\/\/pretalx\/\//i.test(textValue(cal, 'prodid') ?? '') || cal.getAllSubcomponents('vevent').some((v) => textValue(v, 'uid')?.startsWith('pretalx-'));
  const slug = isPretalx ? pretalxSlug(cal) : undefined;
  const stem = fileStem(options.fileName);
  const id = options.eventId ?? (slugify(calName ?? slug ?? stem ?? '') || 'ical-import');
  const where = id;
  const zoneName = textValue(cal, 'x-wr-timezone') ?? onlyTimezone(cal);

  const sessions: Session[] = [];
  let utcWarned = false;
  for (const vevent of cal.getAllSubcomponents('vevent')) {
    // A recurrence exception repeats a talk already listed; schedules do not recur.
    if (vevent.hasProperty('recurrence-id')) continue;
    const uid = textValue(vevent, 'uid');
    let title = textValue(vevent, 'summary');
    if (!title) {
      warnings.push(`${where}: a VEVENT${uid ? ` (UID ${uid})` : ''} has no SUMMARY; skipped`);
      continue;
    }
    if (textValue(vevent, 'status')?.toUpperCase() === 'CANCELLED') {
      warnings.push(`${where}: "${title}" is marked CANCELLED; skipped`);
      continue;
    }
    const description = textValue(vevent, 'description') ?? '';
    let speakers = speakersFromDescription(description);
    if (isPretalx) {
      const m = /^(.*\S)\s+-\s*(.*)$/s.exec(title);
      if (m) {
        title = m[1]!;
        if (speakers.length === 0) speakers = splitNames(m[2]!).map((name) => ({ name }));
      }
    }

    // Naming the exceptions (none: recurrence exceptions are skipped above) keeps ICAL.Event from
    // scanning every sibling VEVENT for them, which made an import quadratic in events.
    const event = new ICAL.Event(vevent, { exceptions: [] });
    let start: string | undefined;
    let duration: number | undefined;
    if (vevent.hasProperty('dtstart')) {
      const begin = event.startDate;
      const local = toLocal(begin, cal, zoneName);
      if (!local && !utcWarned) {
        warnings.push(`${where}: times are in UTC and the calendar names no usable time zone (X-WR-TIMEZONE or one VTIMEZONE); they are kept in UTC`);
        utcWarned = true;
      }
      start = formatTime(local ?? begin);
      if (!begin.isDate && (vevent.hasProperty('dtend') || vevent.hasProperty('duration'))) {
        const minutes = Math.round((event.endDate.toUnixTime() - begin.toUnixTime()) / 60);
        if (minutes >= 0) duration = minutes;
      }
    }

    const categories = vevent
      .getAllProperties('categories')
      .flatMap((p) => p.getValues())
      .map((c) => String(c).trim())
      .filter(Boolean);
    const typeIndex = categories.findIndex((c) => KNOWN_TYPES.has(mapSessionType(c) ?? ''));
    const type = typeIndex >= 0 ? mapSessionType(categories[typeIndex]) : undefined;
    const track = categories.find((_, i) => i !== typeIndex);

    const schedule = httpUrl(textValue(vevent, 'url'));
    let video: string | undefined;
    let slides: string | undefined;
    const links: Link[] = [];
    const seen = new Set<string>(schedule ? [schedule] : []);
    const candidates = [
      ...vevent.getAllProperties('attach').map((p) => ({ raw: p.getFirstValue(), attached: true })),
      ...(description.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).map((raw) => ({ raw, attached: false })),
    ];
    for (const { raw, attached } of candidates) {
      const url = typeof raw === 'string' ? httpUrl(withoutTrailingPunctuation(raw)) : undefined;
      if (!url || seen.has(url)) continue;
      seen.add(url);
      const kind = classifyLink(url);
      if (kind === 'video' && !video) video = url;
      else if (kind === 'slides' && !slides) slides = url;
      // Other URLs in a description are mostly noise (sponsor pages, chat rooms); attachments are the session's own.
      else if (kind !== 'other' || attached) links.push({ url });
    }

    sessions.push(
      compact({
        id: readableUidSlug(uid) ?? slugify(title),
        title,
        speakers,
        type,
        track,
        start,
        duration,
        room: textValue(vevent, 'location'),
        video,
        slides,
        schedule,
        links,
      }),
    );
  }

  sessions.sort((a, b) => (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff'));
  makeIdsUnique(sessions, warnings, where);
  const dates = sessions
    .map((s) => s.start?.slice(0, 10))
    .filter((d): d is string => !!d)
    .sort();
  const name = calName ?? (slug ? readableName(slug) : undefined) ?? (stem ? readableName(stem) : undefined) ?? 'iCalendar import';
  const event: ConferenceEvent = compact({ id, name, start: dates[0], end: dates[dates.length - 1] });
  return { event, sessions };
}

function httpUrl(text: string | undefined): string | undefined {
  return text && parseHttpUrl(text) ? normalizeUrl(text) : undefined;
}

function onlyTimezone(cal: Component): string | undefined {
  const zones = cal.getAllSubcomponents('vtimezone');
  return zones.length === 1 ? textValue(zones[0]!, 'tzid') : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  isDate: boolean;
}

function formatTime(t: WallClock): string {
  const date = `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  return t.isDate ? date : `${date}T${pad(t.hour)}:${pad(t.minute)}`;
}

/**
 * The venue's wall-clock time. TZID times already are; UTC times (Sched
 * writes `DTSTART:…Z`) are moved into the calendar's zone, from its own
 * VTIMEZONE when it has one, else from the IANA database. Undefined when a
 * UTC time has no zone to go to.
 */
function toLocal(t: Time, cal: Component, zoneName: string | undefined): WallClock | undefined {
  if (t.isDate || t.zone?.tzid !== 'UTC') return t;
  if (!zoneName) return undefined;
  if (zoneName.toUpperCase() === 'UTC') return t;
  const vtimezone = cal.getTimeZoneByID(zoneName);
  if (vtimezone) return t.convertToZone(vtimezone);
  return wallClock(t.toJSDate(), zoneName);
}

function wallClock(date: Date, timeZone: string): WallClock | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(date);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), isDate: false };
  } catch {
    // Not an IANA zone name (Outlook writes "W. Europe Standard Time").
    return undefined;
  }
}

const SPEAKER_LINE = /^[ \t]*(?:speakers?|speaker\(s\)|presenters?|moderators?)[ \t]*:[ \t]*(.+)$/gim;

function speakersFromDescription(description: string): Speaker[] {
  const speakers: Speaker[] = [];
  const seen = new Set<string>();
  for (const m of description.matchAll(SPEAKER_LINE)) {
    for (const item of splitNames(m[1]!)) {
      const speaker = withCompany(item);
      const key = speaker.name.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        speakers.push(speaker);
      }
    }
  }
  return speakers;
}

/**
 * `Name (Company)`: what `/^(.+?)\s*\(([^()]+)\)$/` read, found from the
 * end in one pass (the regex rescans a long run of spaces from each place
 * the name might end).
 */
function withCompany(item: string): Speaker {
  if (item.endsWith(')')) {
    const open = item.lastIndexOf('(', item.length - 2);
    const inner = item.slice(open + 1, -1);
    if (open > 0 && inner && !inner.includes(')')) {
      const name = item.slice(0, open).trim();
      if (name) return { name, affiliation: inner.trim() };
    }
  }
  return { name: item };
}

/**
 * Names split on commas, semicolons and a word "and"/"&". The pieces are
 * trimmed, so the separators need no spaces of their own (`\s*[,;]\s*`
 * rescans a run of spaces from each of its positions).
 */
function splitNames(list: string): string[] {
  return list
    .split(/[,;]|\s(?:and|&)\s/)
    .map((n) => n.trim())
    .filter(Boolean);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UID such as `opening-keynote@example.org` already is a good session id;
 * hashes, UUIDs and pretalx's `pretalx-democon-G9JGWY@host` are not.
 */
function readableUidSlug(uid: string | undefined): string | undefined {
  const local = uid?.split('@')[0] ?? '';
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(local) || UUID.test(local)) return undefined;
  const words = local.split('-').filter((w) => /^[a-z]{2,}$/.test(w));
  return words.length >= 2 ? local : undefined;
}
