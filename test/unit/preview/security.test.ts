import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResolvedTalk } from '../../../src/core/lint/finding';
import { safeHref } from '../../../src/core/preview/html';
import { newNonce, renderPreview, renderPreviewBody } from '../../../src/core/preview/renderPreview';
import { sanitizeFragment } from '../../../src/core/preview/sanitize';
import { assertInert, findingAt, HOSTILE_RECAP, lintResult, marksOf, parse, tags } from './helpers';

const text = HOSTILE_RECAP;
const EVIL_TALK: ResolvedTalk = {
  title: '<img src=x onerror=alert(1)>Evil talk',
  speakers: [{ name: '<script>alert(1)</script>', affiliation: '" onmouseover="alert(1)' }],
  eventName: '<iframe src=javascript:alert(1)>',
  video: 'javascript:alert(1)',
  knownVideo: 'vbscript:msgbox(1)',
  slides: 'https://example.org/slides" onclick="alert(1)',
  schedule: 'data:text/html,<script>alert(1)</script>',
  mentions: [],
};
const findings = [findingAt(text, 'hover me', 'missing-video'), findingAt(text, 'image and', 'video-placeholder', 'info', '<script>alert("message")</script>')];

for (const allowHtml of [false, true]) {
  test(`hostile recap (allowHtml ${allowHtml}): nothing executable survives, every finding is still marked`, () => {
    const html = renderPreviewBody(parse(text), lintResult(findings, [EVIL_TALK]), { allowHtml });
    assertInert(html, `allowHtml ${allowHtml}`);
    const marks = marksOf(html);
    assert.deepEqual(marks.map((m) => m.rule).sort(), ['missing-video', 'video-placeholder']);
    assert.ok(!marks.some((m) => m.rule === 'forged'), 'the recap cannot forge a finding mark');
    assert.doesNotMatch(html, /window\.__pwned = 'heading'<\/script>/);
  });
}

test('without allowHtml, raw HTML shows as text', () => {
  const html = renderPreviewBody(parse(text), lintResult([]));
  assert.match(html, /<p data-line="\d+">&lt;script&gt;window.__pwned = 'block script'; alert\(1\)&lt;\/script&gt;<\/p>/);
  assert.match(html, /Inline &lt;img src=x onerror=&quot;window.__pwned='img'; alert\(1\)&quot;&gt; image/);
  assert.match(html, /&lt;iframe src=/);
});

test("markdown-it's validateLink drops javascript:, vbscript: and data: links; the rest keep http(s)", () => {
  const md = [
    '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox(1)) [d](data:text/html;base64,PHNjcmlwdD4=)',
    '[e](&#106;avascript:alert(1)) [f](java&#x09;script:alert(1)) [g](<javascript:alert(1)>) <javascript:alert(1)>',
    '[ok](https://example.org/a?b=c) [mail](mailto:me@example.org) [rel](other.md#part)',
    '![i](javascript:alert(1)) ![j](data:image/svg+xml;base64,PHN2Zz4=) ![k](https://example.org/k.png)',
  ].join('\n\n');
  const html = renderPreviewBody(parse(md, 'x.md'), lintResult([]));
  assertInert(html, 'markdown links');
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(hrefs, ['https://example.org/a?b=c', 'mailto:me@example.org', 'other.md#part']);
  const srcs = [...html.matchAll(/src="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(srcs, ['https://example.org/k.png']);
  assert.match(html, /\[a\]\(javascript:alert\(1\)\)/, 'the refused link shows as text');
});

test('allowHtml keeps ordinary HTML, sanitized', () => {
  const md = [
    '<details open ontoggle="alert(1)"><summary>More</summary>Hidden <b>bold</b> text</details>',
    '',
    'Text with <kbd>Ctrl</kbd>+<kbd>C</kbd>, <a href="https://example.org" target="_blank" onclick="alert(1)">a link</a> and <span class="finding" data-rule="x" style="color:red">span</span>.',
    '',
    '<img src="https://example.org/photo.jpg" alt="Photo" onerror="alert(1)"> <img src="photo.jpg" alt="local">',
  ].join('\n');
  const html = renderPreviewBody(parse(md, 'x.md'), lintResult([]), { allowHtml: true });
  assertInert(html, 'ordinary html');
  assert.match(html, /<details open><summary>More<\/summary>Hidden <b>bold<\/b> text<\/details>/);
  assert.match(html, /<kbd>Ctrl<\/kbd>\+<kbd>C<\/kbd>/);
  assert.match(html, /<a rel="noopener noreferrer" href="https:\/\/example.org">a link<\/a>/);
  assert.match(html, /<span>span<\/span>/);
  assert.match(html, /<img src="https:\/\/example.org\/photo.jpg" alt="Photo" \/>/);
  assert.match(html, /<span>\[image: local\]<\/span>/);
});

test('sanitizeFragment: scripts, styles, frames, handlers and script URLs go', () => {
  const dirty =
    '<p onclick="x()">p</p><script>alert(1)</script><style>*{}</style><iframe src="https://example.org"></iframe>' +
    '<object data="x"></object><a href="javascript:alert(1)">j</a><a href=" jAvAsCrIpT:alert(1)">k</a><a href="//evil.example">pr</a>' +
    '<img src="javascript:alert(1)"><svg><script>alert(1)</script></svg><form action="https://e.example"><input></form>';
  const clean = sanitizeFragment(dirty);
  assertInert(clean, 'sanitizeFragment');
  assert.equal(clean, '<p>p</p><a rel="noopener noreferrer">j</a><a rel="noopener noreferrer">k</a><a rel="noopener noreferrer">pr</a><span>[image: ]</span>');
});

test('safeHref: only http(s), mailto and plain relative links', () => {
  for (const ok of ['https://example.org', 'HTTP://example.org', 'mailto:a@b.c', 'page.md', '#top', '/abs/path', '?q=1'])
    assert.ok(safeHref(ok) !== undefined, ok);
  for (const bad of [
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java%09script:alert(1)',
    'vbscript:x',
    'data:text/html,x',
    'file:///etc/passwd',
    'command:workbench.action.quit',
    'vscode://x',
    '//evil.example',
  ]) {
    assert.equal(safeHref(bad), undefined, bad);
  }
});

test('the document around a hostile recap: one script (ours, with the nonce), CSP first in head', () => {
  const nonce = newNonce();
  const html = renderPreview(parse(text), lintResult(findings, [EVIL_TALK]), {
    nonce,
    cspSource: 'https://x.vscode-cdn.net',
    styleUri: 'https://x.vscode-cdn.net/preview.css',
    scriptUri: 'https://x.vscode-cdn.net/preview.js',
    allowHtml: true,
  });
  const scripts = tags(html).filter((t) => t.name === 'script');
  assert.equal(scripts.length, 1);
  assert.deepEqual(scripts[0]!.attrs, [
    ['nonce', nonce],
    ['src', 'https://x.vscode-cdn.net/preview.js'],
  ]);
  const head = html.slice(0, html.indexOf('</head>'));
  assert.ok(head.indexOf('Content-Security-Policy') < head.indexOf('<title>'), 'CSP before anything the recap controls');
  assert.match(head, /<title>&lt;script&gt;window.__pwned = &#39;title&#39;&lt;\/script&gt; Hostile recap<\/title>/);
  assertInert(
    html
      .replace(/<script nonce[^>]*><\/script>/, '')
      .replace(/<meta [^>]*>/g, '')
      .replace(/<link [^>]*>/, ''),
    'document',
  );
});

test('the checks above catch what they look for', () => {
  for (const bad of [
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<script>x</script>',
    '<div style="x">',
    '<a href="&#106;avascript:x">',
    '<mark class="finding">x</mark>',
    '<iframe src=x>',
  ]) {
    assert.throws(() => assertInert(bad, 'probe'), assert.AssertionError, bad);
  }
});
