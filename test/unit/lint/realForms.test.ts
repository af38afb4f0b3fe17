import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRecordingUrl } from '../../../src/core/links/recordingHosts';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { indexCatalog } from '../../../src/core/references/indexCatalog';
import { inferEvents } from '../../../src/core/references/inferEvents';
import { findPlaceholders } from '../../../src/core/references/placeholders';
import { urlKey } from '../../../src/core/links/urlKey';
import { applyEdits, index, lint, only, refs } from './support';

// Issue 13: the forms real blog posts use to point at talks and show recordings.

const infer = (text: string) => inferEvents(parseRecap('blog/post.md', text), index, indexCatalog(index));

test('a post without event: is about the events of the talks it links to', () => {
  assert.deepEqual(infer('I saw [this](https://fosdem.org/2016/schedule/event/jenkins_as_code/) and more.\n'), ['fosdem-2016']);
  assert.deepEqual(infer('See https://archive.fosdem.org/2015/schedule/event/not_in_the_index/ there.\n'), ['fosdem-2015']);
});

test('without links, the event its text names by name and year; nothing when it names none', () => {
  assert.deepEqual(infer('---\ntitle: Surviving FOSDEM 2020\n---\n\nWhat a weekend.\n'), ['fosdem-2020']);
  assert.deepEqual(infer("# Surviving FOSDEM '26\n"), ['fosdem-2026']);
  assert.deepEqual(infer('# My holidays in 2020\n'), []);
});

// A talk of the bundled index with its schedule page and recording.
const TALK = 'fosdem-2023/container_developer_tooling';
const TITLE = 'Touring the container developer tooling landscape';

function missingVideo(body: string): string[] {
  return only(lint(`---\nevent: fosdem-2023\n---\n\n${body}`).findings, 'missing-video').map((f) => f.talk ?? '');
}

test('every embed form counts as the recording of the talk in its block', () => {
  const forms = [
    `<video controls src="https://video.fosdem.org/2023/x/tooling.webm"></video>`,
    `<video controls>\n  <source src="/videos/tooling.mp4" type="video/mp4">\n</video>`,
    `<iframe width="560" src="https://www.youtube-nocookie.com/embed/abcdefghijk?rel=0" allowfullscreen></iframe>`,
    `<iframe src="https://player.vimeo.com/video/123456789"></iframe>`,
    `{{< youtube abcdefghijk >}}`,
    `{{< youtube id="abcdefghijk" >}}`,
    `{{% vimeo 123456789 %}}`,
    `{% include youtube.html id="abcdefghijk" %}`,
    `{% youtube abcdefghijk %}`,
    `<YouTube id="abcdefghijk" />`,
    `<LiteYouTubeEmbed id="abcdefghijk" title="the talk" />`,
    `Watch it: <video src="https://mirrors.dotsrc.org/fosdem/2023/x/tooling.mp4"></video>`,
  ];
  assert.deepEqual(missingVideo(`## ${TITLE}\n\nNotes.\n\n`), [TALK]);
  for (const form of forms) assert.deepEqual(missingVideo(`## ${TITLE}\n\nNotes.\n\n${form}\n`), [], form);
  // In a paragraph right after the talk's.
  assert.deepEqual(missingVideo(`${TITLE} was great.\n\n{{< youtube abcdefghijk >}}\n`), []);
});

test('a tweet, an image or a slides iframe is no recording', () => {
  for (const form of [
    `{{< tweet user="fosdem" id="1224704337394561025" >}}`,
    `{{< image src="https://live.staticflickr.com/x.jpg" title="talk" >}}`,
    `![the room](https://example.org/room.png)`,
    `<iframe src="https://speakerdeck.com/player/abc"></iframe>`,
    `<img src="https://example.org/x.mp4.png">`,
  ]) {
    assert.deepEqual(missingVideo(`## ${TITLE}\n\nNotes.\n\n${form}\n`), [TALK], form);
  }
});

test('recordings on video.fosdem.org’s mirrors are recordings', () => {
  for (const url of [
    'https://mirrors.dotsrc.org/fosdem/2018/K.1.105/ring.webm',
    'https://ftp.fau.de/fosdem/2018/K.1.105/ring.webm',
    'https://ftp.osuosl.org/pub/fosdem/2018/K.1.105/ring.webm',
  ]) {
    assert.equal(isRecordingUrl(url), true, url);
  }
  assert.equal(isRecordingUrl('https://twitter.com/fosdem/status/1224704337394561025'), false);
});

test('URLs of one page share a key: scheme, www., trailing slash, display parameters and fragments aside', () => {
  const key = urlKey('https://fosdem.org/2023/schedule/event/container_developer_tooling/');
  for (const u of [
    'http://www.fosdem.org/2023/schedule/event/container_developer_tooling',
    'https://archive.fosdem.org/2023/schedule/event/container_developer_tooling/?iframe=no',
    'https://fosdem.org/2023/schedule/event/container_developer_tooling/#video',
    'https://fosdem.org/2023/schedule/event/container_developer_tooling/?utm_source=x&iframe=yes',
  ]) {
    assert.equal(urlKey(u), key, u);
  }
  assert.notEqual(urlKey('https://example.org/talk?id=1'), urlKey('https://example.org/talk?id=2'));
  assert.equal(urlKey('https://pretalx.com/pycon-2024/talk/ABC123/'), urlKey('https://cfp.example.org/pycon-2024/talk/abc123'));
  assert.equal(urlKey('https://kccnceu2023.sched.com/event/1HyX3/the-hackers-guide-to-kubernetes'), urlKey('https://sched.co/1HyX3'));
  assert.equal(urlKey('https://player.vimeo.com/video/123456789?h=1'), urlKey('https://vimeo.com/123456789'));
});

test('a link to the talk’s schedule page mentions it whatever its text, in every URL form', () => {
  for (const link of [
    `[this one](https://archive.fosdem.org/2023/schedule/event/container_developer_tooling/?iframe=no)`,
    `[a talk][t]\n\n[t]: http://www.fosdem.org/2023/schedule/event/container_developer_tooling`,
    `<https://fosdem.org/2023/schedule/event/container_developer_tooling/>`,
    `see https://fosdem.org/2023/schedule/event/container_developer_tooling/#top.`,
  ]) {
    assert.ok(
      refs(`---\nevent: fosdem-2023\n---\n\nI liked ${link}\n`).talks.some((t) => t.session?.fullId === TALK),
      link,
    );
  }
});

test('placeholders as people write them; nothing where the text promises nothing', () => {
  for (const text of [
    'The video is not available yet.',
    'I hope a recording will be uploaded.',
    'I will add the link once the videos are out.',
    'The recordings should be up soon.',
    'When the recording is published I will link it.',
  ]) {
    assert.equal(findPlaceholders(text).length, 1, text);
  }
  for (const text of [
    'The recording is not available.',
    'I will catch up on the recordings of the talks I missed.',
    'The video of last year was great.',
    'Once the videos started, the room went quiet.',
  ]) {
    assert.deepEqual(findPlaceholders(text), [], text);
  }
});

test('titles in setext headings, list items, bold and italic, and inside <details>', () => {
  for (const body of [
    `${TITLE}\n---------\n\nGreat talk.\n`,
    `- 10:00 - 10:30 **${TITLE}**\n`,
    `In *${TITLE}* Phil showed tools.\n`,
    `<details>\n<summary>Saturday</summary>\n\n- ${TITLE}\n\n</details>\n`,
  ]) {
    assert.ok(
      refs(`---\nevent: fosdem-2023\n---\n\n${body}`).talks.some((t) => t.session?.fullId === TALK),
      body,
    );
  }
});

test('a FOSDEM schedule URL mentions its talk on fosdem.org and archive.fosdem.org, any year', () => {
  const session = index.sessions.find((s) => s.eventId === 'fosdem-2012');
  assert.ok(session);
  for (const host of ['https://fosdem.org', 'https://archive.fosdem.org', 'http://www.fosdem.org']) {
    const text = `I saw [this](${host}/2012/schedule/event/${session.id}/) there.\n`;
    assert.ok(
      refs(text, 'blog/post.md').talks.some((t) => t.session === session),
      text,
    );
  }
});

test('missing-video offers the recording in the post’s own embed form, beside the plain link', () => {
  const session = index.sessions.find((s) => s.video && urlKey(s.video)?.startsWith('youtube:') && s.title.split(' ').length >= 4 && /^[\w ]+$/.test(s.title));
  assert.ok(session, 'a talk with a YouTube recording');
  const id = urlKey(session.video!)!.slice('youtube:'.length);
  for (const [existing, form] of [
    ['{{< youtube abcdefghijk >}}', `{{< youtube ${id} >}}`],
    ['{% include youtube.html id="abcdefghijk" %}', `{% include youtube.html id="${id}" %}`],
    ['<LiteYouTubeEmbed id="abcdefghijk" />', `<LiteYouTubeEmbed id="${id}" />`],
  ] as const) {
    const text = `---\nevent: ${session.eventId}\n---\n\n## Elsewhere\n\n${existing}\n\n## Talks\n\n${session.title} was great.\nReally.\n\nMore.\n`;
    const linted = lint(text);
    const finding = only(linted.findings, 'missing-video').find((f) => f.talk === session.fullId);
    assert.ok(finding, existing);
    const fixes = linted.fixes(finding);
    const fix = fixes.find((f) => f.title.includes(form));
    assert.ok(fix, `${existing}: ${fixes.map((f) => f.title).join(' | ')}`);
    assert.ok(applyEdits(text, fix.edits).includes(`Really.\n\n${form}\n\nMore.`), applyEdits(text, fix.edits));
    assert.ok(
      fixes.some((f) => f.title.startsWith('Link the title')),
      'the plain link stays on offer',
    );
  }
  // A post with no embeds gets no embed fix.
  const plain = `---\nevent: ${session.eventId}\n---\n\n${session.title} was great.\n`;
  const linted = lint(plain);
  const finding = only(linted.findings, 'missing-video').find((f) => f.talk === session.fullId);
  assert.ok(finding && !linted.fixes(finding).some((f) => f.title.startsWith('Embed')));
});
