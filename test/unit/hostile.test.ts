// Hostile inputs, made by generators (no large committed files), one test per
// class fixed for issue 11; each bounded in time, the file in well under 30 s.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { generateRecap } from '../../bench/lint';
import { eventParentProblems } from '../../src/core/index/eventParents';
import type { ConferenceEvent } from '../../src/core/index/model';
import { SessionIndex, type IndexedSession } from '../../src/core/index/sessionIndex';
import { fixesFor, lintRecap } from '../../src/core/lint/lintRecap';
import { FenceTracker, inFencedCode } from '../../src/core/markdown/fenceAt';
import { parseRecap } from '../../src/core/recap/parseRecap';
import { talkCard } from '../../src/core/talks/talkCard';
import { LineIndex } from '../../src/core/text/lineIndex';
import { rng } from '../../bench/data';
import { index, search } from './lint/support';

function within<T>(ms: number, what: string, run: () => T): T {
  const started = performance.now();
  const out = run();
  const took = performance.now() - started;
  assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms (bound ${ms} ms)`);
  return out;
}

const FOSDEM = index.sessions.filter((s) => /^fosdem-20(19|2[0-4])$/.test(s.eventId));

test('line breaks: generated recaps give the same finding positions and fixes with LF, CRLF, lone CR and a mix', () => {
  within(8_000, 'the line-break class', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const lf = generateRecap(FOSDEM, 6_000, seed);
      const lines = lf.split('\n');
      const random = rng(seed);
      // A mix; a lone CR before an empty line's LF would make one CRLF break of two, so that LF becomes CRLF.
      const breaks = lines.map(() => ['\n', '\r\n', '\r'][Math.floor(random() * 3)]!);
      for (let i = 1; i < lines.length; i++) if (breaks[i - 1] === '\r' && lines[i] === '' && breaks[i] === '\n') breaks[i] = '\r\n';
      const mixed = lines.map((l, i) => (i < lines.length - 1 ? l + breaks[i] : l)).join('');
      const variants = [lines.join('\r\n'), lines.join('\r'), mixed];
      const expected = shape(lf);
      assert.ok(expected.length > 0, 'the generated recap has findings');
      for (const text of variants) assert.deepEqual(shape(text), expected);
    }
  });

  /** Findings as line:column, rule, and the text their fixes leave, line by line. */
  function shape(text: string) {
    const parsed = parseRecap('recaps/hostile.md', text);
    const lines = new LineIndex(text);
    const result = lintRecap(parsed, { index, search });
    return result.findings.map((f) => {
      const a = lines.positionAt(f.start);
      const b = lines.positionAt(f.end);
      const fixes = fixesFor({ parsed, result, index, search }, f);
      return `${a.line}:${a.character}-${b.line}:${b.character} ${f.code} ${fixes.length} fixes: ${fixes.map((x) => x.edits.map((e) => e.newText.replace(/\r\n|\r/g, '\n')).join('|')).join(' / ')}`;
    });
  }
});

test('parent chains: long chains, cycles and missing parents end, are reported once per event, and family() ends', () => {
  within(5_000, 'the parent-chain class', () => {
    for (const [n, seed] of [
      [6_000, 1],
      [2_000, 2],
      [500, 3],
    ] as const) {
      const random = rng(seed);
      const events: ConferenceEvent[] = [];
      for (let i = 0; i < n; i++) {
        const r = random();
        // Mostly a chain, with random jumps (making cycles), self-parents and missing parents.
        const parent = i === 0 ? undefined : r < 0.85 ? `e${i - 1}` : r < 0.93 ? `e${Math.floor(random() * n)}` : r < 0.96 ? `e${i}` : `missing${i}`;
        events.push(parent ? { id: `e${i}`, name: `E${i}`, parent } : { id: `e${i}`, name: `E${i}` });
      }
      const idx = new SessionIndex(events.map((event) => ({ origin: { file: `${event.id}.yaml` }, event, sessions: [] })));
      for (const e of events) assert.ok(idx.family(e.id).size >= 1);
      const problems = eventParentProblems(idx.events);
      // Walk each chain (bounded by n steps) to know which events sit in a cycle or miss their parent.
      for (const e of events) {
        const seen = new Set<string>();
        let at: string | undefined = e.id;
        while (at && !seen.has(at) && idx.events.has(at)) {
          seen.add(at);
          at = idx.events.get(at)!.parent;
        }
        const inCycle = at !== undefined && at === e.id;
        const missing = e.parent !== undefined && !idx.events.has(e.parent);
        const mine = problems.filter((p) => p.eventId === e.id);
        if (inCycle)
          assert.ok(
            mine.some((p) => /loops back on itself/.test(p.message)),
            `${e.id} is in a cycle`,
          );
        if (missing)
          assert.ok(
            mine.some((p) => /no event in the index has that id/.test(p.message)),
            `${e.id} misses its parent`,
          );
        if (!inCycle && !missing)
          assert.ok(
            mine.every((p) => /levels below/.test(p.message)),
            `${e.id}: ${mine.map((p) => p.message).join('; ')}`,
          );
      }
    }
  });
});

test('hostile index strings: cards show every generated title, name and event name as literal text, never an image or a non-http link', () => {
  const md = new MarkdownIt({ html: true });
  const PARTS = [
    '![x](http://evil/)',
    '<img src=x onerror=alert(1)>',
    '[a](javascript:alert(1))',
    '`',
    '``',
    '*',
    '**',
    '_',
    '~~',
    '&amp;',
    '&#x3C;',
    '\\',
    '# ',
    '- ',
    '1. ',
    '> ',
    '|',
    '<',
    ']',
    '(',
    '\n',
    '    ',
    'text',
    'Ünïcödé',
  ];
  const random = rng(11);
  const pick = () => PARTS[Math.floor(random() * PARTS.length)]!;
  const hostile = () => Array.from({ length: 1 + Math.floor(random() * 6) }, pick).join('');
  within(5_000, 'the hostile-string class', () => {
    for (let i = 0; i < 400; i++) {
      const title = `T ${hostile()}`;
      const name = hostile();
      const eventName = hostile();
      const session: IndexedSession = {
        id: 't',
        title,
        speakers: [{ name, affiliation: hostile() }],
        eventId: 'e',
        fullId: 'e/t',
        origin: { file: 'x.yaml' },
        video: random() < 0.5 ? `javascript:${hostile()}` : `https://example.org/${hostile()}`,
      };
      const card = talkCard(session, { id: 'e', name: eventName, origin: { file: 'x.yaml' } });
      const html = md.render(card);
      for (const [, tag] of html.matchAll(/<\/?([a-z0-9]+)/gi))
        assert.ok(['p', 'strong', 'em', 'code', 'a'].includes(tag!.toLowerCase()), `<${tag}> in ${html}`);
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href!, /^https?:\/\//);
      const text = html
        .replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      for (const literal of [title, name, eventName])
        assert.ok(text.includes(literal.replace(/\s+/g, ' ').trim()), `${JSON.stringify(literal)} in ${JSON.stringify(text)}`);
    }
  });
});

test('a huge recap: parse and lint within a small multiple of markdown-it parsing the same text', () => {
  const text = generateRecap(FOSDEM, 600_000, 9);
  const md = new MarkdownIt();
  md.parse(text, {});
  const bare = Math.min(...[0, 1].map(() => within(10_000, 'markdown-it', () => time(() => md.parse(text, {})))));
  parseRecap('recaps/huge.md', text);
  const ours = Math.min(
    ...[0, 1].map(() => within(15_000, 'our parse and lint', () => time(() => lintRecap(parseRecap('recaps/huge.md', text), { index, search })))),
  );
  assert.ok(ours < 8 * bare + 200, `our parse and lint ${ours.toFixed(0)} ms, markdown-it ${bare.toFixed(0)} ms`);

  function time(run: () => unknown): number {
    const started = performance.now();
    run();
    return performance.now() - started;
  }
});

test('large recaps: the fence scan completion uses agrees with markdown-it on every line of generated recaps', () => {
  within(5_000, 'the fence class', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const random = rng(seed);
      // Top-level fences (the scan does not tell fences inside list items apart, as its doc says).
      const blocks = ['text', '```', '```js', '~~~', '````', '   ```', '    ```', '``` `x`', '# heading', ''];
      const text = Array.from({ length: 300 }, () => blocks[Math.floor(random() * blocks.length)]).join('\n');
      const parsed = parseRecap('recaps/fences.md', text);
      const lines = new LineIndex(text);
      for (let line = 0; line < lines.lineCount; line++) {
        const inFence = parsed.tokens.some((t) => t.type === 'fence' && t.map && t.map[0] < line && line < t.map[1] - 1);
        const context = JSON.stringify(text.split('\n').slice(Math.max(0, line - 8), line + 1));
        if (inFence) assert.ok(inFencedCode(text, lines.lineStart(line)), `seed ${seed}: line ${line} is inside a fence: ${context}`);
        // The editor's route (lines handed over one by one) gives the text's answer on every line.
        const tracker = new FenceTracker();
        for (const l of text.split('\n').slice(0, line)) tracker.feed(l);
        assert.equal(tracker.inCode, inFencedCode(text, lines.lineStart(line)), `seed ${seed}: line ${line}: ${context}`);
      }
    }
  });
});
