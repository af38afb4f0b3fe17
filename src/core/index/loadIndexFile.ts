import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Severity } from '../problem';
import { parseHttpUrl } from '../links/recordingHosts';
import { LineIndex } from '../text/lineIndex';
import { addDuplicateKeyErrors } from '../text/duplicateKeys';
import { yamlMessage } from '../text/yamlMessage';
import { slugify } from '../text/slug';
import type { IndexProblem } from './indexProblem';
import { checkComplete } from './completeness';
import { SESSION_TYPES, type ConferenceEvent, type Link, type Session, type Speaker } from './model';

/** One index file as loaded: what could be read, where each session is, and what is wrong. */
export interface LoadedIndexFile {
  path: string;
  event: ConferenceEvent | undefined;
  sessions: Session[];
  /** 1-based line of each session's entry, parallel to `sessions` (for Go to Definition). */
  sessionLines: number[];
  problems: IndexProblem[];
}

const EVENT_KEYS = ['id', 'name', 'location', 'start', 'end', 'url', 'recordings', 'parent'];
const SESSION_KEYS = ['id', 'title', 'speakers', 'type', 'track', 'start', 'duration', 'end', 'room', 'video', 'slides', 'schedule', 'links', 'aliases'];
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * Reads an index file (YAML, or JSON, which YAML reads too) and validates it
 * entry by entry: a bad session is reported and skipped, a bad field is
 * reported and dropped, and everything else still loads.
 */
export function loadIndexFile(path: string, text: string): LoadedIndexFile {
  const lines = new LineIndex(text);
  const problems: IndexProblem[] = [];
  const locate = (range: readonly [number, number], field: string, message: string, severity: Severity) => {
    const start = lines.positionAt(range[0]);
    const end = lines.positionAt(Math.max(range[1], range[0] + 1));
    problems.push({
      file: path,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity,
      field,
      message,
    });
  };
  const report = (node: Node | Pair | undefined, field: string, message: string, severity: Severity = 'error') =>
    locate(rangeOf(node) ?? [0, 1], field, message, severity);
  const result: LoadedIndexFile = { path, event: undefined, sessions: [], sessionLines: [], problems };
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  addDuplicateKeyErrors(doc);
  for (const error of doc.errors) locate(error.pos, '', `not valid YAML/JSON: ${yamlMessage(error.message)}`, 'error');
  const root = doc.contents;
  checkComplete(text, locate);
  if (!isMap(root)) {
    if (doc.errors.length === 0) report(root ?? undefined, '', 'an index file is a mapping with `event:` (the event) and `sessions:` (a list of sessions)');
    return result;
  }
  const eventNode = root.get('event', true);
  if (!isMap(eventNode)) {
    report(
      eventNode ?? root,
      'event',
      eventNode ? 'expected a mapping with id, name, start, end…' : 'missing: every index file describes one event under `event:`',
    );
    return result;
  }
  result.event = readEvent(eventNode, report);
  if (!result.event) return result;
  for (const pair of root.items) {
    const key = keyOf(pair);
    if (key !== 'event' && key !== 'sessions') report(pair, key, `unknown top-level key (expected event, sessions)`, 'warning');
  }
  const sessionsNode = root.get('sessions', true);
  if (sessionsNode === undefined) return result;
  if (!isSeq(sessionsNode)) {
    report(sessionsNode, 'sessions', 'expected a list of sessions (each item starting with `- id:` or `- title:`)');
    return result;
  }
  const seen = new Map<string, number>();
  sessionsNode.items.forEach((item, i) => {
    const field = `sessions[${i}]`;
    if (!isMap(item)) {
      report(item as Node, field, 'expected a session: a mapping with title, speakers, video…');
      return;
    }
    const session = readSession(item, field, report);
    if (!session) return;
    const line = seen.get(session.id);
    if (line !== undefined) {
      report(item.get('id', true) ?? item, `${field}.id`, `duplicate session id '${session.id}' (first used on line ${line}); this entry is skipped`);
      return;
    }
    const entryLine = lines.positionAt(rangeOf(item)?.[0] ?? 0).line + 1;
    seen.set(session.id, entryLine);
    result.sessions.push(session);
    result.sessionLines.push(entryLine);
  });
  return result;
}

type Report = (node: Node | Pair | undefined, field: string, message: string, severity?: Severity) => void;

function rangeOf(node: Node | Pair | undefined | null): [number, number] | undefined {
  if (!node) return undefined;
  if ('range' in node && node.range) return [node.range[0], node.range[1]];
  if ('key' in node) {
    const k = rangeOf(node.key as Node | undefined);
    const v = rangeOf(node.value as Node | undefined);
    if (k && v) return [k[0], v[1]];
    return k ?? v;
  }
  return undefined;
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function checkKeys(map: YAMLMap, allowed: string[], field: string, report: Report): void {
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (!allowed.includes(key)) report(pair.key as Node, `${field}.${key}`, `unknown field (expected one of: ${allowed.join(', ')})`, 'warning');
  }
}

/** A scalar string (numbers and dates written bare are taken as their text). */
function str(map: YAMLMap, key: string, field: string, report: Report): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) return undefined;
  if (!isScalar(node) || typeof node.value === 'boolean' || typeof node.value === 'object') {
    report(node, `${field}.${key}`, 'expected text');
    return undefined;
  }
  // Bare numbers keep their spelling: room 1.10 is not room 1.1.
  const text = typeof node.value === 'number' && node.source ? node.source : String(node.value);
  return text.trim() || undefined;
}

function pattern(map: YAMLMap, key: string, field: string, report: Report, re: RegExp, expected: string): string | undefined {
  const value = str(map, key, field, report);
  if (value === undefined || re.test(value)) return value;
  report(map.get(key, true) as Node, `${field}.${key}`, `expected ${expected}, got '${value}'`);
  return undefined;
}

function url(map: YAMLMap, key: string, field: string, report: Report): string | undefined {
  const value = str(map, key, field, report);
  if (value === undefined) return undefined;
  if (parseHttpUrl(value)) return value;
  report(map.get(key, true) as Node, `${field}.${key}`, `expected an http(s) URL, got '${value}'`);
  return undefined;
}

function readEvent(map: YAMLMap, report: Report): ConferenceEvent | undefined {
  checkKeys(map, EVENT_KEYS, 'event', report);
  const id = pattern(map, 'id', 'event', report, ID, 'an id of letters, digits, dots, dashes or underscores (no slash), e.g. kubecon-eu-2024');
  if (!id) {
    if (!map.has('id')) report(map, 'event.id', 'missing: the event needs an id such as kubecon-eu-2024; nothing in this file is loaded until it has one');
    return undefined;
  }
  let name = str(map, 'name', 'event', report);
  if (!name) {
    report(map, 'event.name', `missing: give the event a name; '${id}' is used meanwhile`, 'warning');
    name = id;
  }
  const event: ConferenceEvent = { id, name };
  const location = str(map, 'location', 'event', report);
  const start = pattern(map, 'start', 'event', report, DATE, 'a date YYYY-MM-DD');
  const end = pattern(map, 'end', 'event', report, DATE, 'a date YYYY-MM-DD');
  const home = url(map, 'url', 'event', report);
  const recordings = url(map, 'recordings', 'event', report);
  const parent = pattern(map, 'parent', 'event', report, ID, 'the id of another event');
  if (location) event.location = location;
  if (start) event.start = start;
  if (end) event.end = end;
  if (home) event.url = home;
  if (recordings) event.recordings = recordings;
  if (parent) event.parent = parent;
  return event;
}

function readSession(map: YAMLMap, field: string, report: Report): Session | undefined {
  checkKeys(map, SESSION_KEYS, field, report);
  const title = str(map, 'title', field, (node, at, message, severity) => report(node, at, `${message}; this entry is skipped`, severity));
  if (!title) {
    const node = map.get('title', true) as Node | undefined;
    const empty = node === undefined || (isScalar(node) && (node.value === null || String(node.value).trim() === ''));
    // A title of the wrong type was reported by str(); only an absent one is "missing".
    if (empty) report(node ?? map, `${field}.title`, 'missing: every session needs a title; this entry is skipped');
    return undefined;
  }
  let id = pattern(map, 'id', field, report, ID, 'an id of letters, digits, dots, dashes or underscores (no slash)');
  if (!id) {
    if (map.has('id')) return undefined;
    id = slugify(title);
  }
  const session: Session = { id, title, speakers: readSpeakers(map, field, report) };
  const type = str(map, 'type', field, report);
  if (type) {
    if (!(SESSION_TYPES as readonly string[]).includes(type)) {
      report(map.get('type', true) as Node, `${field}.type`, `unknown session type '${type}' (known: ${SESSION_TYPES.join(', ')}); kept as written`, 'info');
    }
    session.type = type;
  }
  const track = str(map, 'track', field, report);
  const start = pattern(map, 'start', field, report, DATE_TIME, 'a date or date-time, YYYY-MM-DD or YYYY-MM-DDTHH:MM');
  const end = pattern(map, 'end', field, report, DATE_TIME, 'a date or date-time, YYYY-MM-DD or YYYY-MM-DDTHH:MM');
  const room = str(map, 'room', field, report);
  if (track) session.track = track;
  if (start) session.start = start;
  if (end) session.end = end;
  if (room) session.room = room;
  const durationNode = map.get('duration', true) as Node | undefined;
  if (durationNode !== undefined) {
    const value = isScalar(durationNode) ? durationNode.value : undefined;
    const m = typeof value === 'string' ? /^(\d+):(\d{2})$/.exec(value.trim()) : null;
    if (typeof value === 'number' && value >= 0) session.duration = value;
    else if (m) session.duration = Number(m[1]) * 60 + Number(m[2]);
    else report(durationNode, `${field}.duration`, 'expected minutes (e.g. 30) or HH:MM');
  }
  for (const key of ['video', 'slides', 'schedule'] as const) {
    const value = url(map, key, field, report);
    if (value) session[key] = value;
  }
  const links = readLinks(map, field, report);
  if (links.length) session.links = links;
  const aliases = readAliases(map, field, id, report);
  if (aliases.length) session.aliases = aliases;
  return session;
}

/** `aliases:` — the session's old ids (a slug the schedule renamed), each an id like the session's own. */
function readAliases(map: YAMLMap, field: string, id: string, report: Report): string[] {
  const node = map.get('aliases', true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  const items = isSeq(node) ? node.items : [node];
  const out: string[] = [];
  items.forEach((item, i) => {
    const value = isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') ? String(item.value).trim() : undefined;
    const at = isSeq(node) ? `${field}.aliases[${i}]` : `${field}.aliases`;
    if (!value || !ID.test(value)) report(item as Node, at, 'expected an old id of this session: letters, digits, dots, dashes or underscores (no slash)');
    else if (value !== id && !out.includes(value)) out.push(value);
  });
  return out;
}

function readSpeakers(map: YAMLMap, field: string, report: Report): Speaker[] {
  const node = map.get('speakers', true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    report(node, `${field}.speakers`, 'expected a list of speakers (`- name: …` with an optional `affiliation: …`)');
    return [];
  }
  const speakers: Speaker[] = [];
  node.items.forEach((item, i) => {
    const at = `${field}.speakers[${i}]`;
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) {
      speakers.push({ name: item.value.trim() });
    } else if (isMap(item)) {
      checkKeys(item, ['name', 'affiliation'], at, report);
      const name = str(item, 'name', at, report);
      if (!name) {
        report(item, `${at}.name`, 'missing: a speaker needs a name; this speaker is skipped');
        return;
      }
      const affiliation = str(item, 'affiliation', at, report);
      speakers.push(affiliation ? { name, affiliation } : { name });
    } else {
      report(item as Node, at, 'expected a speaker: a name, or a mapping with name and affiliation');
    }
  });
  return speakers;
}

function readLinks(map: YAMLMap, field: string, report: Report): Link[] {
  const node = map.get('links', true) as Node | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) {
    report(node, `${field}.links`, 'expected a list of links (`- url: …` with an optional `title: …`)');
    return [];
  }
  const links: Link[] = [];
  node.items.forEach((item, i) => {
    const at = `${field}.links[${i}]`;
    const raw = isScalar(item) ? String(item.value) : isMap(item) ? str(item, 'url', at, report) : undefined;
    if (raw && parseHttpUrl(raw)) {
      const title = isMap(item) ? str(item, 'title', at, report) : undefined;
      links.push(title ? { url: raw, title } : { url: raw });
    } else {
      report(item as Node, at, 'expected an http(s) URL or a mapping with url and title');
    }
  });
  return links;
}
