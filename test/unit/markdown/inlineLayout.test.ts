import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type Token from 'markdown-it/lib/token.mjs';
import { inlineBounds, isEmphasis, layoutInline } from '../../../src/core/markdown/inlineLayout';
import { parseRecap } from '../../../src/core/recap/parseRecap';

const EXAMPLES = join(process.cwd(), 'examples', 'recaps');
const DOCS = readdirSync(EXAMPLES).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));
// Every inline syntax whose source differs from its content, in the containers that put markers between lines.
const SYNTAX = [
  '*em* **strong** ~~struck~~ `code` ``a ` tick``',
  '\\*escaped\\* &amp; &#169; &copy; &nosuch;',
  '[link](https://example.org/a(b)c "Title (x)") [angle](<https://example.org/a b>) [ref][r] [r]',
  '<https://example.org/auto> ![alt [n] t](https://example.org/i.png "t")',
  'soft\nbreak, hard  \nbreak, hard\\\nbreak',
  '> quoted *line*\n> second',
  '- item\n  continued\n  - nested *item*',
  '| a | `b` |\n|---|---|\n| x \\| y | [l](https://e.example) |',
  '# heading *em* #',
  '\n[r]: https://example.org/ref\n',
];

/** What each placed child's source must read: its content, its markup, or where its characters come from. */
function checkInline(text: string, children: readonly Token[], from: number, limit: number): void {
  const layout = layoutInline(text, children, from, limit);
  let last = from;
  for (let k = 0; k < children.length; k++) {
    const c = children[k]!;
    const start = layout.start[k]!;
    const end = layout.end[k]!;
    if (start < 0) {
      assert.equal(layout.complete, false, `child ${k} (${c.type}) is not placed, so the layout is incomplete`);
      return;
    }
    assert.ok(last <= start && start <= end && end <= limit, `child ${k} (${c.type}) at [${start}, ${end}) after ${last}, before ${limit}`);
    last = end;
    const source = text.slice(start, end);
    const chars = layout.chars[k];
    if (c.type === 'text' && chars?.length) {
      // Escapes and entities: each character's source is the character, its escape, or an entity.
      for (let i = 0; i < c.content.length; i++) {
        const at = chars[i]!;
        assert.ok(text[at] === c.content[i] || text[at] === '\\' || text[at] === '&', `character ${i} of ${JSON.stringify(c.content)}`);
      }
    } else if (c.type === 'text' && !chars) assert.equal(source, c.content);
    else if (c.type === 'code_inline') assert.ok(source.startsWith(c.markup) && source.endsWith(c.markup), source);
    else if (c.type === 'html_inline') assert.equal(source, c.content);
    else if (isEmphasis(c)) assert.equal(source, c.markup);
    else if (c.type === 'link_open' && c.markup !== 'autolink') assert.equal(source, '[');
    else if (c.type === 'softbreak' || c.type === 'hardbreak') assert.ok(source.endsWith('\n'), JSON.stringify(source));
  }
}

test('the inline layout places each child where its source is, edit after edit', () => {
  const edit = fc.record({ at: fc.nat(1000), insert: fc.constantFrom(...SYNTAX, ' ', '\n', '\n\n', '- ', '> ') });
  fc.assert(
    fc.property(fc.constantFrom(SYNTAX.join('\n\n'), ...DOCS), fc.array(edit, { maxLength: 4 }), (doc, edits) => {
      const text = edits.reduce((t, e) => {
        const at = Math.floor((t.length * e.at) / 1000);
        return t.slice(0, at) + e.insert + t.slice(at);
      }, doc);
      const parsed = parseRecap('recaps/a.md', text);
      const bounds = inlineBounds(parsed.tokens, parsed.lines);
      parsed.tokens.forEach((t, i) => {
        if (t.type === 'inline' && bounds.from[i]! >= 0) checkInline(text, parsed.body.children(t), bounds.from[i]!, bounds.limit[i]!);
      });
    }),
    { numRuns: 300 },
  );
});

test('every inline of the example recaps and of each syntax is placed whole', () => {
  for (const text of [...DOCS, ...SYNTAX.slice(0, -1)]) {
    const parsed = parseRecap('recaps/a.md', text);
    const bounds = inlineBounds(parsed.tokens, parsed.lines);
    parsed.tokens.forEach((t, i) => {
      if (t.type !== 'inline') return;
      assert.ok(bounds.from[i]! >= 0, `${JSON.stringify(t.content)} has bounds`);
      const layout = layoutInline(text, parsed.body.children(t), bounds.from[i]!, bounds.limit[i]!);
      assert.ok(layout.complete, JSON.stringify(t.content));
    });
  }
});
