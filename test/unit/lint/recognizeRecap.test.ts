import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeAt } from '../../../src/core/completion/completions';
import { lintRecap } from '../../../src/core/lint/lintRecap';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { indexCatalog } from '../../../src/core/references/indexCatalog';
import { inferEvents } from '../../../src/core/references/inferEvents';
import { index, search } from './support';

// Issue 13: a post is a recap without configuration when it mentions talks of a known event clearly enough.

const check = (text: string, path = 'content/posts/post.md') => lintRecap(parseRecap(path, text), { index, search, onlyRecaps: true });
const recognition = (text: string, path?: string) => check(text, path).recognition!;

const schedule = (id: string) => `https://fosdem.org/2023/schedule/event/${id}/`;
const A = { id: 'cyber_resilience', title: 'How regulating software for the European market could impact FOSS' };
const B = { id: 'elisa', title: 'The ELISA Project - Enabling Linux in Safety Applications' };
const C = { id: 'similarity_detection', title: 'Similarity Detection in Online Integrity' };
const D = { id: 'sustaining_foss', title: 'Sustaining Free and Open Source Software' };

test('two linked talks make a recap; one link in passing does not', () => {
  const one = `# Notes from the weekend\n\nI caught [a talk on the CRA](${schedule(A.id)}) between two coffees.\n`;
  assert.equal(recognition(one).isRecap, false);
  assert.equal(check(one).findings.length, 0);
  const two = `${one}\nAnd [the ELISA one](${schedule(B.id)}) too.\n`;
  const r = recognition(two);
  assert.deepEqual({ isRecap: r.isRecap, by: r.by, links: r.links, events: r.events }, { isRecap: true, by: 'mentions', links: 2, events: ['fosdem-2023'] });
  assert.ok(check(two).findings.some((f) => f.code === 'missing-video'));
});

test('an embedded recording of an indexed talk counts as a link to it', () => {
  const text = `# Two talks\n\n<video src="https://video.fosdem.org/2023/Janson/cyber_resilience.mp4"></video>\n\n<video src="https://video.fosdem.org/2023/Janson/elisa.mp4"></video>\n`;
  assert.equal(recognition(text).links, 2);
  assert.equal(recognition(text).isRecap, true);
});

test('three titles of the event the post names make a recap; two do not', () => {
  const two = `---\ntitle: "FOSDEM 2023"\n---\n\n## ${A.title}\n\nGood.\n\n## ${B.title}\n\nAlso good.\n`;
  assert.deepEqual(inferEvents(parseRecap('post.md', two), index, indexCatalog(index)), ['fosdem-2023']);
  assert.equal(recognition(two).titles, 2);
  assert.equal(recognition(two).isRecap, false);
  const three = `${two}\n## ${C.title}\n\nThe best one.\n`;
  assert.equal(recognition(three).titles, 3);
  assert.equal(recognition(three).isRecap, true);
});

test('titles alone never count without an event the post names', () => {
  const text = `# Talks I liked\n\n- ${A.title}\n- ${B.title}\n- ${C.title}\n- ${D.title}\n`;
  assert.deepEqual(recognition(text), { isRecap: false, by: undefined, links: 0, titles: 0, events: [] });
});

test('one link and two more titles of its event make a recap', () => {
  const text = `# A weekend in Brussels\n\n- [${A.title}](${schedule(A.id)})\n- ${B.title}\n- ${C.title}\n`;
  const r = recognition(text);
  assert.deepEqual([r.isRecap, r.links, r.titles], [true, 1, 3]);
  const fewer = `# A weekend in Brussels\n\n- [${A.title}](${schedule(A.id)})\n- ${B.title}\n`;
  assert.equal(recognition(fewer).isRecap, false);
});

test('event:, talks: and a recaps/ folder still declare a recap, mentions or not', () => {
  assert.equal(recognition('---\nevent: fosdem-2023\n---\n\nNothing yet.\n').by, 'declared');
  assert.equal(recognition('+++\ntitle = "x"\n[[talks]]\nid = "fosdem-2023/elisa"\n+++\n').by, 'declared');
  assert.equal(recognition('Nothing yet.\n', 'blog/recaps/2023/fosdem.md').by, 'declared');
  assert.equal(recognition('Nothing yet.\n').isRecap, false);
});

test('event names as posts write them are inferred', () => {
  const infer = (text: string) => inferEvents(parseRecap('post.md', text), index, indexCatalog(index));
  assert.deepEqual(infer('# KubeCon EU 2024: my notes\n'), ['kubecon-eu-2024']);
  assert.deepEqual(infer('Back from KubeCon + CloudNativeCon Europe 2024.\n'), ['kubecon-eu-2024']);
  assert.deepEqual(infer('Three days at KubeCon Paris 2024.\n'), ['kubecon-eu-2024']);
  assert.deepEqual(infer('State of Open Con 2023 - My Top 5 Sessions\n'), ['state-of-open-con-2023']);
  assert.deepEqual(infer('I went to DevConf.cz 2023 in Brno.\n'), ['devconf-cz-2023']);
  assert.deepEqual(infer('A lightning talk at PyCon US 2024.\n'), ['pycon-us-2024']);
  assert.deepEqual(infer('# Back from FOSDEM2020\n'), ['fosdem-2020']);
  assert.deepEqual(infer('---\ntitle: "FOSDEM`20"\n---\n'), ['fosdem-2020']);
  assert.deepEqual(infer('---\ntags: [travel, fosdem-2024]\n---\n\nA weekend in Brussels.\n'), ['fosdem-2024']);
  // Too vague (several PyCons in 2024), or not a name at all.
  assert.deepEqual(infer('A lightning talk at PyCon 2024.\n'), []);
  assert.deepEqual(infer('The Olympics in Paris 2024.\n'), []);
  assert.deepEqual(infer('See https://example.org/fosdem-2024/photos for the photos.\n'), []);
});

test('a post that names no event is dismissed without a reference search', () => {
  const parsed = parseRecap('notes.md', '# Notes\n\nNothing about conferences here.\n');
  const result = lintRecap(parsed, { index, search, onlyRecaps: true });
  assert.equal(result.recognition!.isRecap, false);
  assert.equal(result.references, undefined);
});

test('completion in a recognised post: the lint’s verdict opens it, as in a declared recap', () => {
  const text = `# A weekend in Brussels\n\n- [${A.title}](${schedule(A.id)})\n- [${B.title}](${schedule(B.id)})\n- @@elisa`;
  const parsed = parseRecap('content/posts/post.md', text);
  const options = { index, search, trigger: '@@' };
  assert.equal(completeAt(parsed, text.length, options).items.length, 0);
  const recognized = check(text).recognition!.isRecap;
  assert.equal(recognized, true);
  assert.ok(completeAt(parsed, text.length, { ...options, recognized }).items.length > 0);
});
