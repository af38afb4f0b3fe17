import { parse } from 'csv-parse/sync';
import { importPyvideo, type PyvideoFolder } from '../importers/pyvideo';
import { parseHttpUrl } from '../links/recordingHosts';

/** One recording to attach: what a playlist or a table says of it. */
export interface Recording {
  title: string;
  /** Names, when the source gives them (pyvideo, a table's `speakers` column); a playlist has none. */
  speakers: string[];
  url: string;
}

/** Thrown for a source that is none of the kinds we read; the message says what was expected. */
export class RecordingSourceError extends Error {}

/** pyvideo's event folder (already read, as the importer takes it): each talk with its YouTube link (or its first video). */
export function recordingsFromPyvideo(folder: PyvideoFolder, noPublish?: unknown): Recording[] {
  const file = importPyvideo([folder], { noPublish }).files[0];
  return (file?.sessions ?? []).filter((s) => s.video).map((s) => ({ title: s.title, speakers: s.speakers.map((sp) => sp.name), url: s.video! }));
}

/**
 * A playlist as `yt-dlp --flat-playlist -J` writes it: `entries[]` with a
 * `title` and a `url` (a watch URL, or in older versions the bare id) or `id`.
 */
export function recordingsFromYtDlp(data: unknown): Recording[] {
  const entries = data && typeof data === 'object' ? (data as Record<string, unknown>)['entries'] : undefined;
  if (!Array.isArray(entries))
    throw new RecordingSourceError('not a yt-dlp playlist: expected {"entries": [{"title", "url" or "id"}, …]} (yt-dlp --flat-playlist -J PLAYLIST)');
  const out: Recording[] = [];
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    const entry = e as Record<string, unknown>;
    const title = typeof entry['title'] === 'string' ? entry['title'].replace(/\s+/g, ' ').trim() : '';
    if (!title || /^\[(?:private|deleted) video\]$/i.test(title)) continue;
    const rawUrl = typeof entry['url'] === 'string' ? entry['url'].trim() : '';
    const id = typeof entry['id'] === 'string' ? entry['id'].trim() : /^[\w-]{6,}$/.test(rawUrl) ? rawUrl : '';
    const url = parseHttpUrl(rawUrl) ? rawUrl : id ? `https://www.youtube.com/watch?v=${encodeURIComponent(id)}` : '';
    if (url) out.push({ title, speakers: [], url });
  }
  return out;
}

/**
 * A table with a header row: `title` and `url` columns (any order, any case),
 * optionally `speakers` (names separated by `;`, `,`, ` and ` or `&`).
 * Tab-separated when the header holds a tab, else comma-separated; quoted
 * fields as RFC 4180 has them (read by csv-parse).
 */
export function recordingsFromTable(text: string): Recording[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.includes('\t') ? '\t' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (err) {
    throw new RecordingSourceError(`not a readable ${delimiter === '\t' ? 'TSV' : 'CSV'} table: ${(err as Error).message}`);
  }
  const head = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string) => head.indexOf(name);
  const [t, u, s] = [col('title'), col('url'), col('speakers')];
  if (t < 0 || u < 0)
    throw new RecordingSourceError(
      `a table needs a header row with 'title' and 'url' columns (and optionally 'speakers'); this one has ${head.map((h) => `'${h}'`).join(', ') || 'none'}`,
    );
  const out: Recording[] = [];
  for (const row of rows.slice(1)) {
    const title = (row[t] ?? '').replace(/\s+/g, ' ').trim();
    const url = (row[u] ?? '').trim();
    if (!title || !parseHttpUrl(url)) continue;
    const speakers =
      s < 0
        ? []
        : (row[s] ?? '')
            .split(/\s*(?:;|,|&|\band\b)\s*/)
            .map((n) => n.trim())
            .filter(Boolean);
    out.push({ title, speakers, url });
  }
  return out;
}

/** A file's recordings by its content: JSON is a yt-dlp playlist, anything else a CSV/TSV table. */
export function recordingsFromFile(text: string): Recording[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      throw new RecordingSourceError(`not readable JSON (${(err as Error).message}); expected a yt-dlp playlist (yt-dlp --flat-playlist -J PLAYLIST)`);
    }
    return recordingsFromYtDlp(data);
  }
  return recordingsFromTable(text);
}
