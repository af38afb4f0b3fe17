import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { markdownEngine } from '../../../src/core/markdown/engine';
import { fastNormalizeLink } from '../../../src/core/markdown/shortcuts';

const stock = new MarkdownIt();
const normalize = stock.normalizeLink.bind(stock);
const fast = fastNormalizeLink(normalize);

// Characters a URL in a recap is made of, plus the ones that force markdown-it to re-encode.
const URL_CHARS = [...'abcXYZ019-._~:/?#@!$&()*+,;=%', "'", ' ', '"', '<', '>', '[', ']', '\\', '^', '`', '{', '|', '}', 'é', '✓', 'Ä', '\t'];
const urlish = fc
  .tuple(
    fc.constantFrom('http://', 'https://', 'HTTP://', 'ftp://', '//', '', 'mailto:', 'javascript:'),
    fc.array(fc.constantFrom(...URL_CHARS, 'video.fosdem.org', 'www.youtube.com', '%28', '%2', '%zz', 'xn--bcher-kva', 'bücher'), { maxLength: 30 }),
  )
  .map(([scheme, parts]) => scheme + parts.join(''));

test('the shortcut gives what markdown-it gives, for any URL-like text', () => {
  fc.assert(
    fc.property(urlish, (url) => {
      assert.equal(fast(url), normalize(url), JSON.stringify(url));
    }),
    { numRuns: 5000 },
  );
});

test('the shortcut keeps recap links as written and leaves the rest to markdown-it', () => {
  const plain = [
    'https://video.fosdem.org/2024/ua2220/fosdem-2024-3242-the-state-of-go.av1.webm',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s#comments',
    'https://fosdem.org/2026/schedule/event/1MYim-containers-in-a-car/',
    'https://kccnceu2024.sched.com/event/1YeMp/platform%28s%29-at-scale',
  ];
  for (const url of plain) assert.equal(fast(url), url);
  // These take markdown-it's own path, and come out re-encoded as before.
  assert.equal(fast('https://example.org/a b'), 'https://example.org/a%20b');
  assert.equal(fast('https://bücher.example/x'), 'https://xn--bcher-kva.example/x');
  assert.equal(fast("https://example.org/it's"), normalize("https://example.org/it's"));
});

test('the shared engine renders links exactly as stock markdown-it does', () => {
  const md = '[a](https://video.fosdem.org/2024/x.webm) [b](https://bücher.example/a b) <https://example.org/q?x=1&y=%41> [c](<https://e.example/a (b)>)';
  assert.equal(markdownEngine().render(md), stock.render(md));
});

test('line breaks of every kind and NUL characters come out as stock markdown-it has them', () => {
  const texts = ['a\r\nb\rc\nd', '# T\r\n\r\n- x\0y\r\n- z', '```\r\ncode\r\n```\r\n', 'plain\n\ntext\n'];
  for (const t of texts) assert.deepEqual(markdownEngine().parse(t, {}), stock.parse(t, {}), JSON.stringify(t));
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', ' ', '\r', '\n', '\r\n', '\0', '- ', '> ', '```', '[x](https://e.example/a b)'), { maxLength: 40 }), (parts) => {
      const t = parts.join('');
      assert.deepEqual(markdownEngine().render(t), stock.render(t));
    }),
    { numRuns: 500 },
  );
});

test('links are accepted and refused as stock markdown-it does', () => {
  const validate = stock.validateLink.bind(stock);
  const { validateLink } = markdownEngine();
  for (const url of [
    'https://video.fosdem.org/a.webm',
    'http://e.example',
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:image/png;base64,AA',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    'HTTPS://E.ORG',
    '/relative',
    '#anchor',
  ]) {
    assert.equal(validateLink(url), validate(url), url);
  }
  fc.assert(
    fc.property(urlish, (url) => assert.equal(validateLink(url), validate(url), url)),
    { numRuns: 2000 },
  );
});
