import type { Session } from './model';

export interface SessionCounts {
  sessions: number;
  /** Distinct names, case-insensitively. */
  speakers: number;
  sessionsWithVideo: number;
  sessionsWithSlides: number;
}

export function countSessions(sessions: Iterable<Session>): SessionCounts {
  const speakers = new Set<string>();
  let count = 0;
  let sessionsWithVideo = 0;
  let sessionsWithSlides = 0;
  for (const s of sessions) {
    count++;
    if (s.video) sessionsWithVideo++;
    if (s.slides) sessionsWithSlides++;
    for (const sp of s.speakers) speakers.add(sp.name.toLowerCase());
  }
  return { sessions: count, speakers: speakers.size, sessionsWithVideo, sessionsWithSlides };
}
