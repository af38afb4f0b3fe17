import type { ConferenceEvent, Session, Speaker } from '../index/model';
import { normalizeUrl, parseHttpUrl } from '../links/recordingHosts';
import { compact, localDateTime, makeIdsUnique, mapSessionType, parseDuration } from './common';
import { ImportError, type ImportOptions, type ImportResult } from './types';

/**
 * EuroPython's website data (github.com/EuroPython/website,
 * `src/content/sessions/*.mdx` and `speakers/*.mdx` front matter, as JSON):
 * sessions with start, end, room, track, slides and the YouTube link;
 * speakers by slug with their affiliation.
 */
export interface EuroPythonSiteOptions extends ImportOptions {
  name?: string;
  location?: string;
  url?: string;
}

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

function listOf(data: unknown, key: string): Obj[] {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as Obj)[key] : undefined;
  return Array.isArray(list) ? list.filter((x): x is Obj => !!x && typeof x === 'object') : [];
}

/** `sessions` and `speakers`: the parsed files (`{sessions: [...]}`, `{speakers: [...]}`, or the bare lists). */
export function importEuroPythonSite(sessionsData: unknown, speakersData: unknown, options: EuroPythonSiteOptions = {}): ImportResult {
  const items = listOf(sessionsData, 'sessions');
  if (items.length === 0) throw new ImportError('not EuroPython website data: expected {"sessions": [{"title", "slug", "start", …}]}');
  const people = new Map<string, Speaker>();
  for (const sp of listOf(speakersData, 'speakers')) {
    const slug = str(sp['slug']);
    const name = str(sp['name']);
    if (!slug || !name) continue;
    const affiliation = str(sp['affiliation']);
    people.set(slug, affiliation ? { name, affiliation } : { name });
  }
  const warnings: string[] = [];
  const sessions: Session[] = [];
  for (const item of items) {
    const title = str(item['title']);
    if (!title) {
      warnings.push(`session ${str(item['code']) ?? '?'} has no title; skipped`);
      continue;
    }
    const speakers = (Array.isArray(item['speakers']) ? item['speakers'] : [])
      .map((s) => {
        const slug = typeof s === 'string' ? s : str((s as Obj)?.['slug']);
        const found = slug ? people.get(slug) : undefined;
        if (!found && slug) warnings.push(`"${title}": speaker '${slug}' is not in the speakers file; named by slug`);
        return found ?? { name: typeof s === 'object' && s ? (str((s as Obj)['name']) ?? slug ?? '') : (slug ?? '') };
      })
      .filter((s) => s.name);
    const resources = Array.isArray(item['resources']) ? (item['resources'] as Obj[]) : [];
    const slides = resources.map((r) => str(r?.['resource'])).find((u) => !!u && !!parseHttpUrl(u));
    const link = (v: unknown) => {
      const u = str(v);
      return u && parseHttpUrl(u) ? normalizeUrl(u) : undefined;
    };
    sessions.push(
      compact({
        id: str(item['slug']) ?? str(item['code']) ?? '',
        title,
        speakers,
        type: mapSessionType(str(item['session_type'])),
        track: str(item['track']),
        start: localDateTime(str(item['start'])),
        duration: parseDuration(str(item['duration'])),
        end: localDateTime(str(item['end'])),
        room: str(item['room']),
        video: link(item['youtube_url']),
        slides: slides ? normalizeUrl(slides) : undefined,
        schedule: link(item['website_url']),
      }),
    );
  }
  const id = options.eventId ?? 'europython';
  makeIdsUnique(sessions, warnings, id);
  const days = sessions
    .map((s) => s.start?.slice(0, 10))
    .filter((d): d is string => !!d)
    .sort();
  const event: ConferenceEvent = compact({
    id,
    name: options.name ?? id,
    location: options.location,
    start: days[0],
    end: days[days.length - 1],
    url: options.url,
  });
  return { format: 'europython-site', files: [{ event, sessions }], warnings };
}
