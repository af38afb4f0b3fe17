import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ConferenceEvent, Link, Session } from '../index/model';
import { classifyLink, normalizeUrl, parseHttpUrl } from '../links/recordingHosts';
import { slugify } from '../text/slug';
import { compact, localDateTime, makeIdsUnique, mapSessionType, parseDuration } from './common';
import { ImportError, type ImportOptions, type ImportResult } from './types';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // HTML entities (&#39;) appear in older FOSDEM titles.
  htmlEntities: true,
  // <room> is a list under <day> but a plain value inside an <event>.
  isArray: (name, jpath) => ['day', 'event', 'person', 'link', 'attachment'].includes(name) || jpath === 'schedule.day.room',
});

/** The text of an element that may carry attributes (`<track slug="main">Main Track</track>`). */
function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number') return String(node);
  if (typeof node === 'object') return text((node as XmlNode)['#text']);
  return undefined;
}

function list(node: unknown, child: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const items = (node as XmlNode)[child];
  return Array.isArray(items) ? (items as XmlNode[]) : [];
}

/**
 * frab's `schedule.xml` (FOSDEM, and every frab or pretalx conference):
 * schedule > conference, day > room > event.
 */
export function importFrabXml(xml: string, options: ImportOptions = {}): ImportResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ImportError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  const root = parser.parse(xml) as XmlNode;
  const schedule = root['schedule'] as XmlNode | undefined;
  const conference = schedule?.['conference'] as XmlNode | undefined;
  if (!schedule || !conference) {
    throw new ImportError('this XML is not a frab schedule: it has no <schedule><conference> element');
  }
  const title = text(conference['title']) ?? options.fileName ?? 'Imported schedule';
  const acronym = text(conference['acronym']);
  const event: ConferenceEvent = compact({
    id: options.eventId ?? (slugify(acronym ?? title) || 'imported-schedule'),
    name: title,
    location: [text(conference['venue']), text(conference['city'])].filter(Boolean).join(', ') || undefined,
    start: localDateTime(text(conference['start'])),
    end: localDateTime(text(conference['end'])),
    url: text(conference['base_url']) ?? text(conference['url']),
  });
  const warnings: string[] = [];
  const sessions: Session[] = [];
  for (const day of list(schedule, 'day')) {
    // Older exports (FOSDEM before 2013) put events straight under <day>.
    const placed: [XmlNode, string | undefined][] = [
      ...list(day, 'event').map((ev): [XmlNode, string | undefined] => [ev, undefined]),
      ...list(day, 'room').flatMap((room) => list(room, 'event').map((ev): [XmlNode, string | undefined] => [ev, text(room['@_name'])])),
    ];
    for (const [ev, roomName] of placed) {
      const session = toSession(ev, roomName, text(day['@_date']));
      if (session) sessions.push(session);
      else warnings.push(`${event.id}: event ${text(ev['@_id']) ?? '?'} on ${text(day['@_date']) ?? 'a day'} has no title; skipped`);
    }
  }
  makeIdsUnique(sessions, warnings, event.id);
  return { format: 'frab-xml', files: [{ event, sessions }], warnings };
}

function toSession(ev: XmlNode, roomName: string | undefined, dayDate: string | undefined): Session | undefined {
  const title = text(ev['title']);
  if (!title) return undefined;
  const start = localDateTime(text(ev['date'])) ?? (dayDate && text(ev['start']) ? `${dayDate}T${text(ev['start'])}` : undefined);
  let video: string | undefined;
  let slides: string | undefined;
  const links: Link[] = [];
  const recording = ev['recording'] as XmlNode | undefined;
  const recordingUrl = text(recording?.['url']) ?? text(recording?.['link']) ?? text(ev['video']);
  if (recordingUrl) video = normalizeUrl(recordingUrl);
  const candidates = [
    ...list(ev['links'], 'link').map((l) => ({ url: text(l['@_href']), title: text(l) ?? '', attachment: false })),
    ...list(ev['attachments'], 'attachment').map((a) => ({ url: text(a['@_href']), title: text(a) ?? '', attachment: true })),
  ];
  for (const c of candidates) {
    if (!c.url || !parseHttpUrl(c.url)) continue;
    const url = normalizeUrl(c.url);
    const kind = classifyLink(url, c.title);
    if (kind === 'video' && !c.attachment) {
      // FOSDEM lists each recording twice (WebM and MP4): keep the MP4, which plays everywhere, and drop its twin.
      // An MP4 (FOSDEM's own recording) wins over other videos, which stay links.
      const better = !video || (/\.mp4$/i.test(url) && !/\.mp4$/i.test(video));
      const twin = video !== undefined && sameRecording(url, video);
      if (better && video && !twin) links.push(compact({ url: video }));
      if (better) video = url;
      else if (!twin) links.push(compact({ url, title: c.title || undefined }));
    } else if ((kind === 'slides' || (c.attachment && /\/slides\//.test(url))) && !slides) slides = url;
    else links.push(compact({ url, title: c.title || undefined }));
  }
  const persons = list(ev['persons'], 'person')
    .map((p) => text(p))
    .filter((n): n is string => !!n);
  return compact({
    id: text(ev['slug']) ?? (slugify(title) || text(ev['@_id']) || ''),
    title,
    speakers: persons.map((name) => ({ name })),
    type: mapSessionType(text(ev['type'])),
    track: text(ev['track']),
    start,
    duration: parseDuration(text(ev['duration'])),
    room: text(ev['room']) ?? roomName,
    video,
    slides,
    schedule: text(ev['url']),
    links,
  });
}

function sameRecording(a: string, b: string): boolean {
  const stem = (u: string) => u.replace(/\.[A-Za-z0-9]+$/, '');
  return stem(a) === stem(b);
}
