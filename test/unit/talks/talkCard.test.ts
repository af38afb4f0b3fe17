import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import type { IndexedEvent, IndexedSession } from '../../../src/core/index/sessionIndex';
import { safeLinkTarget, talkCard } from '../../../src/core/talks/talkCard';

// Rendered the way a Markdown viewer that allows HTML would: anything that escapes shows up as a tag.
const md = new MarkdownIt({ html: true, linkify: false });

const HOSTILE = [
  '![x](http://evil/)',
  '<img src=x>',
  '[a](javascript:alert(1))',
  '`',
  '*',
  '**b**',
  '_u_',
  '&amp;',
  '# h',
  '<script>alert(1)</script>',
  '[r]: http://evil/',
  '\\',
  '- item',
  '1. item',
  '    indented',
  'a\nb',
  '| a | b |',
  '~~s~~',
];

function session(over: Partial<IndexedSession>): IndexedSession {
  return { id: 't', title: 'T', speakers: [], eventId: 'e', fullId: 'e/t', origin: { file: 'index.yaml' }, ...over };
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase());
}

for (const hostile of HOSTILE) {
  test(`index text ${JSON.stringify(hostile)} shows as literal text on the card`, () => {
    const event: IndexedEvent = { id: 'e', name: `Conf ${hostile}`, origin: { file: 'index.yaml' } };
    const card = talkCard(
      session({
        title: `Title ${hostile}`,
        speakers: [{ name: `Ann ${hostile}`, affiliation: `Org ${hostile}` }],
        room: hostile,
        track: hostile,
        fullId: `e/${hostile}`,
      }),
      event,
    );
    const html = md.render(card);
    // And at the start of a line too (speaker and event lines start with index text).
    const alone = md.render(talkCard(session({ speakers: [{ name: hostile }] }), { id: 'e', name: hostile, origin: { file: 'index.yaml' } }));
    for (const tag of tagsOf(alone)) assert.ok(['p', 'strong', 'em', 'code'].includes(tag), `unexpected <${tag}> in ${alone}`);
    assert.ok(textOf(alone).includes(hostile.replace(/\s+/g, ' ').trim()), alone);
    // The full id is a code span (literal by definition); nowhere else may image syntax appear.
    assert.ok(!card.split('\n').slice(0, -1).join('\n').includes('!['), 'no image syntax in the card');
    for (const tag of tagsOf(html)) assert.ok(['p', 'strong', 'em', 'code'].includes(tag), `unexpected <${tag}> in ${html}`);
    const text = textOf(html);
    const flat = hostile.replace(/\s+/g, ' ').trim();
    for (const literal of [`Title ${flat}`, `Ann ${flat} (Org ${flat})`, `Conf ${flat}`, `e/${hostile.replace(/\n/g, ' ')}`]) {
      assert.ok(text.includes(literal), `${JSON.stringify(literal)} literally in ${JSON.stringify(text)}`);
    }
  });
}

test('only http(s) links reach the card; others are left out, never rendered as links or images', () => {
  const card = talkCard(session({ video: 'javascript:alert(1)', slides: 'command:workbench.action.quit', schedule: 'data:text/html,<b>' }), undefined);
  assert.ok(!/javascript:|command:|data:/.test(card), card);
  assert.match(card, /No video or slides known yet/);
  const ok = talkCard(session({ video: 'https://example.org/watch?v=a b)(<x>`', slides: 'http://example.org/s.pdf' }), undefined);
  const html = md.render(ok);
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(hrefs, ['https://example.org/watch?v=a%20b%29%28%3Cx%3E%60', 'http://example.org/s.pdf']);
  assert.ok(!tagsOf(html).includes('img'));
});

test('safeLinkTarget keeps http(s) only', () => {
  assert.equal(safeLinkTarget('https://example.org/a'), 'https://example.org/a');
  for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'file:///etc/passwd', 'vscode://x', 'not a url', '', 42])
    assert.equal(safeLinkTarget(bad), undefined, String(bad));
});
