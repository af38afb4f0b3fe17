import { resolve } from 'node:path';
import type { SessionIndex } from '../../core/index/sessionIndex';
import { summarizeRecap, type RecapSummary } from '../../core/recap/inspect';
import { RecapAnalyses } from '../../core/analysis/recapAnalyses';
import { withReadableFrontmatter } from '../../core/recap/parseRecap';
import { findRecap } from '../../core/references/recognizeRecap';
import { parseCliArgs, readInput, UsageError, type CliCommand } from '../io';
import { loadCliIndex } from '../loadIndex';

export const inspectCommand: CliCommand = {
  summary: 'show what Recap Writer reads from recap files (frontmatter, events, talk ids)',
  help: `Usage: recap inspect FILE... [--json]
A file is a recap when it declares it (an \`event:\` or \`talks:\` key, a recaps/
folder) or, declaring nothing, when it mentions talks of the bundled index
clearly enough (as \`recap lint DIR\` decides; then "recognized" says what it
counted: talks linked, titles of one event's talks, the events).`,
  async run(args, io) {
    const parsed = parseCliArgs(args, { json: { type: 'boolean' } });
    if (parsed.positionals.length === 0) throw new UsageError('name at least one file');
    const results: (RecapSummary & { file: string; recognized?: { links: number; titles: number; events: string[] } })[] = [];
    // Loaded only for a file that declares nothing: what it mentions decides.
    let index: SessionIndex | undefined;
    // The one analysis of each file, as the editor's: its parse, read once.
    const analyses = new RecapAnalyses();
    for (const file of parsed.positionals) {
      const path = resolve(io.cwd, file);
      const text = readInput(io, file, path);
      if (text === undefined) return 2;
      const document = { key: path, version: 0, path, text: () => text };
      const summary: (typeof results)[number] = { file, ...summarizeRecap(analyses.parse(document)) };
      if (!summary.isRecap) {
        index ??= loadCliIndex([], io).index;
        const { recognition } = findRecap(withReadableFrontmatter(analyses.parse(document)), index, { onlyRecaps: true });
        if (recognition.isRecap) {
          summary.isRecap = true;
          summary.recognized = { links: recognition.links, titles: recognition.titles, events: recognition.events };
        }
      }
      results.push(summary);
    }
    if (parsed.values.json) {
      io.out(JSON.stringify(results, null, 2));
    } else {
      for (const r of results) {
        const how = r.recognized ? ` (recognized: ${r.recognized.links} talks linked, ${r.recognized.titles} titles)` : '';
        io.out(`${r.file}: ${r.isRecap ? 'recap' : 'not a recap'}${how}; events: ${r.events.join(', ') || '-'}; talks: ${r.talkIds.length}`);
        for (const p of r.problems) io.out(`${r.file}:${p.line}:${p.column} ${p.code} ${p.message}`);
      }
    }
    return results.some((r) => r.problems.length > 0) ? 1 : 0;
  },
};
