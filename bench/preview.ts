// Preview benchmark: what one live refresh of the preview costs on a 100 KB
// recap (parse + render of the body with every finding marked), beside
// markdown-it's own parse + render of the same text.
import MarkdownIt from 'markdown-it';
import type { Finding, LintResult, ResolvedTalk } from '../src/core/lint/finding';
import { lintRecap } from '../src/core/lint/lintRecap';
import { SessionSearch } from '../src/core/search/sessionSearch';
import type { Session } from '../src/core/index/model';
import { newNonce, renderPreview, renderPreviewBody } from '../src/core/preview/renderPreview';
import { parseRecap } from '../src/core/recap/parseRecap';
import { bundledFiles, indexOf, rng } from './data';
import { median, percentile, table, time } from './stats';

const GOAL_MS = 50;

/**
 * A recap of about `bytes` bytes written the way people write them: a
 * frontmatter `talks:` list, then per talk a heading, a byline with a link,
 * prose that names other talks, lists, the odd quote, table and code block —
 * all with real titles and speakers from the bundled index. The findings are
 * what lint reports on such a text: missing videos on the talks without a
 * link, placeholders, an unknown id in the frontmatter.
 */
export function benchRecap(bytes = 100_000): { text: string; result: LintResult } {
  const random = rng(7);
  const files = bundledFiles();
  const sessions = files.flatMap((f) => f.sessions.map((s) => ({ s, event: f.event }))).filter(({ s }) => s.title.length > 12 && s.speakers.length > 0);
  const pick = () => sessions[Math.floor(random() * sessions.length)]!;
  const byline = (s: Session) => s.speakers.map((sp) => (sp.affiliation ? `${sp.name} (${sp.affiliation})` : sp.name)).join(', ');
  const fm: string[] = ['---', 'title: "Notes from a long conference season"', 'event: fosdem-2024', 'date: 2024-02-05', 'author: Sam Example', 'talks:'];
  const body: string[] = [
    '',
    '# Notes from a long conference season',
    '',
    'A long recap, *one section per talk*, the way people write them after a busy weekend.',
    '',
  ];
  const talks: ResolvedTalk[] = [];
  const wanted: { needle: string; from: number; code: string; severity: Finding['severity']; message: string }[] = [];
  const prose = [
    'The room was full well before the start, and the questions ran long after the end.',
    'I had read the abstract twice and still learned something in the first five minutes.',
    'The demo worked on the first try, which the speaker pointed out with some surprise.',
    'Slides were dense but the pacing was good; I will watch the recording again.',
    'Most of the hallway conversations afterwards were about the trade-offs it laid out.',
    'If you only have half an hour this week, this is the one to spend it on.',
    'The speakers shared the stage well, each taking the part they knew best.',
    'There was a lively argument in the Q&A about whether the approach scales past a few teams.',
  ];
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, () => prose[Math.floor(random() * prose.length)]).join(' ');
  for (let i = 0; body.join('\n').length + fm.join('\n').length < bytes; i++) {
    const { s, event } = pick();
    const other = pick().s;
    const hasVideo = s.video !== undefined && random() < 0.7;
    const id = `${event.id}/${s.id}`;
    if (i < 40) {
      fm.push(`  - id: ${id}`, `    title: ${JSON.stringify(s.title)}`, '    speakers:', ...s.speakers.map((sp) => `      - name: ${JSON.stringify(sp.name)}`));
      if (hasVideo) fm.push(`    video: ${JSON.stringify(s.video)}`);
    }
    body.push(`## ${s.title}`, '');
    if (hasVideo) body.push(`[${s.title}](${encodeURI(s.video!)}) — ${byline(s)}`, '');
    else {
      body.push(`**${s.title}** — ${byline(s)}`, '');
      wanted.push({ needle: s.title, from: -1, code: 'missing-video', severity: 'warning', message: `No video link for “${s.title}”.` });
    }
    body.push(`${paragraph()} It pairs well with “${other.title}” by ${other.speakers[0]!.name}, which I missed.`, '');
    body.push(paragraph(), '');
    if (i % 3 === 0)
      body.push(`- Why it matters: ${prose[(i + 1) % prose.length]}`, `- What to try: \`${s.id}\` in your own setup`, '- Video: not yet available', '');
    if (i % 3 === 0)
      wanted.push({
        needle: 'not yet available',
        from: -1,
        code: 'video-placeholder',
        severity: 'info',
        message: 'A placeholder where a video link should be: come back when the recording is out.',
      });
    if (i % 5 === 0) body.push(`> ${prose[(i + 2) % prose.length]}`, '');
    if (i % 7 === 0) body.push('| Talk | Speakers |', '|------|----------|', `| ${s.title.replace(/\|/g, '\\|')} | ${byline(s).replace(/\|/g, '\\|')} |`, '');
    if (i % 11 === 0) body.push('```yaml', `talk: ${id}`, '```', '');
    talks.push({
      id,
      title: s.title,
      speakers: s.speakers,
      eventName: event.name,
      video: hasVideo ? s.video : undefined,
      knownVideo: hasVideo ? undefined : s.video,
      slides: s.slides,
      schedule: s.schedule,
      mentions: [],
    });
  }
  fm.push('  - id: fosdem-2024/no-such-talk', '---');
  const text = `${fm.join('\n')}\n${body.join('\n')}`;
  const findings: Finding[] = [];
  const unknown = text.indexOf('fosdem-2024/no-such-talk');
  findings.push({
    code: 'unknown-talk',
    severity: 'error',
    message: 'No talk with this id in the index.',
    start: unknown,
    end: unknown + 'fosdem-2024/no-such-talk'.length,
    fixes: [],
  });
  let cursor = text.indexOf('\n---\n') + 5;
  for (const w of wanted) {
    const at = text.indexOf(w.needle, cursor);
    if (at < 0) continue;
    findings.push({ code: w.code, severity: w.severity, message: w.message, start: at, end: at + w.needle.length, fixes: [] });
    cursor = at + w.needle.length;
  }
  return { text, result: { findings, talks } };
}

/** Median after warming up: a refresh runs on every pause in typing, so the JIT is warm after the first few. */
function measure(fn: () => unknown, runs: number): number[] {
  for (let i = 0; i < 15; i++) fn();
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn)[1]);
  return times;
}

export function previewBench(): string {
  const { text, result } = benchRecap();
  const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
  // The baseline is markdown-it as it ships (our engine only adds a shortcut that gives the same tokens).
  const md = new MarkdownIt();
  const rows: string[][] = [];
  const row = (step: string, times: number[], goal = '') =>
    rows.push([
      step,
      `${kb} KB, ${result.findings.length} findings, ${result.talks.length} talks`,
      median(times).toFixed(1),
      percentile(times, 95).toFixed(1),
      goal,
    ]);
  const runs = 30;
  row(
    'markdown-it parse + render (baseline)',
    measure(() => md.render(text), runs),
  );
  const refresh = measure(() => {
    const parsed = parseRecap('recaps/bench.md', text);
    return renderPreviewBody(parsed, result);
  }, runs);
  const goal = median(refresh) < GOAL_MS ? `< ${GOAL_MS} ms: met` : `< ${GOAL_MS} ms: MISSED`;
  row('preview refresh: parse + render body, findings marked', refresh, goal);
  const index = indexOf(bundledFiles());
  const search = new SessionSearch(index);
  const linted = lintRecap(parseRecap('recaps/bench.md', text), { index, search });
  const withLint = measure(() => {
    const parsed = parseRecap('recaps/bench.md', text);
    return renderPreviewBody(parsed, lintRecap(parsed, { index, search }));
  }, runs);
  rows.push([
    'preview refresh with lint: parse + lintRecap + render body',
    `${kb} KB, ${linted.findings.length} findings, ${linted.talks.length} talks (lintRecap, bundled index)`,
    median(withLint).toFixed(1),
    percentile(withLint, 95).toFixed(1),
    median(withLint) < GOAL_MS ? `< ${GOAL_MS} ms: met` : `< ${GOAL_MS} ms: MISSED`,
  ]);
  row(
    'first open: parse + full document',
    measure(
      () => renderPreview(parseRecap('recaps/bench.md', text), result, { nonce: newNonce(), cspSource: 'https://x', styleUri: 's', scriptUri: 'j' }),
      runs,
    ),
  );
  row(
    'refresh with recap.preview.allowHtml (sanitized)',
    measure(() => renderPreviewBody(parseRecap('recaps/bench.md', text), result, { allowHtml: true }), runs),
  );
  return table(['step', 'recap', 'median ms', 'p95 ms', 'goal'], rows);
}
