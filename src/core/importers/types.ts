import type { EventFile } from '../index/model';

export const IMPORT_FORMATS = ['frab-xml', 'frab-json', 'sessionize', 'ical'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** What a result came from: one of the file formats, or a source read as parsed files (a pyvideo folder, the data the bundled index is built from). */
export type ImportSource = ImportFormat | 'pyvideo' | 'sched-scrape' | 'europython-site';

export interface ImportOptions {
  /** Used for ids and names when the schedule itself has none (Sessionize, some iCalendar feeds). */
  fileName?: string;
  /** Overrides the event id derived from the schedule. */
  eventId?: string;
}

export interface ImportStats {
  events: number;
  sessions: number;
  speakers: number;
  sessionsWithVideo: number;
  sessionsWithSlides: number;
}

export interface ImportResult {
  format: ImportSource;
  files: EventFile[];
  /** Entries skipped or repaired, with why (a session without a title, a duplicate id…). */
  warnings: string[];
}

/** Thrown for input no importer can read; the message names the formats supported. */
export class ImportError extends Error {}
