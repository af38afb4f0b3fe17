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
  /**
   * The common beginnings of the video, slides and schedule URLs
   * (`https://www.youtube.com/watch?v=`, `https://fosdem.org/2024/schedule/event/`…):
   * with them, each URL is written `<prefix number, base 36>|<the rest>`, or
   * `<number>*<the rest after the session's id>` when the rest starts with the
   * id (FOSDEM's pages and recordings are named by slug), which makes the file
   * a fifth smaller and as much faster to read and parse.
   * Absent in bundles that write URLs whole.
   */
  prefixes?: string[];
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

/** How many URLs must share a beginning for it to be a prefix. */
const MIN_PREFIX_USES = 8;

/** A URL as one of the common beginnings plus the rest; `withId` when the rest starts with the session's id, which is then left out of it. */
export interface CodedUrl {
  prefix: number;
  withId: boolean;
  rest: string;
}

/** The common URL beginnings of these sessions (number 0 is '', every other URL's), and how to split a URL by them. */
export function urlPrefixes(files: readonly EventFile[]): { prefixes: string[]; split: (url: string, id: string) => CodedUrl } {
  const counts = new Map<string, number>();
  // Up to the last / or = before the final path segment (a page's trailing slash is part of its last segment).
  const head = (url: string) => /^.*[/=]/.exec(url.endsWith('/') ? url.slice(0, -1) : url)?.[0] ?? '';
  for (const f of files)
    for (const s of f.sessions) for (const u of [s.video, s.slides, s.schedule]) if (u) counts.set(head(u), (counts.get(head(u)) ?? 0) + 1);
  // The most used get the shortest numbers.
  const prefixes = [
    '',
    ...[...counts]
      .filter(([p, n]) => n >= MIN_PREFIX_USES && p.length > 8)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([p]) => p),
  ];
  const numbers = new Map(prefixes.map((p, i) => [p, i]));
  return {
    prefixes,
    split: (url, id) => {
      const h = head(url);
      const n = numbers.get(h);
      if (n === undefined) return { prefix: 0, withId: false, rest: url };
      const rest = url.slice(h.length);
      return rest.startsWith(id) ? { prefix: n, withId: true, rest: rest.slice(id.length) } : { prefix: n, withId: false, rest };
    },
  };
}

export function encodeBundle(files: readonly EventFile[], sources: string[]): Bundle {
  const { prefixes, split } = urlPrefixes(files);
  const url = (u: string | undefined, id: string) => {
    if (!u) return '';
    const c = split(u, id);
    return `${c.prefix.toString(36)}${c.withId ? '*' : '|'}${c.rest}`;
  };
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
    prefixes,
    events: files.map((f) => ({
      event: f.event,
      sessions: f.sessions.map((s): BundleRow => {
        const row: BundleRow = [
          s.id,
          s.title,
          s.speakers.map(speakerRef),
          ref(s.type),
          ref(s.track),
          s.start ?? '',
          s.duration ?? 0,
          ref(s.room),
          url(s.video, s.id),
          url(s.slides, s.id),
          url(s.schedule, s.id),
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
  const prefixes = bundle.prefixes;
  const url = prefixes
    ? (coded: string, id: string) => {
        let bar = 0;
        while (bar < coded.length && coded[bar] !== '|' && coded[bar] !== '*') bar++;
        const prefix = prefixes[parseInt(coded.slice(0, bar), 36)]!;
        return coded[bar] === '*' ? prefix + id + coded.slice(bar + 1) : prefix + coded.slice(bar + 1);
      }
    : (whole: string) => whole;
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
      if (video) s.video = url(video, id);
      if (slides) s.slides = url(slides, id);
      if (schedule) s.schedule = url(schedule, id);
      if (aliases?.length) s.aliases = aliases;
      return s;
    }),
  }));
}
