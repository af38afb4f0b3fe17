import type { EventFile, Session } from '../index/model';
import { normaliseTitle } from './mergeEvents';

/**
 * What the bundled index keeps of its sources: talks, once. A schedule also
 * lists its breaks, registration desks and cancelled slots, and the sources
 * repeat talks (FOSDEM 2008 lists 17 talks twice in the same slot; pyvideo
 * files 43 EuroSciPy 2017 recordings under 2018 too, and some talks twice
 * under one event). Neither is a talk anyone recaps, or a second one.
 */

/** A break, a meal, the registration desk, a morning announcement: the schedule's furniture. */
const FURNITURE =
  /^(?:(?:short|coffee|lunch|tea)\s+)?break!?$|^(?:xmpp\s+)?lunch\s+break$|^informal discussions?\s*(?:&|and)\s*lunch break$|\blunch time$|^networking \(lunch\)$|registration\s*&\s*welcome\b|^\S+(?:'s)? morning announcements?$/i;
/** "CANCELLED …", "[CANCELED] …", "… CANCELLED", "(original talk cancelled)". */
const CANCELLED = /^[[(]?\s*cancell?ed\b|\bcancell?ed\s*[\])]?$|\(original talk cancell?ed\)/i;

/** A slot that is no talk: furniture, or a cancelled talk, and in either case nothing was recorded. */
export function isNotATalk(session: Pick<Session, 'title' | 'video'>): boolean {
  if (session.video) return false;
  const title = session.title.trim();
  return FURNITURE.test(title) || CANCELLED.test(title);
}

/** A link to one recording (not a channel or a live stream that many sessions share). */
function recordingKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/twitch\.tv\/[^/]+\/?$|youtube\.com\/(?:live|channel|c|user|@)|youtube\.com\/playlist/i.test(url)) return undefined;
  const yt = /(?:youtube\.com\/watch\?(?:.*&)?v=|youtu\.be\/|youtube\.com\/embed\/)([\w-]{11})/.exec(url);
  return yt ? `yt:${yt[1]}` : url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Title words, without the labels sources put around a title ("EuroSciPy 2017: ", "AMENDMENT", "; SciPy 2013 Presentation", "Name - "). */
function titleWords(title: string, speakers: readonly { name: string }[]): Set<string> {
  let t = title
    .replace(/^amendment:?\s*/i, '')
    .replace(/^[^:]*\b(?:19|20)\d\d\s*:\s*/, '')
    .replace(/;\s*[^;]*\bpresentation$/i, '');
  for (const s of speakers) if (t.startsWith(`${s.name} - `)) t = t.slice(s.name.length + 3);
  return new Set(normaliseTitle(t).split(' ').filter(Boolean));
}

/** Do two titles name the same talk? One's words hold the other's, or most of them are shared. */
function similarTitles(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared === Math.min(a.size, b.size) || shared / (a.size + b.size - shared) >= 0.5;
}

const speakerKey = (s: Session): string =>
  s.speakers
    .map((p) => p.name.toLowerCase())
    .sort()
    .join('|');

export interface RepeatReport {
  /** `event/session` of each repeat left out, with the `event/session` it repeats. */
  repeats: { removed: string; kept: string }[];
}

/**
 * The files without the sessions that repeat an earlier one (files and
 * sessions in order, the first kept): the same title in the same event,
 * day, time and room; or the same recording under a similar title or the
 * same speakers, in the same event or (`acrossEvents`) in any. Within one
 * event the repeat's id becomes an alias of the session kept, so a recap
 * that cites it still finds the talk. Files are copied, never changed.
 */
export function withoutRepeats(files: readonly EventFile[], options: { acrossEvents?: boolean } = {}): { files: EventFile[]; report: RepeatReport } {
  const report: RepeatReport = { repeats: [] };
  const bySlot = new Map<string, Session>();
  const byRecording = new Map<string, { eventId: string; session: Session; words: Set<string> }[]>();
  const out: EventFile[] = [];
  for (const file of files) {
    const kept: Session[] = [];
    for (const original of file.sessions) {
      const session: Session = { ...original };
      const slot = session.start && session.room ? `${file.event.id}\n${session.start}\n${session.room}\n${normaliseTitle(session.title)}` : undefined;
      const words = titleWords(session.title, session.speakers);
      const key = recordingKey(session.video);
      let same: { eventId: string; session: Session } | undefined;
      const inSlot = slot ? bySlot.get(slot) : undefined;
      if (inSlot) same = { eventId: file.event.id, session: inSlot };
      else if (key)
        same = byRecording
          .get(key)
          ?.find(
            (r) =>
              (options.acrossEvents || r.eventId === file.event.id) &&
              (similarTitles(r.words, words) || (session.speakers.length > 0 && speakerKey(r.session) === speakerKey(session))),
          );
      if (same) {
        report.repeats.push({ removed: `${file.event.id}/${session.id}`, kept: `${same.eventId}/${same.session.id}` });
        if (same.eventId === file.event.id) {
          const aliases = [...(same.session.aliases ?? [])];
          for (const id of [session.id, ...(session.aliases ?? [])]) if (!aliases.includes(id)) aliases.push(id);
          same.session.aliases = aliases;
          for (const k of ['video', 'slides', 'schedule'] as const) if (!same.session[k] && session[k]) same.session[k] = session[k];
        }
        continue;
      }
      if (slot) bySlot.set(slot, session);
      if (key) (byRecording.get(key) ?? byRecording.set(key, []).get(key)!).push({ eventId: file.event.id, session, words });
      kept.push(session);
    }
    out.push({ event: file.event, sessions: kept });
  }
  return { files: out, report };
}
