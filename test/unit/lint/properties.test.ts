import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Fix } from '../../../src/core/lint/finding';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { words } from '../../../src/core/search/words';
import { LintCache, lintRecap } from '../../../src/core/lint/lintRecap';
import { applyEdits, index, lint, search } from './support';

// Real FOSDEM 2023 talks, with and without a known recording.
const POOL = [
  'fosdem-2023/container_developer_tooling',
  'fosdem-2023/container_database_containers',
  'fosdem-2023/container_syscall_interception',
  'fosdem-2023/container_bottlerocket_os',
  'fosdem-2023/rust_rust_api_design_learnings',
  'fosdem-2023/rust_scalable_graph_algorithms_in_rust_and_python',
  'fosdem-2023/bare_metal_servers_as_container_runtime',
].map((id) => index.get(id)!);

const STYLES = ['item', 'heading', 'linked', 'prose', 'youtube', 'code', 'placeholder', 'recording', 'id'] as const;

const recap = fc
  .record({
    listed: fc.subarray(POOL.map((_, i) => i)),
    body: fc.array(fc.record({ talk: fc.integer({ min: 0, max: POOL.length - 1 }), style: fc.constantFrom(...STYLES), upper: fc.boolean() }), { maxLength: 8 }),
  })
  .map(({ listed, body }) => {
    const fm = [
      '---',
      'event: fosdem-2023',
      'talks:',
      ...listed.flatMap((i) => [`  - id: ${POOL[i]!.fullId}`, '    speakers:', ...POOL[i]!.speakers.map((s) => `      - name: ${s.name}`)]),
      '---',
      '',
    ];
    const blocks = body.map(({ talk, style, upper }) => {
      const s = POOL[talk]!;
      const title = upper ? s.title.toUpperCase() : s.title;
      const who = s.speakers.map((x) => x.name).join(', ');
      switch (style) {
        case 'item':
          return `- ${title} — ${who}\n  Notes on it.`;
        case 'heading':
          return `## ${title}\n\nSome notes.`;
        case 'linked':
          return `- [${title}](https://example.org/schedule/${s.id}) — ${who}`;
        case 'prose':
          return `I also caught *${title}* by ${who}, which was fun.`;
        case 'youtube':
          return `- ${title} ([video](https://www.youtube.com/watch?v=${s.id.slice(0, 11).padEnd(11, 'x')}))`;
        case 'code':
          return `Run \`${title}\` for once.`;
        case 'placeholder':
          return `- ${title} — video not yet available`;
        case 'recording':
          return s.video ? `- [the talk](${s.video.replace(/ /g, '%20')}) — ${who}` : `- ${title}`;
        case 'id':
          return `- ${s.fullId}`;
      }
    });
    return `${fm.join('\n')}\n# Recap\n\n${blocks.join('\n\n')}\n`;
  });

function inBounds(text: string, fix: Fix): boolean {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  return edits.every((e, i) => e.start >= 0 && e.end <= text.length && e.start <= e.end && (i === 0 || edits[i - 1]!.end <= e.start));
}

test('title mentions read as their title, every fix stays in bounds, and preferred fixes resolve missing videos without breaking the YAML', () => {
  fc.assert(
    fc.property(recap, (text) => {
      const { findings, talks, fixes: fixesOf } = lint(text);
      for (const t of talks) {
        for (const m of t.mentions) if (m.kind === 'title') assert.equal(words(text.slice(m.start, m.end)).join(' '), words(t.title).join(' '));
      }
      for (const f of findings) for (const fix of fixesOf(f)) assert.ok(inBounds(text, fix), `${f.code}: ${fix.title}`);
      // One preferred fix per talk (frontmatter first), applied together.
      const fixes = findings.flatMap((f) =>
        f.code === 'missing-video'
          ? fixesOf(f)
              .filter((x) => x.preferred)
              .slice(0, 1)
          : [],
      );
      const fixed = applyEdits(
        text,
        fixes.flatMap((x) => x.edits),
      );
      assert.deepEqual(parseRecap('recaps/r.md', fixed).problems, []);
      const left = lint(fixed)
        .findings.filter((f) => f.code === 'missing-video')
        .map((f) => f.talk);
      for (const talk of left) assert.equal(index.get(talk!)?.video, undefined, `${talk} still reported after its fix`);
    }),
    { numRuns: 150, seed: 20240327 },
  );
});

test('a lint with the document’s cache gives the same result as a fresh one, edit after edit', () => {
  const cache = new LintCache();
  const plain = (text: string) => lintRecap(parseRecap('recaps/r.md', text), { index, search });
  const cached = (text: string) => lintRecap(parseRecap('recaps/r.md', text), { index, search, cache });
  const edit = fc.record({
    at: fc.nat(),
    remove: fc.integer({ min: 0, max: 6 }),
    insert: fc.constantFrom('', 'e', '\n', '\n\n', '# ', '- ', '`', '[video](https://youtu.be/abcdefghijk)', ' Exploring Database Containers ', '](', '*'),
  });
  fc.assert(
    fc.property(recap, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
      let text = start;
      for (const e of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
        // In the body (random edits of YAML only exercise the yaml package's warnings).
        const body = text.indexOf('\n---\n') + 5;
        const at = body + (e.at % (text.length - body + 1));
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        const a = plain(text);
        const b = cached(text);
        assert.deepEqual(b.findings, a.findings);
        assert.deepEqual(b.talks, a.talks);
      }
    }),
    { numRuns: 60, seed: 7 },
  );
});

test('the cache forgets its blocks when the frontmatter’s talks change', () => {
  const cache = new LintCache();
  const body = '\n- Touring the container developer tooling landscape ([video](https://youtu.be/abcdefghijk))\n- Exploring Database Containers\n';
  const before = `---\nevent: fosdem-2023\n---\n${body}`;
  const after = `---\nevent: fosdem-2023\ntalks:\n  - id: fosdem-2023/container_database_containers\n---\n${body}`;
  for (const text of [before, after, before]) {
    const a = lintRecap(parseRecap('r.md', text), { index, search });
    const b = lintRecap(parseRecap('r.md', text), { index, search, cache });
    assert.deepEqual(b.findings, a.findings);
    assert.deepEqual(b.talks, a.talks);
  }
});

test('the cache forgets its blocks when a link reference definition changes', () => {
  const cache = new LintCache();
  const recapLinking = (event: string) =>
    `---\nevent: fosdem-2023\n---\n\nA talk I liked: [its page][t].\n\n[t]: https://fosdem.org/2023/schedule/event/${event}/\n`;
  const seen: string[] = [];
  for (const text of [recapLinking('container_developer_tooling'), recapLinking('container_database_containers')]) {
    const a = lintRecap(parseRecap('r.md', text), { index, search });
    const b = lintRecap(parseRecap('r.md', text), { index, search, cache });
    assert.deepEqual(b.talks, a.talks);
    seen.push(b.talks.map((t) => t.id).join());
  }
  assert.deepEqual(seen, ['fosdem-2023/container_developer_tooling', 'fosdem-2023/container_database_containers']);
});
