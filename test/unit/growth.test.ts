import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { importIcal } from '../../src/core/importers/ical';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';
import { renderPreviewBody } from '../../src/core/preview/renderPreview';
import { splitFrontmatter } from '../../src/core/recap/frontmatter';
import { parseRecap } from '../../src/core/recap/parseRecap';
import { findPlaceholders, isPlaceholderValue } from '../../src/core/references/placeholders';
import { referenceText } from '../../src/core/talks/referenceText';
import { talkAt } from '../../src/core/talks/talkAt';
import { index, lint } from './lint/support';
import { findingAt, lintResult } from './preview/helpers';

// Issue 11, "linear time, everywhere text is read": each reader is timed at
// three sizes (n, 4n, 16n) and must not grow faster than its input. Only
// ratios between sizes are compared, never absolute times; each size takes
// the fastest of a few runs, and the limits leave 3× slack for noise (a
// quadratic reader grows 16× and 256×, a linear one 4× and 16×).

const SLACK = 3;

function fastest(run: () => unknown, tries: number): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const t0 = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

/** Times `read(make(size))` at n, 4n and 16n and fails when the time grows faster than the size. */
function assertLinear(name: string, n: number, make: (size: number) => () => unknown, tries = 3): void {
  const sizes = [n, 4 * n, 16 * n];
  const runs = sizes.map(make);
  runs[0]!(); // warm the JIT at the smallest size
  const times = runs.map((run, i) => fastest(run, i === 2 ? tries : tries + 2));
  // A floor on the smallest time keeps timer resolution from inflating the ratios.
  const base = Math.max(times[0]!, 5);
  const r4 = times[1]! / base;
  const r16 = times[2]! / base;
  const report = `${name}: sizes ${sizes.join('/')} took ${times.map((t) => t.toFixed(1)).join('/')} ms (×${r4.toFixed(1)}, ×${r16.toFixed(1)})`;
  console.log(report);
  // The 16n/n ratio decides (n/4n alone is too close to noise on a busy machine): linear is 16, quadratic 256.
  assert.ok(r16 < 16 * SLACK, `time grows faster than the input: ${report}`);
}

const recap = (body: string, fm = 'event: fosdem-2025\n') => `---\n${fm}---\n\n${body}`;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');
const session = index.get('fosdem-2025/fosdem-2025-5841-robrix-a-pure-rust-multi-platform-matrix-client-and-more')!;

test('placeholder check: TODO or video, then a long run of spaces', () => {
  assertLinear('isPlaceholderValue(TODO + spaces)', 2000, (k) => () => isPlaceholderValue(`TODO${' '.repeat(k)}x`));
  assertLinear('findPlaceholders(video + spaces)', 2000, (k) => () => findPlaceholders(`video${' '.repeat(k)}x TODO${'\t '.repeat(k)}x video`));
  assertLinear('lint: body line TODO + spaces', 2000, (k) => {
    const text = recap(`TODO${' '.repeat(k)}x the video\n\nvideo ${' '.repeat(k)}- x\n`);
    return () => lint(text);
  });
  assertLinear('lint: video: TODO + spaces', 2000, (k) => {
    const text = recap('', `event: fosdem-2025\ntalks:\n  - id: x\n    video: "TODO${' '.repeat(k)}x"\n`);
    return () => lint(text);
  });
});

test('duplicate-key check: frontmatter and index files with many keys', () => {
  assertLinear('splitFrontmatter(many keys)', 1000, (k) => {
    const text = `---\n${Array.from({ length: k }, (_, i) => `key${i}: ${i}\n`).join('')}key0: again\n---\nbody\n`;
    return () => splitFrontmatter(text);
  });
  assertLinear('loadIndexFile(many keys)', 1000, (k) => {
    const text = `event:\n  id: e\n  name: E\n${Array.from({ length: k }, (_, i) => `  extra${i}: ${i}\n`).join('')}sessions: []\n`;
    return () => loadIndexFile('index.yaml', text);
  });
});

test('wide tables', () => {
  assertLinear('lint: a wide table', 250, (k) => {
    const row = (cell: (i: number) => string) => `|${Array.from({ length: k }, (_, i) => ` ${cell(i)} `).join('|')}|\n`;
    const text = recap(`${row((i) => `h${i}`)}${row(() => '---')}${row((i) => `c${i}`)}${row((i) => `d${i}`)}`);
    return () => lint(text);
  });
});

test('preview: many findings in one paragraph, with and without allowHtml', () => {
  for (const allowHtml of [false, true]) {
    assertLinear(`renderPreviewBody(many findings, allowHtml ${allowHtml})`, 200, (k) => {
      const text = recap(`${words(k)}\n`);
      const parsed = parseRecap('recaps/r.md', text);
      const first = findingAt(text, 'word0', 'missing-video', 'warning', 'm');
      const findings: (typeof first)[] = [];
      for (let i = 0, at = first.start; i < k; i++) {
        const end = at + `word${i % 97}`.length;
        findings.push({ ...first, start: at, end });
        at = end + 1;
      }
      // Ranges that cross: word i to word i+1, for every other word.
      for (let i = 0; i + 1 < k; i += 2) {
        const a = findings[i]!;
        const b = findings[i + 1]!;
        findings.push({ ...a, start: a.start + 1, end: b.end - 1 });
      }
      const result = lintResult(findings);
      return () => renderPreviewBody(parsed, result, { allowHtml });
    });
  }
});

test('hover and Go to Definition on a long line', () => {
  assertLinear('lint + talkAt on a long line', 1000, (k) => {
    const line = Array.from({ length: k }, (_, i) => (i % 50 === 0 ? session.title : `word${i % 97}`)).join(' ');
    const text = recap(`${line}\n`);
    const at = text.lastIndexOf(session.title) + 3;
    return () => talkAt(lint(text).references, at);
  });
});

test('reference template: trailing dashes and brackets', () => {
  assertLinear('referenceText(spaces, brackets)', 2000, (k) => {
    const template = `{title}${' '.repeat(k)}x ${'['.repeat(k)}${'( '.repeat(k)}x —${' '.repeat(k)}x`;
    return () => referenceText(session, undefined, template);
  });
});

function calendar(events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

function vevent(i: number, description = `Speakers: Ada ${i}, Bob`): string {
  const minute = String(i % 60).padStart(2, '0');
  return [
    'BEGIN:VEVENT',
    `UID:talk-${i}@example.org`,
    `SUMMARY:Talk ${i}`,
    `DTSTART:20250201T10${minute}00Z`,
    `DTEND:20250201T11${minute}00Z`,
    `DESCRIPTION:${description}`,
    'END:VEVENT',
  ].join('\r\n');
}

test('iCalendar import: many events, long runs of spaces', () => {
  assertLinear(
    'importIcal(many events)',
    250,
    (k) => {
      const text = calendar(Array.from({ length: k }, (_, i) => vevent(i)));
      return () => importIcal(text);
    },
    2,
  );
  assertLinear('importIcal(spaces in speakers and URLs)', 2000, (k) => {
    const s = ' '.repeat(k);
    const description = `Speakers: Ada${s}x${s}and${s}(x${s}, Bob${s}x ;${s}y\\nsee http://example.org/a${'.'.repeat(k)}x and http://example.org/b${'.'.repeat(k)}`;
    const text = calendar([vevent(1, description)]);
    return () => importIcal(text);
  });
});

test('lintRecap and parseRecap on adversarial bodies', () => {
  const bodies: Record<string, (k: number) => string> = {
    brackets: (k) => `${'['.repeat(k)}x${']('.repeat(k)}\n`,
    parens: (k) => `[a](${'('.repeat(k)}\n`,
    backticks: (k) => `${'`'.repeat(k)}x${'` '.repeat(k)}\n`,
    pipes: (k) => `a ${'|'.repeat(k)}\n${'| - '.repeat(k)}\n`,
    'dashes and spaces': (k) => `- ${'- '.repeat(k)}video ${'-'.repeat(k)} ${' \t'.repeat(k)}TBD\n`,
    'dots and urls': (k) => `https://example.org/${'.'.repeat(k)}x ${'a.'.repeat(k)}/b\n`,
    emphasis: (k) => `${'*_'.repeat(k)}video${' *'.repeat(k)}\n`,
  };
  for (const [name, body] of Object.entries(bodies)) {
    assertLinear(`lint: ${name}`, 1000, (k) => {
      const text = recap(body(k));
      return () => lint(text);
    });
  }
});

// Properties: strings made of long runs of what regexes trip on, fed to every reader, each call bounded in time.
const PIECES = [
  ' ',
  '\t',
  '.',
  '[',
  ']',
  '(',
  ')',
  '-',
  '—',
  '`',
  '|',
  ':',
  '*',
  'TODO',
  'video',
  'recording',
  'Speakers:',
  ' and ',
  'http://a.b/',
  'x',
  '\n',
  '<',
  '#',
];
const hostile = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 20000 })), { minLength: 1, maxLength: 6 })
  .map((runs) => runs.map(([piece, count]) => piece.repeat(piece.length > 2 ? Math.ceil(count / 40) : count)).join(''));

// Generous for ~20k characters read once (a few ms to a few tens of ms), far below what a rescan of each run costs.
const BOUND_MS = 500;

// Known traps, always tried first: a run that two quantifiers split between them.
const K = 20000;
const TRAPS = [
  `TODO${' '.repeat(K)}x video`,
  `video${' '.repeat(K)}x`,
  `${'['.repeat(K)}x`,
  `x${' '.repeat(K)}x —${' '.repeat(K)}x`,
  `Speakers: Ada${' '.repeat(K)}x (${' '.repeat(K)}x, y${' '.repeat(K)}z`,
  `http://a.b/${'.'.repeat(K)}x`,
  `| a ${'|'.repeat(K)}\n${'| - '.repeat(K / 4)}`,
];

function bounded(name: string, read: (s: string) => unknown): void {
  // Untimed first calls: loading the index, building an engine, compiling the code a URL or a table takes.
  read('warm up');
  read(PIECES.join(' '));
  for (const trap of TRAPS) read(trap.slice(0, 200));
  fc.assert(
    fc.property(hostile, (s) => {
      const t0 = performance.now();
      read(s);
      const ms = performance.now() - t0;
      assert.ok(ms < BOUND_MS, `${name} took ${ms.toFixed(0)} ms on ${s.length} characters`);
    }),
    { numRuns: 6, seed: 11, examples: TRAPS.map((t) => [t]) },
  );
}

test('properties: every reader stays fast on hostile strings', () => {
  bounded('findPlaceholders', (s) => findPlaceholders(s));
  bounded('isPlaceholderValue', (s) => isPlaceholderValue(s));
  bounded('referenceText', (s) => referenceText(session, undefined, `{title}${s}`));
  bounded('lint (body)', (s) => lint(recap(s)));
  bounded('lint (frontmatter value)', (s) =>
    lint(recap('', `event: fosdem-2025\ntitle: ${JSON.stringify(s)}\ntalks:\n  - id: x\n    video: ${JSON.stringify(s)}\n`)),
  );
  bounded('preview', (s) => {
    const text = recap(s);
    const parsed = parseRecap('recaps/r.md', text);
    renderPreviewBody(parsed, lint(text), { allowHtml: true });
  });
  bounded('importIcal', (s) => {
    const text = s.replace(/\n/g, '\\n');
    try {
      importIcal(calendar([vevent(1, text), ['BEGIN:VEVENT', 'UID:pretalx-x-ABC@h', `SUMMARY:T${text.replace(/\\n/g, ' ')}`, 'END:VEVENT'].join('\r\n')]));
    } catch {
      // invalid input may be refused; it must be refused quickly
    }
  });
  bounded('loadIndexFile', (s) => loadIndexFile('i.yaml', `event:\n  id: e\n  name: ${JSON.stringify(s)}\nsessions: []\n`));
});
