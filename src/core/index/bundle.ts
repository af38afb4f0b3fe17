import type { ConferenceEvent, EventFile, Session, Speaker } from './model';

/**
 * The bundled index on disk: events with their sessions as positional rows
 * and every repeated string (speaker, company, track, room, type) stored once.
 * It loads with one JSON.parse and expands to a few MB, where the same data
 * as YAML would take a validating parse of every field.
 */
export interface Bundle {
  format: 'recap-bundle/1';
  sources: string[];
  strings: string[];
  /** [nameRef, affiliationRef or -1] */
  speakers: [number, number][];
  events: BundleEvent[];
}

interface BundleEvent {
  event: ConferenceEvent;
  /**
   * [id, title, speakerRefs, typeRef, trackRef, start, duration, roomRef, video, slides, schedule, aliases?];
   * -1 / "" / 0 for none; the aliases (old ids) only on sessions that have some.
   */
  sessions: BundleRow[];
}

type BundleRow = [string, string, number[], number, number, string, number, number, string, string, string, string[]?];

export function encodeBundle(files: readonly EventFile[], sources: string[]): Bundle {
  const strings: string[] = [];
  const stringRefs = new Map<string, number>();
  const ref = (s: string | undefined): number => {
    if (!s) return -1;
    let r = stringRefs.get(s);
    if (r === undefined) {
      r = strings.push(s) - 1;
      stringRefs.set(s, r);
    }
    return r;
  };
  const speakers: [number, number][] = [];
  const speakerRefs = new Map<string, number>();
  const speakerRef = (sp: Speaker): number => {
    const key = `${sp.name}\u0000${sp.affiliation ?? ''}`;
    let r = speakerRefs.get(key);
    if (r === undefined) {
      r = speakers.push([ref(sp.name), ref(sp.affiliation)]) - 1;
      speakerRefs.set(key, r);
    }
    return r;
  };
  return {
    format: 'recap-bundle/1',
    sources,
    strings,
    speakers,
    events: files.map((f) => ({
      event: f.event,
      sessions: f.sessions.map((s): BundleRow => {
        const row: BundleRow = [
          s.id, s.title, s.speakers.map(speakerRef), ref(s.type), ref(s.track), s.start ?? '', s.duration ?? 0,
          ref(s.room), s.video ?? '', s.slides ?? '', s.schedule ?? '',
        ];
        if (s.aliases?.length) row.push(s.aliases);
        return row;
      }),
    })),
  };
}

export function decodeBundle(bundle: Bundle): EventFile[] {
  if (bundle.format !== 'recap-bundle/1') throw new Error(`unknown bundle format '${String(bundle.format)}'`);
  const { strings } = bundle;
  const str = (r: number) => (r >= 0 ? strings[r] : undefined);
  const speakers: Speaker[] = bundle.speakers.map(([n, a]) => (a >= 0 ? { name: strings[n]!, affiliation: strings[a]! } : { name: strings[n]! }));
  return bundle.events.map(({ event, sessions }) => ({
    event,
    sessions: sessions.map(([id, title, sp, type, track, start, duration, room, video, slides, schedule, aliases]) => {
      const s: Session = { id, title, speakers: sp.map((r) => speakers[r]!) };
      const t = str(type);
      const tr = str(track);
      const rm = str(room);
      if (t) s.type = t;
      if (tr) s.track = tr;
      if (start) s.start = start;
      if (duration) s.duration = duration;
      if (rm) s.room = rm;
      if (video) s.video = video;
      if (slides) s.slides = slides;
      if (schedule) s.schedule = schedule;
      if (aliases?.length) s.aliases = aliases;
      return s;
    }),
  }));
}
