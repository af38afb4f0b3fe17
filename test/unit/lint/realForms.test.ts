import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { indexCatalog } from '../../../src/core/references/indexCatalog';
import { inferEvents } from '../../../src/core/references/inferEvents';
import { index } from './support';

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
