import type { ConferenceEvent, Link, Session } from '../index/model';
import { classifyLink, normalizeUrl, parseHttpUrl } from '../links/recordingHosts';
import { compact, localDateTime, makeIdsUnique, readableName } from './common';
import { ImportError, type ImportOptions, type ImportResult } from './types';

/**
 * pyvideo.org's data tree (github.com/pyvideo/data, CC0): one folder per
 * event holding `category.json` (`{"title": "EuroPython 2024"}`) and
 * `videos/<slug>.json`, one recorded talk each. The importer takes the files
 * already parsed (the Node side reads the folder or the archive), so it runs
 * wherever the core runs.
 */
export interface PyvideoFolder {
  /** The event folder's name, which becomes the event id: `pycon-us-2024`. */
  folder: string;
  /** `category.json`, parsed; its `title` names the event. */
  category?: unknown;
  /** `videos/*.json`, parsed, each with its file name (`videos/<slug>.json` or `<slug>.json`). */
  videos: { file: string; data: unknown }[];
}

export interface PyvideoOptions extends ImportOptions {
  /**
   * pyvideo's NO_PUBLISH list (video `id`s whose owners asked not to be
   * re-published), parsed: those talks are left out entirely.
   */
  noPublish?: unknown;
}

/** Is this parsed JSON a pyvideo talk record? (title plus a `videos` list, as its schema has them.) */
export function looksLikePyvideoVideo(data: unknown): boolean {
  return (
    !!data &&
    typeof data === 'object' &&
    typeof (data as Record<string, unknown>)['title'] === 'string' &&
    Array.isArray((data as Record<string, unknown>)['videos'])
  );
}

/** The NO_PUBLISH file's ids: `[2845, 5984]` (numbers or numeric strings). */
export function noPublishIds(value: unknown): Set<number> {
  const out = new Set<number>();
  if (!Array.isArray(value)) return out;
  for (const v of value) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isInteger(n)) out.add(n);
  }
  return out;
}

/** One event per folder; talks on the NO_PUBLISH list, and records without a title, are skipped (the latter with a warning). */
export function importPyvideo(folders: readonly PyvideoFolder[], options: PyvideoOptions = {}): ImportResult {
  if (folders.length === 0) throw new ImportError('no pyvideo event folders: expected a folder with category.json and videos/*.json');
  const blocked = noPublishIds(options.noPublish);
  const warnings: string[] = [];
  const files = folders.map((f) => {
    const id = folders.length === 1 && options.eventId ? options.eventId : f.folder;
    const category = f.category && typeof f.category === 'object' ? (f.category as Record<string, unknown>) : {};
    const title = typeof category['title'] === 'string' && category['title'].trim() ? category['title'].trim() : readableName(id);
    const sessions: Session[] = [];
    let withheld = 0;
    for (const { file, data } of [...f.videos].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
      if (!data || typeof data !== 'object') {
        warnings.push(`${id}: ${file} is not a talk record; skipped`);
        continue;
      }
      const v = data as Record<string, unknown>;
      if (typeof v['id'] === 'number' && blocked.has(v['id'])) {
        withheld++;
        continue;
      }
      const session = toSession(v, file);
      if (session) sessions.push(session);
      else warnings.push(`${id}: ${file} has no title; skipped`);
    }
    if (withheld) warnings.push(`${id}: left out ${withheld} talk(s) on pyvideo's NO_PUBLISH list`);
    makeIdsUnique(sessions, warnings, id);
    const dates = sessions
      .map((s) => s.start?.slice(0, 10))
      .filter((d): d is string => !!d)
      .sort();
    const event: ConferenceEvent = compact({ id, name: title, start: dates[0], end: dates[dates.length - 1] });
    return { event, sessions };
  });
  return { format: 'pyvideo', files, warnings };
}

function toSession(v: Record<string, unknown>, file: string): Session | undefined {
  const title = typeof v['title'] === 'string' ? v['title'].replace(/\s+/g, ' ').trim() : '';
  if (!title) return undefined;
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  const slug = typeof v['slug'] === 'string' && v['slug'].trim() ? v['slug'].trim() : stem;
  const speakers = (Array.isArray(v['speakers']) ? v['speakers'] : [])
    .filter((n): n is string => typeof n === 'string' && !!n.trim())
    .map((name) => ({ name: name.replace(/\s+/g, ' ').trim() }));
  const videoUrls = (Array.isArray(v['videos']) ? v['videos'] : [])
    .map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>)['url'] : undefined))
    .filter((u): u is string => typeof u === 'string' && !!parseHttpUrl(u.trim()))
    .map((u) => normalizeUrl(u.trim()));
  // A YouTube link plays everywhere; the others (archive.org, Vimeo…) stay as links.
  const video = videoUrls.find((u) => /(?:youtube\.com|youtu\.be)\//i.test(u)) ?? videoUrls[0];
  const links: Link[] = videoUrls.filter((u) => u !== video).map((url) => ({ url }));
  let slides: string | undefined;
  for (const r of Array.isArray(v['related_urls']) ? v['related_urls'] : []) {
    const url = typeof r === 'string' ? r : r && typeof r === 'object' ? (r as Record<string, unknown>)['url'] : undefined;
    const label =
      r && typeof r === 'object' && typeof (r as Record<string, unknown>)['label'] === 'string' ? ((r as Record<string, unknown>)['label'] as string) : '';
    if (typeof url !== 'string' || !parseHttpUrl(url.trim())) continue;
    const u = normalizeUrl(url.trim());
    if (!slides && (classifyLink(u, label) === 'slides' || /\bslides?\b/i.test(label))) slides = u;
    else if (!links.some((l) => l.url === u)) links.push(compact({ url: u, title: label && label !== url ? label : undefined }));
  }
  const seconds = typeof v['duration'] === 'number' && Number.isFinite(v['duration']) && v['duration'] > 0 ? v['duration'] : undefined;
  return compact({
    id: slug,
    title,
    speakers,
    start: localDateTime(typeof v['recorded'] === 'string' ? v['recorded'] : undefined),
    duration: seconds === undefined ? undefined : Math.max(1, Math.round(seconds / 60)),
    video,
    slides,
    links,
  });
}
