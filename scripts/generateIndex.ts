// Regenerates data/bundled/index.bin, the index that ships with the
// extension, from ../shared/data (never copied into the project):
// - FOSDEM 2007–2026 (schedules/fosdem/fosdem-YYYY.xml, FOSDEM's own
//   https://fosdem.org/YEAR/schedule/xml; 2019 and 2024–2026 are the
//   post-conference exports with recordings), every talk with its schedule
//   page built from year and slug, and the slugs the preliminary exports
//   (fosdem-YYYY-preliminary.xml) had and the final ones renamed as aliases;
// - KubeCon + CloudNativeCon Europe 2024 from its Sched scrape
//   (schedules/sched/), merged with our curated seed;
// - EuroPython 2024 from the conference website's data (schedules/europython/);
// - the other complete real schedules there: Chaos Communication Camp 2019
//   and rC3 Channels 2020 (schedules/voc/, frab/pretalx JSON) and Global Azure
//   Linz 2024 and 2025 (schedules/sessionize/); not hub-schedule2.json (two of
//   38C3's talks, a validator sample) nor pretalx-democon.json (generated text);
// - every pyvideo event (pyvideo/pyvideo-data.tar.gz, CC0), none of its
//   NO_PUBLISH videos; where a schedule above has the same event, pyvideo only
//   adds recordings to sessions without one;
// - the hand-curated events in data/seeds/*.yaml;
// talks only, once: no breaks, registration desks or cancelled slots without
// a recording, and no talk a source lists twice (talksOnly.ts).
//   npm run generate:index
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeBinaryBundle } from '../src/core/index/binaryBundle';
import { formatIndexProblem } from '../src/core/index/indexProblem';
import { loadIndexFile } from '../src/core/index/loadIndexFile';
import type { EventFile } from '../src/core/index/model';
import { importStats } from '../src/core/importers/common';
import { importEuroPythonSite } from '../src/core/importers/europythonSite';
import { importFrabXml } from '../src/core/importers/frabXml';
import { importSchedule } from '../src/core/importers/importSchedule';
import { addRecordings, mergeCurated } from '../src/core/importers/mergeEvents';
import { importPyvideo, type PyvideoFolder } from '../src/core/importers/pyvideo';
import { importSchedScrape } from '../src/core/importers/schedScrape';
import { isNotATalk, withoutRepeats } from '../src/core/importers/talksOnly';
import { SessionIndex } from '../src/core/index/sessionIndex';
import { bundledSources } from '../src/core/index/sources';
import { SessionSearch } from '../src/core/search/sessionSearch';
import { tarGzFiles } from './tarGz';

const root = resolve(__dirname, '../..');
const shared = resolve(process.env.RECAP_SHARED_DATA ?? join(root, '..', 'shared', 'data'));
const fosdemDir = join(shared, 'schedules', 'fosdem');
const seedsDir = join(root, 'data', 'seeds');
const out = join(root, 'data', 'bundled', 'index.bin');
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(shared, ...path), 'utf8'));

const seeds: EventFile[] = [];
const sources: string[] = [];
for (const name of readdirSync(seedsDir)
  .filter((n) => /\.ya?ml$/.test(n))
  .sort()) {
  const loaded = loadIndexFile(`data/seeds/${name}`, readFileSync(join(seedsDir, name), 'utf8'));
  for (const p of loaded.problems) console.error(formatIndexProblem(p));
  if (loaded.problems.some((p) => p.severity === 'error') || !loaded.event) process.exit(1);
  seeds.push({ event: loaded.event, sessions: loaded.sessions });
  sources.push(`data/seeds/${name}`);
}

let fosdemFiles: string[];
try {
  fosdemFiles = readdirSync(fosdemDir)
    .filter((n) => /^fosdem-\d{4}\.xml$/.test(n))
    .sort();
} catch {
  console.error(`no FOSDEM schedules at ${fosdemDir}: put ../shared beside the project or set RECAP_SHARED_DATA`);
  process.exit(1);
}

/** Each `<event id="…">` with its own `<slug>`, in document order. */
function eventSlugs(xml: string): { id: string; slug: string }[] {
  const out: { id: string; slug: string }[] = [];
  for (const m of xml.matchAll(/<event\b[^>]*?\bid="(\d+)"[^>]*>([\s\S]*?)<\/event>/g)) {
    const slug = /<slug>([^<]*)<\/slug>/.exec(m[2]!.replace(/<persons>[\s\S]*?<\/persons>/, ''))?.[1]?.trim();
    if (slug) out.push({ id: m[1]!, slug });
  }
  return out;
}

/** Where a slug names the same talk in both exports: its event id, or for 2024 (new id scheme) the number in `fosdem-2024-NNNN-…`. */
function talkKey(year: string, e: { id: string; slug: string }): string {
  if (year === '2024') return /^fosdem-2024-(\d+)-/.exec(e.slug)?.[1] ?? `slug:${e.slug}`;
  return e.id;
}

const fosdem: EventFile[] = [];
let aliasCount = 0;
for (const name of fosdemFiles) {
  const year = /\d{4}/.exec(name)![0];
  const xml = readFileSync(join(fosdemDir, name), 'utf8');
  const result = importFrabXml(xml, { fileName: name });
  const file = result.files[0]!;
  // The 2024 export's base_url and <url>s say /2025/: FOSDEM's pages are by year and slug.
  file.event.url = `https://fosdem.org/${year}/schedule/`;
  const finals = eventSlugs(xml);
  const slugs = new Set(finals.map((e) => e.slug));
  for (const s of file.sessions) if (slugs.has(s.id)) s.schedule = `https://fosdem.org/${year}/schedule/event/${s.id}/`;
  let prelim: string | undefined;
  try {
    prelim = readFileSync(join(fosdemDir, `fosdem-${year}-preliminary.xml`), 'utf8');
  } catch {
    prelim = undefined;
  }
  if (prelim) {
    const finalByKey = new Map(finals.map((e) => [talkKey(year, e), e.slug]));
    const byId = new Map(file.sessions.map((s) => [s.id, s]));
    for (const e of eventSlugs(prelim)) {
      const current = finalByKey.get(talkKey(year, e));
      const session = current ? byId.get(current) : undefined;
      if (!session || byId.has(e.slug) || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(e.slug)) continue;
      const aliases = (session.aliases ??= []);
      if (!aliases.includes(e.slug)) aliases.push(e.slug);
      aliasCount++;
    }
    sources.push(`FOSDEM schedule ${name} (frab XML), old ids from fosdem-${year}-preliminary.xml`);
  } else sources.push(`FOSDEM schedule ${name} (frab XML)`);
  fosdem.push(file);
}

// KubeCon + CloudNativeCon Europe 2024: Sched scrape + official tracks, under the curated seed.
const kubeconId = 'kubecon-eu-2024';
const sched = importSchedScrape(readJson('schedules', 'sched', 'kubecon-eu-2024-slidefetcher.json'), {
  eventId: kubeconId,
  tracks: readJson('schedules', 'sched', 'kubecon-eu-2024-second-brain.json'),
  name: 'KubeCon + CloudNativeCon Europe 2024',
  location: 'Paris, France',
  start: '2024-03-19',
  end: '2024-03-22',
});
const seedIndex = seeds.findIndex((s) => s.event.id === kubeconId);
const family = seeds.filter((s) => s.event.parent === kubeconId);
const kubecon = mergeCurated(seeds[seedIndex]!, sched.files[0]!, family);
seeds[seedIndex] = kubecon.file;
sources.push('KubeCon + CloudNativeCon Europe 2024 Sched scrape (orimanabu/slidefetcher), tracks from ezeqme/cloud-native-second-brain');

// EuroPython 2024, from the conference website's own data.
const europython = importEuroPythonSite(
  readJson('schedules', 'europython', 'europython-2024-sessions.json'),
  readJson('schedules', 'europython', 'europython-2024-speakers.json'),
  {
    eventId: 'europython-2024',
    name: 'EuroPython 2024',
    location: 'Prague, Czech Republic',
    url: 'https://ep2024.europython.eu/',
  },
).files[0]!;
sources.push('EuroPython 2024 website data (EuroPython/website)');

// The other real schedules, each one whole event, through the importers `recap import` uses.
const others: EventFile[] = [];
for (const [folder, name, what] of [
  ['voc', 'frab-camp2019.json', 'Chaos Communication Camp 2019 Fahrplan (frab JSON, c3voc schedule validator)'],
  ['voc', 'pretalx-rc3.json', 'rC3 Channels 2020 (pretalx JSON, c3voc schedule validator)'],
  ['sessionize', 'global-azure-linz-2024.json', 'Global Azure Linz 2024 (Sessionize)'],
  ['sessionize', 'global-azure-linz-2025.json', 'Global Azure Linz 2025 (Sessionize)'],
] as const) {
  const imported = importSchedule(readFileSync(join(shared, 'schedules', folder, name), 'utf8'), { fileName: name });
  for (const w of imported.warnings) console.log(`${name}: ${w}`);
  others.push(...imported.files);
  sources.push(what);
}

// pyvideo, read in place from its archive.
const folders = new Map<string, PyvideoFolder>();
let noPublish: unknown;
for (const { name, data } of tarGzFiles(join(shared, 'pyvideo', 'pyvideo-data.tar.gz'))) {
  // The archive holds the tree itself (`pycon-us-2024/videos/…`); a leading `data/` folder is allowed.
  const path = name.replace(/^(?:\.\/)?data\//, '');
  if (path === 'NO_PUBLISH.json') {
    noPublish = JSON.parse(data.toString('utf8'));
    continue;
  }
  const m = /^([^./][^/]*)\/(category\.json|videos\/[^/]+\.json)$/.exec(path);
  if (!m) continue;
  const folder = folders.get(m[1]!) ?? { folder: m[1]!, videos: [] };
  folders.set(m[1]!, folder);
  const parsed = JSON.parse(data.toString('utf8')) as unknown;
  if (m[2] === 'category.json') folder.category = parsed;
  else folder.videos.push({ file: m[2]!, data: parsed });
}
if (noPublish === undefined) throw new Error('pyvideo archive without NO_PUBLISH.json: refusing to publish its videos unchecked');
const pyvideo = importPyvideo(
  [...folders.values()].sort((a, b) => (a.folder < b.folder ? -1 : 1)),
  { noPublish },
);
for (const w of pyvideo.warnings) if (/NO_PUBLISH/.test(w)) console.log(`pyvideo: ${w}`);
sources.push('pyvideo/data (CC0), commit 8d37350255d05fefef7354ed5f382c1c669429d0, without its NO_PUBLISH videos');

const scheduled = new Map<string, EventFile>([...fosdem, europython].map((f) => [f.event.id, f]));
const collected: EventFile[] = [...seeds, ...fosdem, europython, ...others];
const taken = new Set(collected.map((f) => f.event.id));
// pyvideo files some recordings under two events (EuroSciPy 2017's under 2018 too): one is kept, the first.
const pyvideoOnce = withoutRepeats(pyvideo.files, { acrossEvents: true });
for (const f of pyvideoOnce.files) {
  if (f.sessions.length === 0) continue;
  const same = scheduled.get(f.event.id);
  if (same) {
    const merged = addRecordings(same, f);
    console.log(`${f.event.id}: pyvideo added ${merged.added} recording(s); ${merged.alreadyThere} already there; ${merged.unmatched.length} matched no title`);
  } else if (!taken.has(f.event.id)) {
    collected.push(f);
    taken.add(f.event.id);
  } else console.log(`${f.event.id}: pyvideo event skipped, the id is a curated event's`);
}

// Talks only, once.
const talks = collected.map((f) => ({ event: f.event, sessions: f.sessions.filter((s) => !isNotATalk(s)) }));
const notTalks = collected.reduce((n, f) => n + f.sessions.length, 0) - talks.reduce((n, f) => n + f.sessions.length, 0);
const once = withoutRepeats(talks);
const files = once.files;
const repeats = [...pyvideoOnce.report.repeats, ...once.report.repeats];
console.log(`left out ${notTalks} slot(s) that are no talk (breaks, registration, cancelled) and ${repeats.length} repeat(s) of a talk listed before`);

// Order and content are stable so a regeneration from the same inputs changes nothing.
// The search is built here, over the sessions as the index lists them, and stored beside them.
const search = new SessionSearch(new SessionIndex(bundledSources(files, 'bundled'))).data();
const bytes = encodeBinaryBundle(files, sources, search);
mkdirSync(join(root, 'data', 'bundled'), { recursive: true });
writeFileSync(out, bytes);
const stats = importStats(files);
console.log(`kubecon-eu-2024: ${sched.files[0]!.sessions.length} from Sched, ${kubecon.duplicates} already curated; ${aliasCount} FOSDEM aliases`);
console.log(
  `wrote ${out}: ${(bytes.length / 1024 / 1024).toFixed(2)} MB (${search.vocabulary.starts.length - 1} words, ${search.postings.length} postings), ${stats.events} events, ${stats.sessions} sessions, ${stats.speakers} speakers, ${stats.sessionsWithVideo} with video, ${stats.sessionsWithSlides} with slides`,
);
