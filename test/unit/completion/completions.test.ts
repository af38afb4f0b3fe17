import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { completeAt, type CompletionEntry } from '../../../src/core/completion/completions';
import { readBundle } from '../../../src/core/index/binaryBundle';
import { SessionIndex } from '../../../src/core/index/sessionIndex';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { SessionSearch } from '../../../src/core/search/sessionSearch';
import { LIPSTICK, lipstickEntryLines } from '../../fixtures/lipstick';

const index = new SessionIndex(readBundle(readFileSync(join(process.cwd(), 'data', 'bundled', 'index.bin')), 'bundled'));
const search = new SessionSearch(index);

/** Completes at the `|` in the text; returns the items and a function applying one. */
function at(marked: string, options: { addToTalks?: boolean; template?: string } = {}) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const parsed = parseRecap('recaps/kubecon.md', text);
  const list = completeAt(parsed, offset, { index, search, trigger: '@@', addToTalks: options.addToTalks, referenceTemplate: options.template });
  const apply = (item: CompletionEntry) => {
    const edits = [{ ...item.replace, newText: item.insertText }, ...item.additionalEdits].sort((a, b) => b.start - a.start);
    return edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
  };
  return { ...list, text, apply };
}

const frontmatterOf = (text: string) => parse(text.split('---')[1]!) as Record<string, unknown>;

test('event: values come from the index, filtered by what is typed', () => {
  const r = at('---\nevent: kubecon|\ntalks: []\n---\n');
  assert.equal(r.items[0]!.label, 'kubecon-eu-2024');
  assert.ok(r.items.every((i) => i.label.includes('kubecon')));
  assert.equal(r.apply(r.items[0]!), '---\nevent: kubecon-eu-2024\ntalks: []\n---\n');
  // Hundreds of events: an empty value lists the newest; a word narrows to them.
  const fosdem = at('---\nevent: fosdem|\n---\n');
  assert.ok(fosdem.items.some((i) => i.label === 'fosdem-2023'));
  assert.ok(at('---\nevent: |\n---\n').items.length > 0);
});

test('a talks: item inserts the whole entry with valid YAML and right indentation', () => {
  const r = at('---\nevent: kubecon-eu-2024\ntalks:\n  - lipstick pig|\n---\n\nBody\n');
  assert.equal(r.items[0]!.talk, LIPSTICK);
  const out = r.apply(r.items[0]!);
  assert.equal(out, ['---', 'event: kubecon-eu-2024', 'talks:', ...lipstickEntryLines(), '---', '', 'Body', ''].join('\n'));
  const fm = frontmatterOf(out);
  assert.equal((fm['talks'] as { id: string }[])[0]!.id, LIPSTICK);
  assert.equal(r.isIncomplete, true);
});

test('talks: [] becomes a block list when the first talk is picked, and listed talks are not offered again', () => {
  const r = at('---\nevent: kubecon-eu-2024\ntalks: []|\n---\n');
  const item = r.items.find((i) => i.talk === LIPSTICK)!;
  const out = r.apply(item);
  assert.match(out, /^---\nevent: kubecon-eu-2024\ntalks:\n {2}- id: kubecon-eu-2024\/sometimes/);
  assert.equal((frontmatterOf(out)['talks'] as unknown[]).length, 1);
  const again = at(`---\nevent: kubecon-eu-2024\ntalks:\n  - id: ${LIPSTICK}\n  - |\n---\n`);
  assert.ok(again.items.length > 0);
  assert.ok(!again.items.some((i) => i.talk === LIPSTICK));
  assert.ok(
    again.items.every((i) => i.talk!.startsWith('kubecon-eu-2024')),
    'own event only when nothing is typed',
  );
});

test('id: completes full ids; a typo still finds the talk', () => {
  const r = at('---\nevent: kubecon-eu-2024\ntalks:\n  - id: lipstik|\n---\n');
  assert.equal(r.items[0]!.label, LIPSTICK);
  assert.equal(r.apply(r.items[0]!), `---\nevent: kubecon-eu-2024\ntalks:\n  - id: ${LIPSTICK}\n---\n`);
});

test('speakers: the talk’s own speakers first, with affiliation on its own line', () => {
  const r = at(
    `---\nevent: kubecon-eu-2024\ntalks:\n  - id: ${LIPSTICK}\n    speakers:\n      - name: Abby Bangser\n        affiliation: Syntasso\n      - name: |\n---\n`,
  );
  assert.equal(r.items[0]!.label, 'Whitney Lee');
  const out = r.apply(r.items[0]!);
  assert.match(out, /\n {6}- name: Whitney Lee\n {8}affiliation: VMware\n---/);
  const speakers = (frontmatterOf(out)['talks'] as { speakers: unknown[] }[])[0]!.speakers;
  assert.deepEqual(speakers[1], { name: 'Whitney Lee', affiliation: 'VMware' });
  const bare = at(`---\nevent: kubecon-eu-2024\ntalks:\n  - id: ${LIPSTICK}\n    speakers:\n      - Whit|\n---\n`);
  assert.match(bare.apply(bare.items[0]!), /\n {6}- name: Whitney Lee\n {8}affiliation: VMware\n---/);
});

test('the body trigger inserts a reference from the template and can add the talk to talks:', () => {
  const r = at('---\nevent: kubecon-eu-2024\ntalks: []\n---\n\n## Talks\n\n- @@lipstick|\n', { addToTalks: true });
  assert.equal(r.items[0]!.talk, LIPSTICK);
  const out = r.apply(r.items[0]!);
  // The seeds give no link for this talk: the title stays plain text rather than an empty link.
  assert.match(out, /\n- Sometimes, Lipstick Is Exactly What a Pig Needs! — Abby Bangser \(Syntasso\), Whitney Lee \(VMware\)\n$/);
  assert.equal((frontmatterOf(out)['talks'] as { id: string }[])[0]!.id, LIPSTICK);
  const fosdem = at('---\nevent: fosdem-2023\n---\n\n- @@reproducible dockerfile|\n');
  assert.equal(fosdem.items[0]!.talk, 'fosdem-2023/container_reproducible_dockerfile');
  assert.match(fosdem.apply(fosdem.items[0]!), /\n- \[[^\]]+\]\(https:\/\/video\.fosdem\.org\/2023\/[^)]+\) — /);
  const plain = at('---\nevent: kubecon-eu-2024\n---\n\n@@lipstick|', { template: '{title} by {names}' });
  assert.equal(
    plain.apply(plain.items[0]!),
    '---\nevent: kubecon-eu-2024\n---\n\nSometimes, Lipstick Is Exactly What a Pig Needs! by Abby Bangser, Whitney Lee',
  );
});

test('no completion in comments, code, non-recaps or plain text', () => {
  assert.equal(at('---\nevent: kubecon-eu-2024 # kub|\n---\n').items.length, 0);
  assert.equal(at('---\n# event: kub|\nevent: x\n---\n').items.length, 0);
  assert.equal(at('---\nevent: kubecon-eu-2024\n---\n\n```\n@@lipstick|\n```\n').items.length, 0);
  assert.equal(at('---\nevent: kubecon-eu-2024\n---\n\nsee `@@lipstick|`\n').items.length, 0);
  assert.equal(at('---\nevent: kubecon-eu-2024\n---\n\nJust prose|\n').items.length, 0);
  const notRecap = parseRecap('notes/todo.md', '# Todo\n\n@@lipstick');
  assert.equal(completeAt(notRecap, notRecap.text.length, { index, search, trigger: '@@' }).items.length, 0);
});

test('a broken frontmatter still completes', () => {
  const r = at('---\ntitle: "unclosed\nevent: kubecon|\n---\n');
  assert.equal(r.items[0]?.label, 'kubecon-eu-2024');
  const unclosed = at('---\nevent: fosdem-20|');
  assert.ok(unclosed.items.some((i) => i.label === 'fosdem-2023'));
});
