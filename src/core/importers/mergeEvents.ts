import type { EventFile, Session } from '../index/model';
import { foldDiacritics } from '../text/slug';
import { makeIdsUnique } from './common';

/**
 * A title as two sources of the same event both write it: case, accents,
 * punctuation, spacing, a leading "Keynote:" / "Lightning Talk:" label and
 * "Birds of a Feature (BoF)" for "BoF" do not matter.
 */
export function normaliseTitle(title: string): string {
  return foldDiacritics(title)
    .toLowerCase()
    .replace(/\bbirds of a feat(?:ure|her)\s*\(bof\)/g, 'bof')
    .replace(/^[^a-z0-9]*(?:keynote|lightning talk|tutorial|panel)\s*:\s*/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Sessions by normalised title; a title two sessions share is left out (ambiguous). */
function byTitle(sessions: Iterable<Session>): Map<string, Session> {
  const out = new Map<string, Session>();
  const twice = new Set<string>();
  for (const s of sessions) {
    const key = normaliseTitle(s.title);
    if (!key) continue;
    if (out.has(key)) twice.add(key);
    else out.set(key, s);
  }
  for (const key of twice) out.delete(key);
  return out;
}

export interface RecordingMerge {
  /** Sessions that got a recording (or slides) they lacked. */
  added: number;
  /** Recordings whose title matched a session that already had one. */
  alreadyThere: number;
  /** Recordings matching no session's title. */
  unmatched: Session[];
}

/**
 * The one session whose title begins the recording's and who shares a
 * speaker with it: pyvideo runs FOSDEM's title and subtitle together
 * ("Python and Raspberry PiPhysical computing, GPIO…" for "Python and
 * Raspberry Pi", Ben Nuttall).
 */
function byTitleStart(sessions: readonly Session[], recording: Session): Session | undefined {
  const title = normaliseTitle(recording.title).replace(/ /g, '');
  const names = new Set(recording.speakers.map((p) => p.name.toLowerCase()));
  if (names.size === 0) return undefined;
  const found = sessions.filter((s) => {
    const start = normaliseTitle(s.title).replace(/ /g, '');
    return start.length >= 5 && title.startsWith(start) && s.speakers.some((p) => names.has(p.name.toLowerCase()));
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * One event from a schedule and a list of its recordings (pyvideo's folder
 * for the same event): the schedule's data stays, and a recording is added
 * to the session with the same normalised title where it has none (or,
 * failing that, the one session whose title begins the recording's and who
 * shares a speaker with it).
 */
export function addRecordings(schedule: EventFile, recordings: EventFile): RecordingMerge {
  const sessions = byTitle(schedule.sessions);
  const result: RecordingMerge = { added: 0, alreadyThere: 0, unmatched: [] };
  for (const r of recordings.sessions) {
    const s = sessions.get(normaliseTitle(r.title)) ?? byTitleStart(schedule.sessions, r);
    if (!s) {
      if (r.video) result.unmatched.push(r);
      continue;
    }
    let changed = false;
    if (r.video && !s.video) {
      s.video = r.video;
      changed = true;
    } else if (r.video) result.alreadyThere++;
    if (r.slides && !s.slides) {
      s.slides = r.slides;
      changed = true;
    }
    if (changed) result.added++;
  }
  return result;
}

/**
 * A curated event (a seed) merged with a fuller import of the same event:
 * the curated sessions win for their own ids and keep their fields; an
 * imported session with the title of a curated one, in the curated event or
 * any event co-located with it (`family`), only fills that one's missing
 * video, slides and schedule page; the rest are added, renamed if their id
 * is taken.
 */
export function mergeCurated(
  curated: EventFile,
  imported: EventFile,
  family: readonly EventFile[] = [],
): { file: EventFile; duplicates: number; warnings: string[] } {
  const titles = byTitle([...curated.sessions, ...family.flatMap((f) => f.sessions)]);
  const sessions: Session[] = [...curated.sessions];
  const added: Session[] = [];
  let duplicates = 0;
  for (const s of imported.sessions) {
    const same = titles.get(normaliseTitle(s.title));
    if (same) {
      duplicates++;
      for (const key of ['video', 'slides', 'schedule'] as const) if (s[key] && !same[key]) same[key] = s[key];
      if (same.speakers.length === 0 && s.speakers.length > 0) same.speakers = s.speakers;
      continue;
    }
    added.push({ ...s });
  }
  const warnings: string[] = [];
  // The curated ids come first, so makeIdsUnique renames only imported sessions.
  const all = [...sessions, ...added];
  makeIdsUnique(all, warnings, curated.event.id);
  return { file: { event: { ...imported.event, ...curated.event }, sessions: all }, duplicates, warnings };
}
