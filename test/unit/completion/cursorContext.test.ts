import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorContext } from '../../../src/core/completion/cursorContext';

const at = (marked: string) => {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const context = cursorContext(text, offset, { trigger: '@@' });
  return context && { ...context, replaced: text.slice(context.replace.start, context.replace.end) };
};

test('event values: plain, quoted, in a flow list and in a block list', () => {
  assert.deepEqual(pick(at('---\nevent: kube|\n---\n')), ['event', 'kube', 'kube']);
  assert.deepEqual(pick(at('---\nevent: "kube|"\n---\n')), ['event', 'kube', '"kube"']);
  assert.deepEqual(pick(at('---\nevent: [fosdem-2023, kube|]\n---\n')), ['event', 'kube', 'kube']);
  assert.deepEqual(pick(at('---\nevent:\n  - fosdem-2023\n  - kube|\n---\n')), ['event', 'kube', 'kube']);
  assert.equal(at('---\ntitle: kube|\n---\n'), undefined);
});

test('a talks: item, a blank line under talks:, and talks: [] itself', () => {
  const item = at('---\ntalks:\n    - id: a/b\n    - lip|\n---\n');
  assert.deepEqual([item?.kind, item?.kind === 'talk' && item.indent, item?.kind === 'talk' && item.listItem], ['talk', 4, true]);
  const blank = at('---\ntalks:\n    - id: a/b\n|\n---\n');
  assert.deepEqual([blank?.kind, blank?.kind === 'talk' && blank.indent, blank?.kind === 'talk' && blank.listItem], ['talk', 4, false]);
  const flow = at('---\ntalks: []|\n---\n');
  assert.deepEqual([flow?.kind, flow?.replaced], ['talk', ' []']);
  const typedInside = at('---\ntalks: [lips pig|]\n---\n');
  assert.deepEqual([typedInside?.kind, typedInside?.kind === 'talk' && typedInside.prefix, typedInside?.replaced], ['talk', 'lips pig', ' [lips pig]']);
  assert.equal(at('---\ntalks: [a/b, lip|]\n---\n'), undefined, 'a flow list that holds talks is left alone');
  assert.equal(at('---\ntalks:\n  - id: a/b\n    title: x|\n---\n'), undefined, 'a title value is free text');
});

test('ids and speakers are found by indentation, whatever the key order', () => {
  assert.equal(at('---\ntalks:\n  - title: x\n    id: kub|\n---\n')?.kind, 'talk-id');
  const speaker = at('---\ntalks:\n  - id: a/b\n    speakers:\n      - name: Ab|\n---\n');
  assert.deepEqual([speaker?.kind, speaker?.kind === 'speaker' && speaker.keyColumn, speaker?.replaced], ['speaker', 8, 'Ab']);
  assert.equal(at('---\nspeakers:\n  - name: Ab|\n---\n'), undefined, 'speakers: outside talks: is not ours');
});

test('body references: the query after the trigger, never in code spans or after prose runs', () => {
  assert.deepEqual(pick(at('---\nevent: x\n---\n\n- @@lipstick pig|\n')), ['reference', undefined, '@@lipstick pig']);
  assert.equal(at('---\nevent: x\n---\n\nuse `@@lip|`\n'), undefined);
  assert.equal(at('---\nevent: x\n---\n\nmail me @@ ' + 'x'.repeat(100) + '|\n'), undefined);
  assert.equal(at('---\nevent: x\n# @@lip|\n---\n'), undefined, 'comments in frontmatter');
});

function pick(c: ReturnType<typeof at>): [string | undefined, string | undefined, string | undefined] {
  return [c?.kind, c && 'prefix' in c ? c.prefix : undefined, c?.replaced];
}
