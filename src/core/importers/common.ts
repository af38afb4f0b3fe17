import type { EventFile, Session } from '../index/model';
import { countSessions } from '../index/sessionCounts';
import { slugify } from '../text/slug';
import type { ImportStats } from './types';

/** "01:30", "1:30:00", "90", 90 → minutes; undefined when unreadable. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Maps schedule vocabularies (frab "Lecture", pretalx "Talk", Sessionize formats) onto ours. */
export function mapSessionType(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const t = raw.trim().toLowerCase();
  if (/keynote/.test(t)) return 'keynote';
  if (/lightning/.test(t)) return 'lightning';
  if (/panel|podium/.test(t)) return 'panel';
  if (/workshop|hands-on|tutorial|training/.test(t)) return 'workshop';
  if (/\bbof\b|birds of a feather/.test(t)) return 'bof';
  if (/meetup|meeting/.test(t)) return 'meetup';
  // FOSDEM files talks under the kind of room they happen in.
  if (/talk|lecture|presentation|session|maintainer|devroom|maintrack/.test(t)) return 'talk';
  return slugify(t) || undefined;
}

/** `2024-02-03T10:30:00+01:00` → `2024-02-03T10:30` (the event's local time, as schedules print it). */
export function localDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value.trim());
  if (!m) return undefined;
  return m[2] ? `${m[1]}T${m[2]}` : m[1];
}

/**
 * Makes session ids unique within an event: the first keeps its id, later
 * ones get `-2`, `-3`… and a warning, so no session is dropped.
 */
export function makeIdsUnique(sessions: Session[], warnings: string[], where: string): void {
  const seen = new Set<string>();
  for (const session of sessions) {
    // Schedule slugs may hold characters index ids cannot (`taskflow:_state`); keep the rest of the slug.
    let id = (session.id && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(session.id) ? session.id : slugify(session.id || session.title)) || 'session';
    if (seen.has(id)) {
      let n = 2;
      while (seen.has(`${id}-${n}`)) n++;
      warnings.push(`${where}: two sessions share the id '${id}'; the later one ("${session.title}") is '${id}-${n}'`);
      id = `${id}-${n}`;
    }
    session.id = id;
    seen.add(id);
  }
}

export function importStats(files: readonly EventFile[]): ImportStats {
  return { events: files.length, ...countSessions(files.flatMap((f) => f.sessions)) };
}

/**
 * Drops undefined, empty-string and empty-array fields so index files stay
 * short; `speakers` stays even when empty because the model requires it.
 */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'speakers' && Array.isArray(v)) {
      out[k] = v;
      continue;
    }
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

/** `path/to/global-azure-linz-2024.json` → `global-azure-linz-2024`. */
export function fileStem(fileName: string | undefined): string | undefined {
  const stem = fileName
    ?.replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .trim();
  return stem || undefined;
}

/** `global-azure-linz-2024` → `Global Azure Linz 2024`: a name for exports that carry none. */
export function readableName(stem: string): string {
  return stem
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** A URL found in text without the sentence's punctuation after it (`/[.,;:!?]+$/`, read backwards in one pass). */
export function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && '.,;:!?'.includes(url[end - 1]!)) end--;
  return url.slice(0, end);
}
