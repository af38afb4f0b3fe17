// Regenerates data/bundled/index.json, the index that ships with the
// extension: FOSDEM 2007–2026 imported from ../shared/data/schedules/fosdem/
// (FOSDEM publishes each year's schedule as https://fosdem.org/YEAR/schedule/xml)
// plus the hand-curated events in data/seeds/*.yaml.
//   npm run generate:index
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeBundle } from '../src/core/index/bundle';
import { formatIndexProblem } from '../src/core/index/indexProblem';
import { loadIndexFile } from '../src/core/index/loadIndexFile';
import type { EventFile } from '../src/core/index/model';
import { importStats } from '../src/core/importers/common';
import { importFrabXml } from '../src/core/importers/frabXml';

const root = resolve(__dirname, '../..');
const fosdemDir = resolve(process.env.RECAP_SHARED_DATA ?? join(root, '..', 'shared', 'data'), 'schedules', 'fosdem');
const seedsDir = join(root, 'data', 'seeds');
const out = join(root, 'data', 'bundled', 'index.json');

const files: EventFile[] = [];
const sources: string[] = [];
for (const name of readdirSync(seedsDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const loaded = loadIndexFile(`data/seeds/${name}`, readFileSync(join(seedsDir, name), 'utf8'));
  for (const p of loaded.problems) console.error(formatIndexProblem(p));
  if (loaded.problems.some((p) => p.severity === 'error') || !loaded.event) process.exit(1);
  files.push({ event: loaded.event, sessions: loaded.sessions });
  sources.push(`data/seeds/${name}`);
}
let fosdemFiles: string[];
try {
  fosdemFiles = readdirSync(fosdemDir).filter((n) => /^fosdem-\d{4}\.xml$/.test(n)).sort();
} catch {
  console.error(`no FOSDEM schedules at ${fosdemDir}: put ../shared beside the project or set RECAP_SHARED_DATA`);
  process.exit(1);
}
for (const name of fosdemFiles) {
  const result = importFrabXml(readFileSync(join(fosdemDir, name), 'utf8'), { fileName: name });
  files.push(...result.files);
  sources.push(`FOSDEM schedule ${name} (frab XML)`);
}
// Order and content are stable so a regeneration from the same inputs changes nothing.
const json = JSON.stringify(encodeBundle(files, sources));
mkdirSync(join(root, 'data', 'bundled'), { recursive: true });
writeFileSync(out, json + '\n');
const stats = importStats(files);
console.log(`wrote ${out}: ${(json.length / 1024 / 1024).toFixed(2)} MB, ${stats.events} events, ${stats.sessions} sessions, ${stats.speakers} speakers, ${stats.sessionsWithVideo} with video, ${stats.sessionsWithSlides} with slides`);
