import type { IndexProblem } from '../index/indexProblem';
import { loadIndexFile } from '../index/loadIndexFile';
import type { EventFile } from '../index/model';
import { writeIndexFile } from '../index/writeIndexFile';
import { parseHttpUrl } from '../links/recordingHosts';
import { slugify } from '../text/slug';
import type { ImportResult } from './types';

/**
 * The last step of every import, whatever the format: links that are not
 * http(s) (`javascript:`, `data:`, `file:`…) are dropped with a warning, and
 * events that came out with the same id (two calendars without names) get
 * `-2`, `-3`… so each can be its own index file.
 */
export function finishImport(result: ImportResult): ImportResult {
  const warnings = result.warnings;
  const seenEvents = new Set<string>();
  for (const file of result.files) {
    const event = file.event;
    let id = event.id;
    if (seenEvents.has(id)) {
      let n = 2;
      while (seenEvents.has(`${id}-${n}`)) n++;
      warnings.push(`${id}: another event in this schedule has the same id; this one ("${event.name}") is '${id}-${n}'`);
      id = `${id}-${n}`;
      event.id = id;
    }
    seenEvents.add(id);
    const drop = (where: string, url: string) => warnings.push(`${where}: dropped the link '${shorten(url)}': only http(s) links are written`);
    for (const key of ['url', 'recordings'] as const) {
      const value = event[key];
      if (value !== undefined && !parseHttpUrl(value)) {
        drop(`${id}: event ${key}`, value);
        delete event[key];
      }
    }
    for (const session of file.sessions) {
      const where = `${id}/${session.id}`;
      for (const key of ['video', 'slides', 'schedule'] as const) {
        const value = session[key];
        if (value !== undefined && !parseHttpUrl(value)) {
          drop(`${where}: ${key}`, value);
          delete session[key];
        }
      }
      if (session.links) {
        const kept = session.links.filter((l) => {
          if (parseHttpUrl(l.url)) return true;
          drop(`${where}: links`, l.url);
          return false;
        });
        if (kept.length) session.links = kept;
        else delete session.links;
      }
    }
  }
  return result;
}

function shorten(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}…` : url;
}

/** What an import writes for one event, and what our own loader says about that text. */
export interface IndexFileOutput {
  file: EventFile;
  /** A file name for the event when writing several: `<event id>.yaml`. */
  name: string;
  text: string;
  /** Problems our loader reports on `text` (an error means the file would not load as imported). */
  problems: IndexProblem[];
}

/**
 * Writes each event as index-file text and reads it back with the loader
 * every reader uses, so an import never writes a file the extension or
 * `recap validate` would then reject.
 */
export function indexFileOutputs(result: ImportResult, header: string, shownPath: (name: string) => string): IndexFileOutput[] {
  return result.files.map((file) => {
    const name = `${/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(file.event.id) ? file.event.id : slugify(file.event.id) || 'event'}.yaml`;
    const text = writeIndexFile(file, header);
    const problems = loadIndexFile(shownPath(name), text).problems.filter((p) => p.severity === 'error');
    return { file, name, text, problems };
  });
}
