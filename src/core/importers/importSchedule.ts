import { importFrabJson } from './frabJson';
import { finishImport } from './finish';
import { importFrabXml } from './frabXml';
import { importIcal } from './ical';
import { importSessionize } from './sessionize';
import { IMPORT_FORMATS, ImportError, type ImportFormat, type ImportOptions, type ImportResult } from './types';

const IMPORTERS: Record<ImportFormat, (text: string, options: ImportOptions) => ImportResult> = {
  'frab-xml': importFrabXml,
  'frab-json': importFrabJson,
  sessionize: importSessionize,
  ical: importIcal,
};

const SUPPORTED = 'frab XML (schedule.xml), frab/pretalx JSON (schedule.json), Sessionize "All Data" JSON, iCalendar (.ics)';

/** Tells the format from the content (the file name is not trusted: exports are often renamed). */
export function detectFormat(raw: string): ImportFormat | undefined {
  const text = raw.replace(/^\uFEFF/, '');
  const head = text.trimStart().slice(0, 4096);
  if (head.startsWith('BEGIN:VCALENDAR')) return 'ical';
  if (head.startsWith('<')) return /<schedule[\s>]/.test(text.slice(0, 65536)) ? 'frab-xml' : undefined;
  if (head.startsWith('{') || head.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return undefined;
    }
    // Sessionize's "Sessions" view: a list of sessions, or of groups holding them.
    if (Array.isArray(data)) {
      const first = data[0] as Record<string, unknown> | undefined;
      return first && typeof first === 'object' && (Array.isArray(first['sessions']) || 'startsAt' in first) ? 'sessionize' : undefined;
    }
    if (data && typeof data === 'object') {
      const o = data as Record<string, unknown>;
      if (o['schedule'] && typeof o['schedule'] === 'object') return 'frab-json';
      if (Array.isArray(o['sessions']) && Array.isArray(o['speakers'])) return 'sessionize';
    }
  }
  return undefined;
}

export function parseFormat(name: string): ImportFormat {
  if ((IMPORT_FORMATS as readonly string[]).includes(name)) return name as ImportFormat;
  throw new ImportError(`unknown format '${name}': use one of ${IMPORT_FORMATS.join(', ')}`);
}

/**
 * Imports a schedule export in any supported format; an unknown one gets an
 * error naming the formats supported. Only http(s) links come out, and each
 * event has its own id (see finishImport).
 */
export function importSchedule(raw: string, options: ImportOptions & { format?: ImportFormat } = {}): ImportResult {
  const text = raw.replace(/^\uFEFF/, '');
  const format = options.format ?? detectFormat(text);
  if (!format) {
    throw new ImportError(
      `${options.fileName ? `${options.fileName}: ` : ''}not a schedule format Recap Writer reads. Supported: ${SUPPORTED}. ` +
        `If it is one of these, name it with --format (${IMPORT_FORMATS.join(', ')}).`,
    );
  }
  return finishImport(IMPORTERS[format](text, options));
}
