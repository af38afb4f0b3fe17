import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { talkAt } from '../../../src/core/talks/talkAt';
import { index, lint } from '../lint/support';

// The bundled talk that has all three links: a recording, slides and a schedule page.
const ROBRIX = 'fosdem-2025/fosdem-2025-5841-robrix-a-pure-rust-multi-platform-matrix-client-and-more';
const robrix = index.get(ROBRIX)!;
const TITLE = robrix.title;
// A talk with slides but no recording.
const PATHWAYS = 'fosdem-2023/pathways_that_invest_in_new_maintainers';
const pathways = index.get(PATHWAYS)!;

/**
 * Lints `marked` (a `|` marks where a person points, `[[…]]` nothing else)
 * and asks talkAt there, from the lint's own references.
 */
function pointAt(marked: string, event = 'fosdem-2025') {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'a | marks the cursor');
  const body = marked.slice(0, offset) + marked.slice(offset + 1);
  const text = `---\nevent: ${event}\n---\n\n${body}`;
  const at = offset + text.indexOf(body);
  const result = lint(text);
  const found = talkAt(result.references, at);
  return { text, found, findings: result.findings, covered: found && text.slice(found.range.start, found.range.end) };
}

/** `TITLE` with the cursor after its first `cut` characters. */
const cursorIn = (s: string, cut = 8) => `${s.slice(0, cut)}|${s.slice(cut)}`;

test('a title in prose, in a heading and in a list item: the card, over the title', () => {
  for (const marked of [`I liked ${cursorIn(TITLE)} a lot.\n`, `## ${cursorIn(TITLE)}\n\nNotes.\n`, `- ${cursorIn(TITLE)} — Julian Montes de Oca\n`]) {
    const { found, covered } = pointAt(marked);
    assert.equal(found?.session.fullId, ROBRIX, marked);
    assert.equal(covered, TITLE, marked);
  }
});

test('a link to the recording, to the slides, to the schedule page: the card, over the link', () => {
  for (const url of [robrix.video!, robrix.slides!, robrix.schedule!]) {
    const link = `[a link](${url.replace(/ /g, '%20')})`;
    const { found, covered } = pointAt(`See ${cursorIn(link, 3)} for more.\n`);
    assert.equal(found?.session.fullId, ROBRIX, url);
    assert.equal(covered, link, url);
  }
  // A bare URL is a link too.
  const { found } = pointAt(`Slides: ${cursorIn(robrix.slides!, 20)}\n`);
  assert.equal(found?.session.fullId, ROBRIX);
});

test('a full id in prose: the card, over the id', () => {
  const { found, covered } = pointAt(`The talk ${cursorIn(ROBRIX, 15)} was fun.\n`);
  assert.equal(found?.session.fullId, ROBRIX);
  assert.equal(covered, ROBRIX);
  // Its last part spells the title, but it is the id, wherever the cursor is in it.
  const inTitleWords = pointAt(`The talk ${cursorIn(ROBRIX, ROBRIX.indexOf('robrix-a-pure') + 3)} was fun.\n`);
  assert.equal(inTitleWords.covered, ROBRIX);
  const mentions = lint(inTitleWords.text).references!.talks.find((t) => t.session?.fullId === ROBRIX)!.mentions;
  assert.deepEqual(
    mentions.map((m) => m.kind),
    ['id'],
  );
  // The cursor right after the id (where a keyboard leaves it) still counts.
  assert.equal(pointAt(`The talk ${ROBRIX}| was fun.\n`).found?.session.fullId, ROBRIX);
});

test('the same title, link and id inside a code span or a fenced block: nothing, and the lint agrees', () => {
  const link = `[a link](${robrix.video})`;
  const cases = [
    `Not this: \`${cursorIn(TITLE)}\`.\n`,
    `Not this: \`${cursorIn(link, 3)}\`.\n`,
    `Not this: \`${cursorIn(ROBRIX, 15)}\`.\n`,
    `\`\`\`\n${cursorIn(TITLE)}\n\`\`\`\n`,
    `\`\`\`markdown\n${cursorIn(link, 3)}\n\`\`\`\n`,
    `~~~\n${cursorIn(ROBRIX, 15)}\n~~~\n`,
  ];
  for (const marked of cases) {
    const { found, findings } = pointAt(marked);
    assert.equal(found, undefined, marked);
    assert.deepEqual(
      findings.filter((f) => f.talk === ROBRIX),
      [],
      marked,
    );
  }
});

test('between mentions and on other words: nothing', () => {
  assert.equal(pointAt(`I li|ked ${TITLE} a lot.\n`).found, undefined);
  assert.equal(pointAt(`Nothing here a|t all.\n`).found, undefined);
});

test('the frontmatter’s id and title answer; a frontmatter that does not parse does not', () => {
  const ok = `---\nevent: fosdem-2025\ntalks:\n  - id: ${ROBRIX}\n    title: "${TITLE}"\n---\n`;
  const refs = lint(ok).references;
  const idAt = ok.indexOf(ROBRIX) + 5;
  assert.equal(talkAt(refs, idAt)?.session.fullId, ROBRIX);
  assert.equal(talkAt(refs, ok.indexOf(TITLE) + 5)?.session.fullId, ROBRIX);
  const broken = ok.replace('    title:', '      title:');
  assert.equal(talkAt(lint(broken).references, idAt), undefined);
});

test('a slides link mentions the talk but is no recording: missing-video still speaks, where hover answers', () => {
  const link = `[slides](${pathways.slides})`;
  const { found, findings, text } = pointAt(`- ${cursorIn(link, 3)}\n`, 'fosdem-2023');
  assert.equal(found?.session.fullId, PATHWAYS);
  const missing = findings.filter((f) => f.code === 'missing-video');
  assert.deepEqual(
    missing.map((f) => [text.slice(f.start, f.end), f.message]),
    [[link, `“${pathways.title}” has no video link: add its recording once it is published.`]],
  );
  // A title in prose without a recording: the finding sits where the hover answers.
  const prose = pointAt(`I liked ${cursorIn(pathways.title)}.\n`, 'fosdem-2023');
  const [f] = prose.findings.filter((x) => x.code === 'missing-video');
  assert.equal(prose.found?.session.fullId, PATHWAYS);
  assert.deepEqual([f!.start, f!.end], [prose.found!.range.start, prose.found!.range.end]);
  // The recording beside the slides link settles it.
  const both = pointAt(`- [slides](${robrix.slides}) and [vid|eo](${robrix.video})\n`);
  assert.equal(both.found?.session.fullId, ROBRIX);
  assert.deepEqual(
    both.findings.filter((x) => x.code === 'missing-video'),
    [],
  );
});
