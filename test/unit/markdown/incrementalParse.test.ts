import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type Token from 'markdown-it/lib/token.mjs';
import { blockEngine, inlineChildren, markdownEngine } from '../../../src/core/markdown/engine';
import { parseAfter, parseMarkdown, reparse } from '../../../src/core/markdown/incrementalParse';
import { parseRecap } from '../../../src/core/recap/parseRecap';

const md = markdownEngine();

// Every construct whose extent depends on what follows it: lists (tight and
// loose, continued after blank lines), fences, indented code, quotes with
// lazy lines, tables, setext headings, HTML blocks.
const TRICKY = `# FOSDEM 2024: what I watched

Every February Brussels fills up.

## Containers devroom

- [Sometimes, Lipstick Is Exactly What a Pig Needs!](https://video.fosdem.org/2023/UB2.252A/lipstick.webm) — Alex Example (SUSE)
  The room was packed.
- Bottlerocket OS — Sean McGinnis

- Loose item after a blank line

  with a second paragraph
1. ordered
2. list

\`\`\`sh
nix build .#thing
\`\`\`

    indented code
    more code

> A quote
lazy continuation
> - list in quote

| Talk | Video |
| ---- | ----- |
| Rust API design | [video](https://www.youtube.com/watch?v=abcdefghijk) |

Setext heading
--------------

<div class="note">
raw html block
</div>

***

Last paragraph with \`code\` and *emphasis*.
`;

const EXAMPLES = join(process.cwd(), 'examples', 'recaps');
const DOCS = [TRICKY, ...readdirSync(EXAMPLES).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'))];

// What a person types, including what changes the structure around it.
const PIECES = [
  'a',
  ' ',
  '\n',
  '\n\n',
  '- ',
  '1. ',
  '```',
  '~~~',
  '    ',
  '> ',
  '# ',
  '---',
  '===',
  '| x |',
  '<div>',
  '</div>',
  '*',
  '[',
  '](https://e.example/x)',
  '`',
  '\\',
  '&amp;',
  '  - nested',
  'é',
  '\n[video]: https://e.example/v\n',
  '[video]',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 6 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Tokens as plain data, so two parses compare field by field (maps included). */
function plain(tokens: readonly Token[] | null): unknown {
  return tokens?.map((t) => ({
    type: t.type,
    tag: t.tag,
    nesting: t.nesting,
    level: t.level,
    map: t.map,
    content: t.content,
    markup: t.markup,
    info: t.info,
    attrs: t.attrs,
    block: t.block,
    hidden: t.hidden,
    children: plain(t.children),
  }));
}

test('a parse re-using the previous one gives exactly the tokens of a whole parse, edit after edit', () => {
  fc.assert(
    fc.property(fc.constantFrom(...DOCS.keys()), fc.array(edit, { minLength: 1, maxLength: 6 }), (doc, edits) => {
      let source = DOCS[doc]!;
      let previous = parseMarkdown(md, source);
      for (const e of edits) {
        const before = plain(previous.tokens);
        source = apply(source, e);
        const next = parseAfter(md, previous, source);
        assert.deepEqual(plain(next.tokens), plain(md.parse(source, {})));
        assert.deepEqual(plain(previous.tokens), before, 'the earlier parse is left as it was');
        previous = next;
      }
    }),
    { numRuns: 400 },
  );
});

test('typing in one block parses only around it: the other blocks keep their tokens', () => {
  const previous = parseMarkdown(md, TRICKY);
  const at = TRICKY.indexOf('The room was packed') + 4;
  const typed = TRICKY.slice(0, at) + 'x' + TRICKY.slice(at);
  const tokens = reparse(md, previous, typed);
  assert.ok(tokens, 'a one-character edit inside a list is re-parsed in place');
  assert.equal(tokens[0], previous.tokens[0], 'the heading before it is the same token object');
  assert.equal(tokens[tokens.length - 1], previous.tokens[previous.tokens.length - 1], 'so is the last paragraph (no line moved)');
  assert.deepEqual(plain(tokens), plain(md.parse(typed, {})));

  // A new line moves the blocks after it: they are copies with new line numbers, the old ones stay put.
  const entered = TRICKY.slice(0, at) + '\n' + TRICKY.slice(at);
  const moved = reparse(md, previous, entered)!;
  assert.ok(moved);
  const lastOld = previous.tokens[previous.tokens.length - 2]!;
  const lastNew = moved[moved.length - 2]!;
  assert.deepEqual(lastNew.map, [lastOld.map![0] + 1, lastOld.map![1] + 1]);
  assert.notEqual(lastNew, lastOld);
  assert.deepEqual(plain(moved), plain(md.parse(entered, {})));
});

test('a change that reaches past its block, or a text with reference definitions, is parsed whole', () => {
  const previous = parseMarkdown(md, TRICKY);
  // An opened fence swallows everything after it: the sentinel block no longer matches.
  const at = TRICKY.indexOf('Bottlerocket');
  const fenced = `${TRICKY.slice(0, at - 2)}\n\`\`\`\n${TRICKY.slice(at - 2)}`;
  assert.equal(reparse(md, previous, fenced), undefined);

  const withRefs = `${TRICKY}\n[video]: https://video.fosdem.org/x.webm\n`;
  const refParse = parseMarkdown(md, withRefs);
  assert.equal(reparse(md, refParse, withRefs.replace('packed', 'packd')), undefined, 'the earlier text defined references');
  assert.equal(reparse(md, previous, TRICKY.replace('Last paragraph', '[x]: https://e.example\n\nLast paragraph')), undefined, 'the new text defines one');
});

test('parseRecap re-uses an unchanged frontmatter and the body around an edit, with the same result as a fresh parse', () => {
  const text = readFileSync(join(EXAMPLES, 'fosdem-2023-containers.md'), 'utf8');
  const first = parseRecap('recaps/a.md', text);
  void first.tokens;
  const at = text.lastIndexOf('\n', text.length - 2);
  const typed = `${text.slice(0, at)} more${text.slice(at)}`;
  const next = parseRecap('recaps/a.md', typed, undefined, first);
  const fresh = parseRecap('recaps/a.md', typed);
  assert.equal(next.frontmatter, first.frontmatter, 'the frontmatter was not parsed again');
  assert.deepEqual(next.talks, fresh.talks);
  assert.deepEqual(next.problems, fresh.problems);
  assert.deepEqual(plain(next.tokens), plain(fresh.tokens));

  // A change inside the frontmatter: parsed again, positions and all.
  const renamed = text.replace('talks:', 'talks:   ');
  const again = parseRecap('recaps/a.md', renamed, undefined, next);
  assert.notEqual(again.frontmatter, first.frontmatter);
  assert.deepEqual(again.talks, parseRecap('recaps/a.md', renamed).talks);
  assert.deepEqual(plain(again.tokens), plain(parseRecap('recaps/a.md', renamed).tokens));
});

test('text typed right after a closing --- with no line break is read again', () => {
  const text = '---\nevent: fosdem-2023\n---';
  const first = parseRecap('recaps/a.md', text);
  const next = parseRecap('recaps/a.md', `${text}x\nbody`, undefined, first);
  assert.equal(next.frontmatter, undefined, 'the closing line is now "---x": the block is never closed');
  assert.deepEqual(
    next.problems.map((p) => p.code),
    ['frontmatter-syntax'],
  );
});

test('block tokens with each inline’s children made when read are exactly a whole parse, edit after edit', () => {
  // Escapes, entities, reference links (defined after use), autolinks and raw HTML: what the inline step reads from its environment.
  const inlineHeavy = `${TRICKY}\n\nSee [the talk][t], \\*not emphasis\\*, &amp; <https://fosdem.org> and <b>bold</b>.\n\n[t]: https://fosdem.org/2024/schedule/ "Schedule"\n`;
  fc.assert(
    fc.property(fc.constantFrom(inlineHeavy, ...DOCS), fc.array(edit, { maxLength: 4 }), fc.boolean(), (doc, edits, html) => {
      const source = edits.reduce(apply, doc);
      const env = {};
      const tokens = blockEngine({ html }).parse(source, env);
      for (const t of tokens) if (t.type === 'inline') t.children = inlineChildren(t, env, { html });
      assert.deepEqual(plain(tokens), plain(markdownEngine({ html }).parse(source, {})));
    }),
    { numRuns: 200 },
  );
});

test('a recap’s body parsed from its first line on is the parse of its text with the frontmatter blanked, edit after edit', () => {
  const toml = `+++\ntitle = "FOSDEM"\nevent = "fosdem-2024"\n+++\n${TRICKY}`;
  const definitions = `---\ntitle: FOSDEM\n---\nSee [the talk][t] and [t].\n\n[t]: https://fosdem.org/2024/schedule/\n`;
  const blanked = (text: string, bodyStart: number) => '\n'.repeat(text.slice(0, bodyStart).split('\n').length - 1) + text.slice(bodyStart);
  const withChildren = (parsed: ReturnType<typeof parseRecap>) => {
    const tokens = parsed.tokens.map((t) => Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t));
    for (const t of tokens) if (t.type === 'inline') t.children = parsed.body.children(t);
    return plain(tokens);
  };
  // Half the edits land in the frontmatter: a change there re-uses the body's blocks, moved when its line count changes.
  const anywhere = fc.record({ head: fc.boolean(), at: fc.nat(1000), remove: fc.nat(3), insert: fc.constantFrom('a', '\n', '\n\n', ' ', '---\n', '') });
  fc.assert(
    fc.property(fc.constantFrom(toml, definitions, ...DOCS), fc.array(anywhere, { minLength: 1, maxLength: 4 }), (doc, edits) => {
      let source = doc;
      let previous = parseRecap('recaps/a.md', source);
      for (const e of edits) {
        const before = withChildren(previous);
        const at = Math.floor(((e.head ? previous.bodyStart : source.length) * e.at) / 1000);
        source = apply(source, { at: at / Math.max(1, source.length), remove: e.remove, insert: e.insert });
        const next = parseRecap('recaps/a.md', source, undefined, previous);
        assert.deepEqual(withChildren(next), plain(md.parse(blanked(next.text, next.bodyStart), {})));
        assert.deepEqual(plain(next.body.htmlTokens()), plain(markdownEngine({ html: true }).parse(blanked(next.text, next.bodyStart), {})));
        assert.deepEqual(withChildren(previous), before, 'the earlier parse is left as it was');
        previous = next;
      }
    }),
    { numRuns: 300 },
  );
});

test('the engine says so when asked to parse inline text alone, which its block step does not do', () => {
  assert.throws(() => markdownEngine().parseInline('*x*', {}), /parseInline is not supported/);
});

test('the body’s reference links survive a parse that re-uses the earlier one: the same text, or only the frontmatter changed', () => {
  const text = '---\ntitle: x\n---\nSee [the talk][t].\n\n[t]: https://fosdem.org/x\n';
  const linkTypes = (parsed: ReturnType<typeof parseRecap>) => parsed.body.children(parsed.tokens.find((t) => t.type === 'inline')!).map((c) => c.type);
  const first = parseRecap('recaps/a.md', text);
  const expected = linkTypes(first);
  assert.deepEqual(expected, ['text', 'link_open', 'text', 'link_close', 'text']);
  assert.deepEqual(linkTypes(parseRecap('recaps/a.md', text, undefined, first)), expected, 'the same text');
  const retitled = parseRecap('recaps/a.md', text.replace('title: x', 'title: xy\ndate: 2024'), undefined, first);
  assert.equal(retitled.tokens[0]!.map![0], first.tokens[0]!.map![0] + 1, 'its blocks moved down a line with the frontmatter');
  assert.deepEqual(linkTypes(retitled), expected, 'only the frontmatter changed');
});
