// npm run bench: figures side by side with their baselines, in one run.
// `npm run bench -- lint preview` runs only the named sections (the search
// section takes minutes: plain fuse.js at 100,000 sessions is that slow).
import { bundledIndexBench } from './bundledIndex';
import { hostileBench } from './hostile';
import { lintBench } from './lint';
import { bundledFiles, indexOf } from './data';
import { previewBench } from './preview';
import { realRecapsBench } from './realRecaps';
import { searchBench } from './search';

const SECTIONS: [name: string, title: string, run: () => string | Promise<string>][] = [
  ['index', 'Bundled index load (median of 5)', bundledIndexBench],
  ['search', 'Search', searchBench],
  ['lint', "Lint (beside markdown-it's bare parse and markdownlint)", lintBench],
  ['preview', 'Preview refresh', previewBench],
  ['hostile', "Hostile inputs at issue 11's sizes", hostileBench],
  ['recaps', 'Real recaps: talks found, recognition (../shared/data/recaps, seeds, test/fixtures/blog)', () => realRecapsBench(indexOf(bundledFiles()))],
];

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  console.log(`# Recap Writer benchmarks (node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
  for (const [name, title, run] of SECTIONS) {
    if (wanted.size > 0 && !wanted.has(name)) continue;
    console.log(`\n## ${title}\n`);
    console.log(await run());
  }
}

void main();
