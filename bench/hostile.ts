// Issue 11's hostile inputs at the sizes the issue reported them breaking,
// with the times it measured then, beside the time and heap they take now.
// The unit tier (test/unit/growth.test.ts, hostile.test.ts) proves the
// growth is linear; this shows what a person would wait.
import { parseDocument } from 'yaml';
import { importIcal } from '../src/core/importers/ical';
import { loadIndexFile } from '../src/core/index/loadIndexFile';
import { lintRecap } from '../src/core/lint/lintRecap';
import { renderPreviewBody } from '../src/core/preview/renderPreview';
import { markdownEngine } from '../src/core/markdown/engine';
import { splitFrontmatter } from '../src/core/recap/frontmatter';
import { parseRecap } from '../src/core/recap/parseRecap';
import { isPlaceholderValue } from '../src/core/references/placeholders';
import { SessionSearch } from '../src/core/search/sessionSearch';
import { talkAt } from '../src/core/talks/talkAt';
import { referenceText } from '../src/core/talks/referenceText';
import { bundledFiles, indexOf } from './data';
import { heapMb, table, time } from './stats';

interface Case {
  name: string;
  size: string;
  before: string;
  run: () => unknown;
  /** The library doing the same reading alone, where one does. */
  baseline?: [name: string, run: () => unknown];
}

export function hostileBench(): string {
  const index = indexOf(bundledFiles());
  const search = new SessionSearch(index);
  const lint = (text: string) => {
    const parsed = parseRecap('recaps/hostile.md', text);
    return { parsed, ...lintRecap(parsed, { index, search }) };
  };
  const recap = (body: string, fm = 'event: fosdem-2025\n') => `---\n${fm}---\n\n${body}`;
  const session = index.sessions.find((s) => s.eventId === 'fosdem-2025' && s.title.length > 30)!;
  const spaces = ' '.repeat(100_000);

  const manyKeys = (n: number, indent = '') => Array.from({ length: n }, (_, i) => `${indent}key${i}: ${i}\n`).join('');
  const wideRow = (cells: number, cell: (i: number) => string) => `|${Array.from({ length: cells }, (_, i) => ` ${cell(i)} `).join('|')}|\n`;
  const wide = (cells: number) => recap(`${wideRow(cells, (i) => `h${i}`)}${wideRow(cells, () => '---')}${wideRow(cells, (i) => `c${i}`)}`);
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');
  const titledLine = (n: number) => Array.from({ length: n }, (_, i) => (i % 50 === 0 ? session.title : `word${i % 97}`)).join(' ');
  const ical = (events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
  const vevent = (i: number, description = `Speakers: Ada ${i}, Bob`) =>
    [
      'BEGIN:VEVENT',
      `UID:talk-${i}@example.org`,
      `SUMMARY:Talk ${i}`,
      `DTSTART:20250201T${String(10 + (Math.floor(i / 3600) % 10)).padStart(2, '0')}${String(Math.floor(i / 60) % 60).padStart(2, '0')}${String(i % 60).padStart(2, '0')}Z`,
      `DESCRIPTION:${description}`,
      'END:VEVENT',
    ].join('\r\n');

  // The preview: one paragraph of 300 KB in which every word has a finding.
  const previewText = recap(`${words(30_000)}\n`);
  const previewParsed = parseRecap('recaps/hostile.md', previewText);
  const findings: ReturnType<typeof lint>['findings'] = [];
  for (let at = previewText.indexOf('word0'); at >= 0 && findings.length < 30_000;) {
    const end = previewText.indexOf(' ', at);
    findings.push({ code: 'missing-video', severity: 'warning', message: 'm', start: at, end: end < 0 ? previewText.length - 1 : end, fixes: [] });
    at = end < 0 ? -1 : end + 1;
  }
  const previewResult = { ...lint(recap('')), findings };

  const longLine = recap(`${titledLine(15_000)}\n`);
  const cases: Case[] = [
    { name: 'placeholder check: `video:` value TODO + spaces', size: '100 KB', before: '22–38 s', run: () => isPlaceholderValue(`TODO${spaces}x`) },
    { name: 'lint: body line TODO + spaces', size: '100 KB', before: '22–38 s', run: () => lint(recap(`TODO${spaces}x the video\n`)) },
    ...[70_000, 350_000].map((keys) => ({
      name: 'duplicate keys: frontmatter',
      size: keys === 70_000 ? '1 MB' : '5 MB',
      before: keys === 70_000 ? '4 s' : '> 60 s',
      run: () => splitFrontmatter(`---\n${manyKeys(keys)}key0: again\n---\nbody\n`),
      baseline: ['yaml parseDocument', () => parseDocument(`${manyKeys(keys)}key0: again\n`, { uniqueKeys: false })] as [string, () => unknown],
    })),
    {
      name: 'duplicate keys: index file, 40k keys',
      size: '40k keys',
      before: '13–16 s',
      run: () => loadIndexFile('index.yaml', `event:\n  id: e\n  name: E\n${manyKeys(40_000, '  ')}sessions: []\n`),
    },
    {
      name: 'lint: a wide table',
      size: '1 MB',
      before: '> 60 s',
      run: () => lint(wide(60_000)),
      baseline: ['markdown-it parse', () => markdownEngine().parse(wide(60_000), {})],
    },
    {
      name: 'preview: a finding on every word of one paragraph',
      size: '300 KB',
      before: '16.5 s',
      run: () => renderPreviewBody(previewParsed, previewResult, {}),
      baseline: ['markdown-it render, no marks', () => markdownEngine().render(previewText)],
    },
    {
      name: 'preview: the same, allowHtml',
      size: '300 KB',
      before: '39.6 s',
      run: () => renderPreviewBody(previewParsed, previewResult, { allowHtml: true }),
    },
    {
      name: 'hover / Go to Definition on a long line',
      size: `${Math.round(longLine.length / 1000)} KB`,
      before: '≈ 15 s per call',
      run: () => talkAt(lint(longLine).references, longLine.lastIndexOf(session.title) + 3),
    },
    {
      name: 'reference template: dashes, brackets, spaces',
      size: '100 KB',
      before: '(backtracking)',
      run: () => referenceText(session, undefined, `{title}${spaces}x ${'['.repeat(30_000)}${'( '.repeat(30_000)}x —${spaces}x`),
    },
    {
      name: 'iCalendar import: many events',
      size: '10k events',
      before: '12 s',
      run: () => importIcal(ical(Array.from({ length: 10_000 }, (_, i) => vevent(i)))),
    },
    {
      name: 'iCalendar import: spaces in speakers and URLs',
      size: '100 KB',
      before: '40 s',
      run: () => importIcal(ical([vevent(1, `Speakers: Ada${spaces}x and (x, Bob${spaces}y\\nsee http://example.org/a${'.'.repeat(50_000)}x`)])),
    },
  ];

  const took = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);
  const rows = cases.map((c) => {
    const before = heapMb();
    const [, ms] = time(c.run);
    const heap = heapMb() - before;
    const baseline = c.baseline ? `${c.baseline[0]}: ${took(time(c.baseline[1])[1])}` : '';
    return [c.name, c.size, c.before, took(ms), heap.toFixed(1), baseline];
  });
  return table(['class', 'size', 'before (issue 11)', 'now', 'heap retained MB', 'the library alone'], rows);
}
