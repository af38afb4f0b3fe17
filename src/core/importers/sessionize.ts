import type { ConferenceEvent, Link, Session, Speaker } from '../index/model';
import { classifyLink, isRecordingUrl, normalizeUrl, parseHttpUrl } from '../links/recordingHosts';
import { slugify } from '../text/slug';
import { compact, localDateTime, makeIdsUnique, mapSessionType, fileStem, readableName, withoutTrailingPunctuation } from './common';
import { isObject, objects, str, type Json } from './json';
import { IMPORT_FORMATS, ImportError, type ImportOptions, type ImportResult } from './types';

/**
 * The company part of a Sessionize tagLine. TagLines are free text: "Software
 * Engineer at Dynatrace", "Head Trainer @ DATA story LAB", "DevRel @Dynatrace",
 * "Lehrer … an der HTL Leonding", or just "Dynatrace". After the last
 * at/@ (or German "an der"/"bei") comes the company; without one the whole
 * tagLine is kept, since splitting on commas or bars guesses wrong as often as
 * right ("CTO atwork, Microsoft MVP", "MVP | ACP IT Solutions GMBH, Lead Cloud Architect").
 */
export function affiliationFromTagLine(tagLine: string | undefined): string | undefined {
  const text = tagLine?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const marker = /(?:\s(?:at|an der|bei)\s|\s@\s?)/gi;
  let after: number | undefined;
  for (let m = marker.exec(text); m; m = marker.exec(text)) after = m.index + m[0].length;
  const company = after === undefined ? text : text.slice(after).trim();
  return company || text;
}

function minutesBetween(start: string | undefined, end: string | undefined): number | undefined {
  // Sessionize times are the venue's wall clock without an offset; reading both as UTC keeps the difference exact.
  const asUtc = (t: string | undefined) => (t ? Date.parse(/(?:Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`) : NaN);
  const a = asUtc(start);
  const b = asUtc(end);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return undefined;
  return Math.round((b - a) / 60000);
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"')\]]+/g;

/**
 * Sessionize "All Data" JSON (`/api/v2/{id}/view/All`): sessions, speakers,
 * questions, categories and rooms, linked by id. Also reads the "Sessions"
 * view (a list of groups, speakers inlined as {id, name}).
 */
export function importSessionize(text: string, options: ImportOptions = {}): ImportResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    throw new ImportError(
      `not valid JSON (${(err as Error).message}); a Sessionize "All Data" export was expected (supported formats: ${IMPORT_FORMATS.join(', ')})`,
    );
  }
  let rawSessions: Json[];
  if (isObject(root) && Array.isArray(root['sessions'])) rawSessions = objects(root['sessions']);
  else if (Array.isArray(root) && root.every((g) => isObject(g) && Array.isArray(g['sessions'])))
    rawSessions = root.flatMap((g) => objects((g as Json)['sessions']));
  else {
    const hint = isObject(root) && isObject(root['schedule']) ? ' (it looks like a frab/pretalx schedule.json: import it as frab-json)' : '';
    throw new ImportError(`this JSON is not a Sessionize export: it has no "sessions" list${hint} (supported formats: ${IMPORT_FORMATS.join(', ')})`);
  }
  const data: Json = isObject(root) ? root : {};

  const speakersById = new Map(objects(data['speakers']).map((s) => [str(s['id']) ?? '', s]));
  const questions = new Map(objects(data['questions']).map((q) => [str(q['id']) ?? '', str(q['question'])]));
  const rooms = new Map(objects(data['rooms']).map((r) => [str(r['id']) ?? '', str(r['name'])]));
  const categoryItems = new Map<string, { category: string; name: string }>();
  for (const category of objects(data['categories'])) {
    for (const item of objects(category['items'])) {
      const name = str(item['name']);
      if (name) categoryItems.set(str(item['id']) ?? '', { category: str(category['title']) ?? '', name });
    }
  }

  const stem = fileStem(options.fileName);
  const eventId = options.eventId ?? (slugify(stem ?? '') || 'sessionize-import');
  const where = eventId;
  const warnings: string[] = [];
  const sessions: Session[] = [];
  const skippedService: string[] = [];

  for (const raw of rawSessions) {
    const title = str(raw['title']);
    if (!title) {
      warnings.push(`${where}: session ${str(raw['id']) ?? '?'} has no title; skipped`);
      continue;
    }
    const speakers: Speaker[] = [];
    for (const ref of Array.isArray(raw['speakers']) ? raw['speakers'] : []) {
      const id = isObject(ref) ? str(ref['id']) : str(ref);
      const full = speakersById.get(id ?? '');
      const name = full
        ? (str(full['fullName']) ?? ([str(full['firstName']), str(full['lastName'])].filter(Boolean).join(' ') || undefined))
        : isObject(ref)
          ? str(ref['name'])
          : undefined;
      if (!name) {
        warnings.push(`${where}: session "${title}" names speaker ${id ?? '?'}, who is not in the speakers list; left out`);
        continue;
      }
      if (speakers.some((s) => s.name.toLowerCase() === name.toLowerCase())) continue;
      speakers.push(compact({ name, affiliation: full ? affiliationFromTagLine(str(full['tagLine'])) : undefined }));
    }
    // Breaks, lunch and registration are service sessions; one with a speaker (a welcome) is a talk.
    if (raw['isServiceSession'] === true && speakers.length === 0) {
      skippedService.push(title);
      continue;
    }

    let type: string | undefined;
    let track: string | undefined;
    for (const itemId of Array.isArray(raw['categoryItems']) ? raw['categoryItems'] : []) {
      const item = categoryItems.get(str(itemId) ?? '');
      if (!item) continue;
      if (!type && /format|type/i.test(item.category)) type = mapSessionType(item.name);
      else if (!track && /track|topic|stream|theme/i.test(item.category)) track = item.name;
    }

    let video: string | undefined;
    let slides: string | undefined;
    const links: Link[] = [];
    const seen = new Set<string>();
    const add = (url: string, label: string): void => {
      const normalized = normalizeUrl(withoutTrailingPunctuation(url));
      if (!parseHttpUrl(normalized) || seen.has(normalized)) return;
      seen.add(normalized);
      const kind = classifyLink(normalized, label);
      if (kind === 'video' && !video) video = normalized;
      else if (kind === 'slides' && !slides) slides = normalized;
      else links.push(compact({ url: normalized, title: label || undefined }));
    };
    const recordingUrl = str(raw['recordingUrl']);
    if (recordingUrl && parseHttpUrl(recordingUrl)) add(recordingUrl, 'Recording');
    // Organisers often collect recordings through a custom question ("YouTube Video").
    for (const qa of objects(raw['questionAnswers'])) {
      const label = questions.get(str(qa['questionId']) ?? '') ?? '';
      for (const url of str(qa['answerValue'])?.match(URL_IN_TEXT) ?? []) add(url, label);
    }
    // A YouTube live URL turns into the recording once the stream ends; a Teams or Zoom link does not.
    const liveUrl = str(raw['liveUrl']);
    if (!video && liveUrl && isRecordingUrl(liveUrl)) add(liveUrl, 'Recording');

    const start = localDateTime(raw['startsAt']);
    sessions.push(
      compact({
        id: slugify(title),
        title,
        speakers,
        type,
        track,
        start,
        duration: minutesBetween(str(raw['startsAt']), str(raw['endsAt'])),
        room: rooms.get(str(raw['roomId']) ?? '') ?? str(raw['room']),
        video,
        slides,
        links,
      }),
    );
  }
  if (skippedService.length) {
    warnings.push(`${where}: skipped ${skippedService.length} service session(s) without speakers (${skippedService.join(', ')})`);
  }

  sessions.sort((a, b) => (a.start ?? '\uffff').localeCompare(b.start ?? '\uffff'));
  makeIdsUnique(sessions, warnings, where);
  const dates = sessions
    .map((s) => s.start?.slice(0, 10))
    .filter((d): d is string => !!d)
    .sort();
  const event: ConferenceEvent = compact({
    id: eventId,
    name: stem ? readableName(stem) : options.eventId ? readableName(options.eventId) : 'Sessionize import',
    start: dates[0],
    end: dates[dates.length - 1],
  });
  return { format: 'sessionize', files: [{ event, sessions }], warnings };
}
