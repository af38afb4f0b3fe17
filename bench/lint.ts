// Lint benchmark: our whole lint (parse, reference finding against the
// FOSDEM-sized bundled index, every rule) beside markdown-it's bare parse and
// markdownlint's default rules, on the same generated recaps.
import MarkdownIt from 'markdown-it';
import { pathToFileURL } from 'node:url';
import type { IndexedSession } from '../src/core/index/sessionIndex';
import { LintCache, lintRecap } from '../src/core/lint/lintRecap';
import { parseRecap } from '../src/core/recap/parseRecap';
import { SessionSearch } from '../src/core/search/sessionSearch';
import { bundledFiles, indexOf, rng } from './data';
import { median, table, time } from './stats';

const YEARS = ['fosdem-2019', 'fosdem-2020', 'fosdem-2021', 'fosdem-2022', 'fosdem-2023', 'fosdem-2024'];
const COMPANIES = ['Red Hat', 'SUSE', 'Canonical', 'Isovalent', 'Grafana Labs', 'Mozilla', 'Igalia', 'Collabora'];
const NOTES = [
  'The room was packed well before the start, and people were queueing in the corridor.',
  'A clear walkthrough of the design, with a live demo that actually worked.',
  'Slides were dense but the speaker took every question from the hallway track afterwards.',
  'If you only watch one talk from this devroom, make it this one.',
  'Lots of practical advice about testing and release engineering, with numbers from production.',
  'The Q&A went deep into packaging, reproducible builds and what distributions expect from upstream.',
  'I left with a list of three things to try on Monday: `strace -f`, better CI caching and smaller images.',
  'Honest about what did not work, which is rarer than it should be at conferences.',
];

/** Markdown for a speaker list the way recaps write it: "Name (Company), Name". */
function byline(s: IndexedSession, random: () => number): string {
  return s.speakers.map((sp) => (random() < 0.4 ? `${sp.name} (${COMPANIES[Math.floor(random() * COMPANIES.length)]})` : sp.name)).join(', ');
}

function dest(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/**
 * A recap of several FOSDEM years as people write them (see ../shared/seeds):
 * sections per devroom, list items "[Title](video) — Speaker (Company)" with
 * notes, some without a video (whose recording the index often knows), some
 * "video not yet available", headings per talk with a "watch" paragraph,
 * talks named inside prose, code spans and a fenced block now and then.
 * Deterministic: the same text on every run.
 */
export function generateRecap(sessions: readonly IndexedSession[], bytes: number, seed: number): string {
  const random = rng(seed);
  const pick = () => sessions[Math.floor(random() * sessions.length)]!;
  const note = () => NOTES[Math.floor(random() * NOTES.length)]!;
  const listed = Array.from({ length: 20 }, pick);
  const fm = [
    '---',
    'title: "FOSDEM 2019–2024: the talks I keep sending people"',
    `event: [${YEARS.join(', ')}]`,
    'date: 2024-02-10',
    'author: Sam Example',
    'talks:',
    ...listed.flatMap((s, i) => [
      `  - id: ${s.fullId}`,
      `    title: ${JSON.stringify(s.title)}`,
      ...(s.speakers.length ? ['    speakers:', ...s.speakers.map((sp) => `      - name: ${JSON.stringify(sp.name)}`)] : []),
      ...(i % 2 === 0 && s.video ? [`    video: ${JSON.stringify(s.video)}`] : []),
    ]),
    '---',
    '',
    '# FOSDEM, six years of it',
    '',
    'Every February Brussels fills up with people who build free software. These are the talks I still recommend.',
    '',
  ];
  const out: string[] = [fm.join('\n')];
  let size = out[0]!.length;
  let n = 0;
  while (size < bytes) {
    const s = pick();
    let block: string;
    if (n % 25 === 0) block = `## ${s.track ?? 'Main track'} (${s.eventId.replace('fosdem-', 'FOSDEM ')})\n`;
    else {
      const r = random();
      const who = byline(s, random);
      const by = who ? ` — ${who}` : '';
      if (r < 0.45 && s.video) block = `- [${s.title}](${dest(s.video)})${by}\n  ${note()}`;
      else if (r < 0.55) block = `- ${s.title}${by} ([video](https://www.youtube.com/watch?v=${(n * 7919).toString(36).padStart(11, 'x')}))\n  ${note()}`;
      else if (r < 0.72) block = `- ${s.title}${by}. ${note()}`;
      else if (r < 0.8)
        block = `\n### ${s.title}\n\n${who || 'The devroom team'} — ${note()} ${note()}\n\n${s.video ? `[Watch the recording](${dest(s.video)})` : 'Video not yet available.'}\n`;
      else if (r < 0.85) block = `- ${s.title}${by} (video not yet available)`;
      else if (r < 0.97) block = `\nI also caught *${s.title}*${who ? ` by ${who}` : ''}, which ${note().toLowerCase()} ${note()}\n`;
      else block = `\n\`\`\`sh\n# ${s.title}\nnix build .#${s.id} --rebuild\n\`\`\`\n`;
    }
    out.push(block);
    size += block.length + 1;
    n++;
  }
  // One flat string, as an editor's getText() and readFileSync hand a recap over (a concatenation
  // would leave a rope, slower to read character by character than any real document).
  return [...out, ''].join('\n');
}

/** The part of markdownlint's sync API used here (its types need Node16 module resolution). */
interface MarkdownlintSync {
  lint(options: { strings: Record<string, string> }): unknown;
}

// No gc() between runs: after a forced full collection V8 shrinks the heap, and the next
// run pays for growing it again (page faults), which swamps what is measured here.
function measure(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn)[1]);
  return median(times);
}

/** The bundled index, its search, the two recaps and our lint over them (also for profiling: `node --cpu-prof`). */
export function lintBenchSetup() {
  const files = bundledFiles();
  const index = indexOf(files);
  const search = new SessionSearch(index);
  const sessions = index.sessions.filter((s) => YEARS.includes(s.eventId));
  const recaps = [
    { label: '100 KB recap', text: generateRecap(sessions, 100_000, 3), runs: 61, mdlRuns: 5 },
    { label: '1 MB recap', text: generateRecap(sessions, 1_000_000, 5), runs: 51, mdlRuns: 3 },
  ];
  const ours = (text: string) => lintRecap(parseRecap('recaps/bench.md', text), { index, search });
  return { files, index, search, recaps, ours };
}

export async function lintBench(): Promise<string> {
  // markdownlint is ESM only; resolved the CommonJS way first so NODE_PATH builds outside the repo find it too.
  const { lint: markdownlint } = (await import(pathToFileURL(require.resolve('markdownlint/sync')).href)) as MarkdownlintSync;
  const { files, index, search, recaps, ours } = lintBenchSetup();
  // The baseline is markdown-it as it ships (our engine only adds a shortcut that gives the same tokens).
  const md = new MarkdownIt();
  const rows: string[][] = [];
  for (const { label, text, runs, mdlRuns } of recaps) {
    // Cold: a fresh index, so the catalog and the title matcher are built inside this lint.
    const coldIndex = indexOf(files);
    const [, coldMs] = time(() => lintRecap(parseRecap('recaps/bench.md', text), { index: coldIndex, search }));
    const result = ours(text);
    for (let i = 0; i < 3; i++) {
      md.parse(text, {});
      ours(text);
    }
    // Interleaved, so a slow moment of the machine hits both.
    const parseTimes: number[] = [];
    const lintTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      parseTimes.push(time(() => md.parse(text, {}))[1]);
      lintTimes.push(time(() => ours(text))[1]);
    }
    const mdlMs = measure(() => markdownlint({ strings: { recap: text } }), mdlRuns);
    const parseMs = median(parseTimes);
    const lintMs = median(lintTimes);
    rows.push([
      label,
      `${(text.length / 1024).toFixed(0)} KB`,
      parseMs.toFixed(1),
      mdlMs.toFixed(0),
      lintMs.toFixed(1),
      coldMs.toFixed(0),
      `${(lintMs / parseMs).toFixed(2)}×`,
      String(result.talks.length),
      String(result.findings.length),
    ]);
    process.stderr.write(`${rows[rows.length - 1]!.join(' | ')}\n`);
  }
  // Typing, as the editor sees it: one character changed at a time in the middle of the 100 KB
  // recap, each version parsed from the previous version's parse and linted with the document's
  // cache (the editor keeps both per open document); markdown-it's bare parse of the same text beside it.
  // Then the same with Enter pressed, which moves every line after it.
  const typing = (label: string, change: (text: string, at: number) => string) => {
    const cache = new LintCache();
    let current = recaps[0]!.text;
    let previous = parseRecap('recaps/bench.md', current);
    lintRecap(previous, { index, search, cache });
    const bare: number[] = [];
    const relints: number[] = [];
    for (let i = 0; i < 41; i++) {
      const edited = change(current, Math.floor(current.length / 2) + i * 97);
      bare.push(time(() => md.parse(edited, {}))[1]);
      let parsed = previous;
      relints.push(time(() => lintRecap((parsed = parseRecap('recaps/bench.md', edited, undefined, previous)), { index, search, cache }))[1]);
      previous = parsed;
      current = edited;
    }
    rows.push([
      label,
      `${(current.length / 1024).toFixed(0)} KB`,
      median(bare).toFixed(1),
      '',
      median(relints).toFixed(1),
      '',
      `${(median(relints) / median(bare)).toFixed(2)}×`,
      '',
      '',
    ]);
  };
  typing('100 KB, one character edited (re-lint)', (text, at) => text.slice(0, at) + (text[at] === 'e' ? 'a' : 'e') + text.slice(at + 1));
  typing('100 KB, Enter pressed (re-lint)', (text, at) => `${text.slice(0, at)}\n${text.slice(at)}`);
  return table(
    ['recap', 'size', 'markdown-it parse ms', 'markdownlint ms', 'our lint ms', 'cold first lint ms', 'ours / markdown-it', 'talks', 'findings'],
    rows,
  );
}
