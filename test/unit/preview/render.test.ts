import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResolvedTalk } from '../../../src/core/lint/finding';
import { newNonce, renderPreview, renderPreviewBody } from '../../../src/core/preview/renderPreview';
import { findingAt, KUBECON_RECAP, lintResult, marksOf, parse, textOf } from './helpers';

const text = KUBECON_RECAP;
const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const PIG: ResolvedTalk = {
  id: 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs',
  title: 'Sometimes, Lipstick Is Exactly What a Pig Needs!',
  speakers: [
    { name: 'Abby Bangser', affiliation: 'Syntasso' },
    { name: 'Whitney Lee', affiliation: 'VMware' },
  ],
  eventName: 'KubeCon + CloudNativeCon Europe 2024',
  video: 'https://www.youtube.com/watch?v=VhloarnpxVo',
  schedule: 'https://kccnceu2024.sched.com/event/1YePz',
  mentions: [],
};
const BUILDING: ResolvedTalk = {
  id: 'kubecon-eu-2024/building-a-platform',
  title: 'Building a Platform',
  speakers: [{ name: 'Jane Doe' }],
  eventName: 'KubeCon + CloudNativeCon Europe 2024',
  knownVideo: 'https://www.youtube.com/watch?v=known123',
  slides: 'https://example.org/slides.pdf',
  mentions: [],
};

test('block elements carry the 0-based line of the whole text they start on', () => {
  const html = renderPreviewBody(parse(text), lintResult([]));
  const zeroBased = (needle: string) => lineOf(needle) - 1;
  assert.match(html, new RegExp(`<h1 data-line="${zeroBased('# KubeCon EU 2024: platform')}">KubeCon EU 2024: platform talks worth your evening</h1>`));
  assert.match(html, new RegExp(`<h2 data-line="${zeroBased('## Sometimes')}">`));
  assert.match(html, new RegExp(`<li data-line="${zeroBased('- [Sometimes')}">`));
  assert.match(html, new RegExp(`<li data-line="${zeroBased('- *Platform')}">`));
  assert.match(html, new RegExp(`<p data-line="${zeroBased('Paris was busy')}">Paris was busy`));
  assert.match(html, new RegExp(`<tr data-line="${zeroBased('| Building')}">`));
  assert.match(html, new RegExp(`<code data-line="${zeroBased('```yaml')}" class="language-yaml">`));
  assert.match(html, new RegExp(`<blockquote data-line="${zeroBased('> A quote')}">`));
});

test('each finding wraps exactly its text, with its rule, 1-based line and message', () => {
  const result = lintResult([
    findingAt(text, 'Sometimes, Lipstick Is Exactly What a Pig Needs!', 'missing-video', 'warning', 'No video for this talk.', 1),
    findingAt(text, 'video not yet available', 'video-placeholder', 'info', 'Come back when the video is out.'),
    findingAt(text, 'Building a Platform', 'missing-video', 'warning', 'The index knows the recording: https://www.youtube.com/watch?v=known123'),
    findingAt(text, 'platform', 'custom-rule', 'error', 'Inside strong.', 2),
  ]);
  const html = renderPreviewBody(parse(text), result);
  const marks = marksOf(html);
  assert.deepEqual(
    marks.map((m) => [m.rule, m.line, textOf(m.inner), m.severity]),
    [
      ['missing-video', lineOf('## Sometimes'), 'Sometimes, Lipstick Is Exactly What a Pig Needs!', 'warning'],
      ['custom-rule', lineOf('Paris was busy'), 'platform', 'error'],
      ['video-placeholder', lineOf('video not yet'), 'video not yet available', 'info'],
      ['missing-video', lineOf('| Building'), 'Building a Platform', 'warning'],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)),
  );
  assert.match(
    html,
    /<strong><mark class="finding finding-error" data-rule="custom-rule" data-line="\d+" title="custom-rule: Inside strong.">platform<\/mark><\/strong>/,
  );
  assert.match(html, /title="missing-video: The index knows the recording: https:\/\/www.youtube.com\/watch\?v=known123"/);
});

test('a mark inside a link keeps the link; one crossing the link grows to take it whole', () => {
  const linkText = findingAt(text, 'Sometimes, Lipstick Is Exactly What a Pig Needs!', 'missing-video', 'warning', 'm', 2);
  const crossing = { ...findingAt(text, 'Pig Needs!](', 'speaker-mismatch'), end: text.indexOf('by Abby') + 'by Abby'.length };
  const html = renderPreviewBody(parse(text), lintResult([linkText, crossing]));
  assert.match(
    html,
    /<a href="https:\/\/www.youtube.com\/watch\?v=VhloarnpxVo" rel="noopener noreferrer"><mark class="finding finding-warning" data-rule="missing-video"[^>]*>Sometimes, Lipstick Is Exactly What a Pig Needs!<\/mark><\/a>/,
  );
  const marks = marksOf(html);
  assert.equal(marks.length, 2);
  const outer = marks.find((m) => m.rule === 'speaker-mismatch')!;
  assert.equal(textOf(outer.inner), 'Sometimes, Lipstick Is Exactly What a Pig Needs! by Abby');
});

test('two findings that cross each other still give two well-nested marks', () => {
  const a = { ...findingAt(text, 'Paris was busy', 'rule-a'), end: text.indexOf('Paris') + 'Paris was'.length };
  const b = { ...findingAt(text, 'was busy. Here', 'rule-b') };
  const html = renderPreviewBody(parse(text), lintResult([a, b]));
  const marks = marksOf(html);
  assert.deepEqual(
    marks.map((m) => m.rule),
    ['rule-b', 'rule-a'],
  );
  assert.equal(textOf(marks.find((m) => m.rule === 'rule-a')!.inner), 'Paris was');
  assert.equal(textOf(marks.find((m) => m.rule === 'rule-b')!.inner), 'Paris was busy. Here');
});

test('escapes and entities: the mark covers the characters the finding covers', () => {
  const f = findingAt(text, 'literal star\\* and &amp; an', 'quote-rule');
  const html = renderPreviewBody(parse(text), lintResult([f]));
  assert.equal(textOf(marksOf(html)[0]!.inner), 'literal star* and & an');
});

test('frontmatter findings are marked on a compact header, on their source line', () => {
  const f = findingAt(text, 'kubecon-eu-2024/no-such-talk', 'unknown-talk', 'error', 'No talk with this id in the index. Did you mean …?');
  const html = renderPreviewBody(parse(text), lintResult([f]));
  const header = /<header class="recap-header" data-line="0">([\s\S]*?)<\/header>/.exec(html)![1]!;
  assert.match(header, /<div class="recap-header-title">KubeCon EU 2024: platform talks worth your evening<\/div>/);
  assert.match(header, /Event<\/span> kubecon-eu-2024/);
  assert.match(header, /Date<\/span> 2024-03-22/);
  assert.match(header, /Author<\/span> Sam Example/);
  assert.doesNotMatch(header, /talks:/, 'no raw YAML');
  const marks = marksOf(header);
  assert.equal(marks.length, 1);
  assert.equal(marks[0]!.inner, 'kubecon-eu-2024/no-such-talk');
  assert.equal(marks[0]!.line, lineOf('  - id: kubecon-eu-2024/no-such-talk'));
  assert.match(header, /line 14<\/span> <code class="frontmatter-snippet">- id: <mark/);
});

test('findings spanning blocks, in code or past the end get a badge mark; every finding is marked once', () => {
  const spanning = { ...findingAt(text, 'Paris was busy', 'spanning'), end: text.indexOf('## Sometimes') + 4 };
  const inCode = findingAt(text, 'talks: []', 'in-code', 'hint');
  const atEnd = { code: 'at-end', severity: 'info' as const, message: 'end', start: text.length, end: text.length, fixes: [] };
  const empty = { ...findingAt(text, 'Paris', 'empty-range'), end: text.indexOf('Paris') };
  const html = renderPreviewBody(parse(text), lintResult([spanning, inCode, atEnd, empty]));
  const marks = marksOf(html);
  assert.equal(marks.length, 4);
  assert.match(
    html,
    /<p data-line="\d+"><mark class="finding finding-warning finding-badge" data-rule="spanning"[^>]*>spanning<\/mark> <mark class="finding finding-warning" data-rule="empty-range"[^>]*><\/mark>Paris was busy/,
  );
  assert.match(
    html,
    /<p class="finding-badges" data-line="\d+"><mark class="finding finding-hint finding-badge" data-rule="in-code"[^>]*>in-code<\/mark><\/p>\n<pre><code/,
  );
  assert.match(html, /data-rule="at-end"/);
});

test('the summary lists every finding in text order: severity, rule, message, line; clickable', () => {
  const result = lintResult([
    findingAt(text, 'video not yet available', 'video-placeholder', 'info', 'Come back later.'),
    findingAt(text, 'kubecon-eu-2024/no-such-talk', 'unknown-talk', 'error', 'Unknown talk.'),
    findingAt(text, 'Building a Platform', 'missing-video', 'warning', 'No video.'),
  ]);
  const html = renderPreviewBody(parse(text), result);
  const summary = /<section class="findings-summary"[^>]*>([\s\S]*?)<\/section>/.exec(html)![1]!;
  assert.match(summary, /1 error<\/span><span class="count count-warning">1 warning<\/span><span class="count count-info">1 info/);
  const items = [
    ...summary.matchAll(/<li class="finding-item finding-item-(\w+)" data-rule="([^"]+)" data-line="(\d+)" tabindex="0" role="button"[^>]*>([\s\S]*?)<\/li>/g),
  ];
  assert.deepEqual(
    items.map((m) => [m[1], m[2], Number(m[3]), textOf(m[4]!)]),
    [
      ['error', 'unknown-talk', 14, 'Errorunknown-talkUnknown talk.line 14'],
      ['info', 'video-placeholder', lineOf('video not yet'), `Infovideo-placeholderCome back later.line ${lineOf('video not yet')}`],
      ['warning', 'missing-video', lineOf('| Building'), `Warningmissing-videoNo video.line ${lineOf('| Building')}`],
    ],
  );
  assert.match(renderPreviewBody(parse(text), lintResult([])), /<h2 class="section-title">No findings<\/h2>/);
});

test('talk cards: title, speakers with affiliations, event, links, and a "no video" badge', () => {
  const html = renderPreviewBody(parse(text), lintResult([], [PIG, BUILDING]));
  const cards = [...html.matchAll(/<article class="talk-card([^"]*)"[^>]*>([\s\S]*?)<\/article>/g)];
  assert.equal(cards.length, 2);
  const [pig, building] = cards;
  assert.equal(pig![1], '');
  assert.match(pig![2]!, /<h3 class="talk-title">Sometimes, Lipstick Is Exactly What a Pig Needs!<\/h3>/);
  assert.match(
    pig![2]!,
    /Abby Bangser <span class="affiliation">Syntasso<\/span><\/span><span class="sep">, <\/span><span class="speaker">Whitney Lee <span class="affiliation">VMware/,
  );
  assert.match(pig![2]!, /KubeCon \+ CloudNativeCon Europe 2024/);
  assert.match(pig![2]!, /<a class="talk-link link-video" href="https:\/\/www.youtube.com\/watch\?v=VhloarnpxVo" rel="noopener noreferrer"[^>]*>Video<\/a>/);
  assert.match(pig![2]!, /link-schedule" href="https:\/\/kccnceu2024.sched.com\/event\/1YePz"/);
  assert.doesNotMatch(pig![2]!, /no video/);
  assert.equal(building![1], ' talk-card-no-video');
  assert.match(building![2]!, /<span class="badge badge-no-video">no video<\/span>/);
  assert.match(building![2]!, /link-slides" href="https:\/\/example.org\/slides.pdf"/);
  assert.match(building![2]!, /The index knows a recording: <a class="talk-link link-known-video" href="https:\/\/www.youtube.com\/watch\?v=known123"/);
  assert.match(html, /Talks covered <span class="count">2<\/span>/);
});

test('links in the recap get rel="noopener noreferrer"', () => {
  const html = renderPreviewBody(parse(text), lintResult([]));
  const links = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]);
  assert.ok(links.length > 0);
  for (const link of links) assert.match(link, /rel="noopener noreferrer"/);
});

test('the full document: CSP with the nonce, our stylesheet, one script with the nonce, version on the root', () => {
  const nonce = newNonce();
  const html = renderPreview(parse(text), lintResult([]), {
    nonce,
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js',
    documentVersion: 7,
  });
  const src = 'https://file+.vscode-resource.vscode-cdn.net';
  assert.ok(
    html.includes(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${src} https: data:; style-src ${src}; script-src 'nonce-${nonce}'; font-src ${src}; base-uri 'none'; form-action 'none'">`,
    ),
  );
  assert.match(html, /<link rel="stylesheet" href="https:\/\/file\+.vscode-resource.vscode-cdn.net\/ext\/media\/preview.css">/);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(scripts, [`<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js">`]);
  assert.match(html, /<main id="recap-preview" class="recap-preview" data-version="7">/);
  assert.match(html, /<title>KubeCon EU 2024: platform talks worth your evening<\/title>/);
  assert.doesNotMatch(html, /style="/, 'no inline styles');
  assert.throws(() => renderPreview(parse(text), lintResult([]), { nonce: 'x"', cspSource: '' }));
});

test('the findings report is asked for only with reportFindings (tests): otherwise the root carries no flag', () => {
  const plain = renderPreview(parse(text), lintResult([]), { nonce: newNonce(), cspSource: '', scriptUri: 'preview.js' });
  assert.doesNotMatch(plain, /data-report-findings/);
  const hooked = renderPreview(parse(text), lintResult([]), {
    nonce: newNonce(),
    cspSource: '',
    scriptUri: 'preview.js',
    documentVersion: 2,
    reportFindings: true,
  });
  assert.match(hooked, /<main id="recap-preview" class="recap-preview" data-version="2" data-report-findings="true">/);
});

test('standalone: the stylesheet embedded with the nonce, no script at all', () => {
  const nonce = newNonce();
  const html = renderPreview(parse(text), lintResult([]), { nonce, cspSource: '', inlineStyle: 'body { color: red } </style><script>x</script>' });
  assert.match(html, new RegExp(`style-src 'nonce-${nonce.replace(/[+/]/g, '\\$&')}'; script-src 'none'`));
  assert.match(html, new RegExp(`<style nonce="${nonce.replace(/[+/]/g, '\\$&')}">`));
  assert.equal(html.match(/<\/style/gi)!.length, 1, 'the stylesheet cannot close its own element');
  assert.doesNotMatch(html.replace(/<style[\s\S]*?<\/style>/, ''), /<script/i);
});

test('a recap without frontmatter: no header, body from line 0', () => {
  const plain = 'Just a note about [a talk](https://example.org).\n';
  const html = renderPreviewBody(parse(plain, 'notes.md'), lintResult([findingAt(plain, 'a talk', 'r')]));
  assert.doesNotMatch(html, /recap-header/);
  assert.match(
    html,
    /<p data-line="0">Just a note about <a href="https:\/\/example.org" rel="noopener noreferrer"><mark class="finding finding-warning" data-rule="r" data-line="1"/,
  );
});

test('CRLF line ends and tab indentation do not shift the marks', () => {
  const crlf = KUBECON_RECAP.replace(/\n/g, '\r\n').replace('- *Platform', '-\t*Platform');
  const f = findingAt(crlf, 'video not yet available', 'video-placeholder', 'info');
  const g = findingAt(crlf, 'Building a Platform', 'missing-video');
  const html = renderPreviewBody(parse(crlf), lintResult([f, g]));
  const marks = marksOf(html);
  assert.deepEqual(
    marks.map((m) => textOf(m.inner)),
    ['video not yet available', 'Building a Platform'],
  );
});
