import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPlaceholders, isPlaceholderValue } from '../../../src/core/references/placeholders';
import { at, lint, only } from './support';

test('placeholder wordings that promise a recording are found; link texts and final statements are not', () => {
  const found = (s: string) => findPlaceholders(s).map((p) => p.text);
  assert.deepEqual(found('Video and presentation not yet available, more to come soon.'), ['Video and presentation not yet available']);
  assert.deepEqual(found('(video coming soon)'), ['video coming soon']);
  assert.deepEqual(found('Recording TBD'), ['Recording TBD']);
  assert.deepEqual(found('TODO: video'), ['TODO: video']);
  assert.deepEqual(found('TODO add the recording link'), ['TODO add the recording link']);
  assert.deepEqual(found('video: to follow'), ['video: to follow']);
  assert.deepEqual(found('no video yet'), ['no video yet']);
  assert.deepEqual(found('the recordings will be published soon'), ['recordings will be published soon']);
  assert.deepEqual(found('(video — presentation)'), []);
  assert.deepEqual(found('the recording is not available because of a power cut'), []);
  assert.deepEqual(found('videos are on YouTube'), []);
  assert.ok(isPlaceholderValue('TBD') && isPlaceholderValue('coming soon') && !isPlaceholderValue('https://youtu.be/x'));
});

test('a placeholder beside a talk whose recording nobody has yet is an info that says to come back', () => {
  const text = `---
event: kubecon-eu-2024
---

## From OpenShift Commons Gathering

- From Platform Engineering to Developer Success — video and presentation not yet available, more to come soon.
`;
  const { findings } = lint(text);
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity, at(text, f), f.message]),
    [
      [
        'video-placeholder',
        'info',
        'video and presentation not yet available',
        '“video and presentation not yet available”: the recording of “From Platform Engineering to Developer Success” is not out yet; come back later and link it.',
      ],
    ],
  );
  assert.equal(findings[0]!.talk, 'kubecon-eu-2024-openshift-commons-gathering/from-platform-engineering-to-developer-success');
});

test('`video: TBD` in the frontmatter and `[video](TODO)` in the text are placeholders too; one about no talk still counts', () => {
  // A talk the index has no recording of (the Memes talk used before got its recording from the KubeCon Sched data).
  const text = `---
event: kubecon-eu-2024
talks:
  - id: kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs
    video: TBD
---

- Boosting Developer Platform Teams with Product Thinking [video](TODO)

All recordings will be published soon.
`;
  const findings = only(lint(text).findings, 'video-placeholder');
  assert.deepEqual(
    findings.map((f) => at(text, f)),
    ['TBD', '[video](TODO)', 'recordings will be published soon'],
  );
  assert.match(findings[2]!.message, /come back later/);
  assert.deepEqual(only(lint(text).findings, 'missing-video'), []);
  assert.deepEqual(only(lint(text).findings, 'invalid-link'), []);
});

test('a link target of x’s or question marks is a placeholder however long it is', () => {
  const text = `---
event: kubecon-eu-2024
---

- Boosting Developer Platform Teams with Product Thinking [recording](xxxxxxxx), [video](???????)
`;
  assert.deepEqual(
    only(lint(text).findings, 'video-placeholder').map((f) => at(text, f)),
    ['[recording](xxxxxxxx)', '[video](???????)'],
  );
});
