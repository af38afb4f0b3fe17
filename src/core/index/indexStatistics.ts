import type { IndexStats, SessionIndex } from './sessionIndex';

export interface EventCount {
  sessions: number;
  withVideo: number;
}

/** What `recap stats` and "Show Index Statistics" report: the totals and, per event, its sessions and recordings. */
export interface IndexStatistics extends IndexStats {
  perEvent: Record<string, EventCount>;
}

export function indexStatistics(index: SessionIndex): IndexStatistics {
  const perEvent: Record<string, EventCount> = {};
  for (const id of index.events.keys()) perEvent[id] = { sessions: 0, withVideo: 0 };
  for (const s of index.sessions) {
    const c = (perEvent[s.eventId] ??= { sessions: 0, withVideo: 0 });
    c.sessions++;
    if (s.video) c.withVideo++;
  }
  return { ...index.stats(), perEvent };
}

/** One line: "568 events, 34,581 sessions (30,693 with video, 6,254 with slides), 20,672 speakers". */
export function statisticsSummary(s: IndexStats): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(s.events)} events, ${n(s.sessions)} sessions (${n(s.sessionsWithVideo)} with video, ${n(s.sessionsWithSlides)} with slides), ${n(s.speakers)} speakers`;
}

/** The per-event table, events by id: `id  sessions  with video`. */
export function perEventLines(perEvent: Record<string, EventCount>): string[] {
  const ids = Object.keys(perEvent).sort();
  const width = Math.max(5, ...ids.map((id) => id.length));
  return [
    `${'event'.padEnd(width)}  sessions  with video`,
    ...ids.map((id) => `${id.padEnd(width)}  ${String(perEvent[id]!.sessions).padStart(8)}  ${String(perEvent[id]!.withVideo).padStart(10)}`),
  ];
}
