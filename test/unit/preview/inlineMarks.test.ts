import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderPreviewBody } from '../../../src/core/preview/renderPreview';
import { findingAt, lintResult, marksOf, parse, textOf } from './helpers';

// [markdown, the finding's text, what the mark must show]
const CASES: [string, string, string][] = [
  ['Plain words here.', 'words', 'words'],
  ['# #hashtag heading', '#hashtag', '#hashtag'],
  ['## Closing hashes ##', 'hashes', 'hashes'],
  ['Setext heading\n==============', 'heading', 'heading'],
  ['A *very* **bold** ~~struck~~ claim', '**bold** ~~struck', 'bold struck'],
  ['***Both*** at once', 'Both', 'Both'],
  ['Code `inline code` here', 'inline code', 'inline code'],
  ['Code ``with ` tick`` then words', 'then words', 'then words'],
  ['Escapes \\*not em\\* and \\\\ backslash', '\\*not em\\*', '*not em*'],
  ['Entities &amp; &lt;tag&gt; &#169; &copy; done', '&lt;tag&gt; &#169;', '<tag> ©'],
  ['Unknown &nosuch; entity', '&nosuch; entity', '&nosuch; entity'],
  ['[Link text](https://example.org/a(b)c "Title (x)") after', 'after', 'after'],
  ['[Link text](<https://example.org/a b>) after', 'Link text', 'Link text'],
  ['[Ref link][ref] after\n\n[ref]: https://example.org', 'after', 'after'],
  ['[Shortcut] after\n\n[shortcut]: https://example.org', 'Shortcut', 'Shortcut'],
  ['An <https://example.org/auto> link and more', 'more', 'more'],
  ['An <https://example.org/auto> link', 'https://example.org/auto', 'https://example.org/auto'],
  ['![alt [nested] text](https://example.org/i.png "t") caption', 'caption', 'caption'],
  ['Soft\nbreak across lines', 'Soft\nbreak', 'Soft\nbreak'],
  ['Hard  \nbreak with spaces', 'break with', 'break with'],
  ['Hard\\\nbreak with backslash', 'with backslash', 'with backslash'],
  ['> Quoted *line*\n> second line', 'second line', 'second line'],
  ['> > Nested quote text', 'quote text', 'quote text'],
  ['- item one\n  continued here\n- item two', 'continued here', 'continued here'],
  ['1. first\n2. second item', 'second item', 'second item'],
  ['- outer\n  - inner item text', 'inner item', 'inner item'],
  ['| a | a |\n|---|---|\n| x | same |', 'same', 'same'],
  ['Emoji 🎉 then text', 'then text', 'then text'],
  ['Tabs\tinside\ttext', 'inside', 'inside'],
  ['Unmatched * star and _ underscore', 'star and', 'star and'],
  ['Trailing spaces   \nnext line', 'next line', 'next line'],
];

for (const [md, needle, shown] of CASES) {
  test(`mark: ${JSON.stringify(md).slice(0, 60)}`, () => {
    const html = renderPreviewBody(parse(md, 'x.md'), lintResult([findingAt(md, needle, 'r')]));
    const marks = marksOf(html);
    assert.equal(marks.length, 1, html);
    assert.equal(textOf(marks[0]!.inner).replace(/\s+/g, ' '), shown.replace(/\s+/g, ' '), html);
    assert.doesNotMatch(marks[0]!.inner, /finding-badge/);
  });
}

test('the second of two identical table cells is the one marked', () => {
  const md = '| same | same |\n|---|---|\n';
  const html = renderPreviewBody(parse(md, 'x.md'), lintResult([findingAt(md, 'same', 'r', 'warning', 'm', 1)]));
  assert.match(html, /<th>same<\/th>\n<th><mark/);
});

test('every word of the example recaps can be marked exactly', () => {
  const dir = join(process.cwd(), 'examples', 'recaps');
  let checked = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const parsed = parse(text, `recaps/${name}`);
    const bodyLines = text.slice(parsed.bodyStart).split('\n');
    const firstBodyLine = text.slice(0, parsed.bodyStart).split('\n').length - 1;
    let offset = parsed.bodyStart;
    bodyLines.forEach((line, i) => {
      const lineNo = firstBodyLine + i;
      // Words of prose: not in code, not inside link destinations.
      const prose = line.replace(/\]\((?:[^()]|\([^)]*\))*\)/g, (m) => ' '.repeat(m.length)).replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
      if (!parsed.codeLines.has(lineNo) && !/^\s*(?:```|\[[^\]]+\]:)/.test(line)) {
        for (const m of prose.matchAll(/[A-Za-z][\w'’-]{3,}/g)) {
          const start = offset + m.index!;
          const f = { code: 'w', severity: 'hint' as const, message: 'word', start, end: start + m[0].length, fixes: [] };
          const marks = marksOf(renderPreviewBody(parsed, lintResult([f])));
          assert.equal(marks.length, 1);
          assert.equal(textOf(marks[0]!.inner), m[0], `${name}:${lineNo + 1}: ${line}`);
          checked++;
        }
      }
      offset += line.length + 1;
    });
  }
  assert.ok(checked > 100, `checked ${checked} words`);
});
