/**
 * The session index's data model. An index file holds one event and its
 * sessions; a session's full id is `eventId/sessionId`.
 */

export interface Speaker {
  name: string;
  affiliation?: string;
}

export interface Link {
  url: string;
  title?: string;
}

/** The kinds the importers and the validator know; index files may use others. */
export const SESSION_TYPES = ['keynote', 'talk', 'panel', 'lightning', 'workshop', 'bof', 'meetup', 'other'] as const;

export interface Session {
  /** Unique within its event: a slug such as `sometimes-lipstick-is-exactly-what-a-pig-needs`. */
  id: string;
  title: string;
  speakers: Speaker[];
  type?: string;
  /** The track, devroom or co-located event it belongs to. */
  track?: string;
  /** Local date and time, `YYYY-MM-DDTHH:MM` (or a date alone). */
  start?: string;
  /** Minutes. */
  duration?: number;
  end?: string;
  room?: string;
  video?: string;
  slides?: string;
  schedule?: string;
  /** Other links (project pages, chat rooms…). */
  links?: Link[];
  /**
   * Ids this session had before (a schedule renamed its slug): a recap that
   * still carries one finds the session, and unknown-talk offers the current id.
   */
  aliases?: string[];
}

export interface ConferenceEvent {
  /** A slug such as `kubecon-eu-2024`. */
  id: string;
  name: string;
  location?: string;
  /** `YYYY-MM-DD`. */
  start?: string;
  end?: string;
  url?: string;
  /** A playlist or page with all recordings. */
  recordings?: string;
  /** The event this one is co-located with (e.g. Platform Engineering Day → `kubecon-eu-2024`). */
  parent?: string;
}

/** What one index file holds. */
export interface EventFile {
  event: ConferenceEvent;
  sessions: Session[];
}

export function fullId(eventId: string, sessionId: string): string {
  return `${eventId}/${sessionId}`;
}

/** Splits `event/session`; the session part may itself contain no slash, the event part never does. */
export function splitFullId(id: string): { eventId: string; sessionId: string } | undefined {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  return { eventId: id.slice(0, slash), sessionId: id.slice(slash + 1) };
}
