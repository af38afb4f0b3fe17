import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readBundle } from '../../src/core/index/binaryBundle';
import { SessionIndex } from '../../src/core/index/sessionIndex';
import { SessionSearch } from '../../src/core/search/sessionSearch';
import { editDistance, words } from '../../src/core/search/words';

// The committed bundled index: FOSDEM 2007–2026 plus the seed events.
const index = new SessionIndex(readBundle(readFileSync(join(process.cwd(), 'data', 'bundled', 'index.bin')), 'bundled'));
const search = new SessionSearch(index);
const top = (q: string, n = 5, options = {}) => search.search(q, { limit: n, ...options }).map((r) => r.session.fullId);

const LIPSTICK = 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs';

test('words fold case, accents and ß', () => {
  assert.deepEqual(words('Roland Huß — Thomas Grønbæk, Bankdata A/S'), ['roland', 'huss', 'thomas', 'grønbæk', 'bankdata', 'a', 's']);
  assert.deepEqual(words('Márk Sági-Kazár'), ['mark', 'sagi', 'kazar']);
});

test('edit distance counts a swap as one and stops past the bound', () => {
  assert.equal(editDistance('kubernetes', 'kubernets', 2), 1);
  assert.equal(editDistance('lipstick', 'lipstik', 1), 1);
  assert.equal(editDistance('form', 'from', 1), 1);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
});

test('typos, word order and missing words from the issue find the talk first', () => {
  assert.equal(top('lipstik pig')[0], LIPSTICK);
  assert.equal(top('pig lipstick')[0], LIPSTICK);
  assert.equal(top('Abby Bangsr')[0]?.startsWith('kubecon-eu-2024/'), true);
  assert.ok(top('Abby Bangsr').includes(LIPSTICK));
  assert.equal(top('whitney lee vmware')[0], LIPSTICK);
  assert.equal(top('reproducible dockerfle')[0], 'fosdem-2023/container_reproducible_dockerfile');
  assert.equal(top('villains guide comunity')[0], 'state-of-open-con-2023/the-villains-guide-to-how-to-lose-your-community');
});

test('"kubernets" finds Kubernetes talks', () => {
  const results = search.search('kubernets', { limit: 10 });
  assert.equal(results.length, 10);
  for (const r of results.slice(0, 5)) assert.match(`${r.session.title} ${r.session.track ?? ''}`, /kube/i);
});

test('the recap’s own event ranks first, co-located events included', () => {
  const fosdem = top('containers', 5, { preferEvents: index.family('fosdem-2023') });
  assert.ok(
    fosdem.every((id) => id.startsWith('fosdem-2023/')),
    fosdem.join(', '),
  );
  const family = index.family('kubecon-eu-2024');
  assert.ok(family.has('kubecon-eu-2024-platform-engineering-day'));
  assert.ok(top('nicki watt beyond', 1, { preferEvents: family })[0]?.startsWith('kubecon-eu-2024-platform-engineering-day/'));
});

test('a full id finds that session first; nothing matching gives nothing', () => {
  assert.equal(top(LIPSTICK)[0], LIPSTICK);
  assert.deepEqual(top('zzqxjv wqzzv'), []);
  assert.deepEqual(top('   '), []);
});

test('typing a query keystroke by keystroke keeps the talk in the top results once the words are there', () => {
  const query = 'reproducible builds dockerfile';
  const expected = 'fosdem-2023/container_reproducible_dockerfile';
  for (let i = 'reproducible bu'.length; i <= query.length; i++) {
    assert.ok(top(query.slice(0, i), 10).includes(expected), `"${query.slice(0, i)}"`);
  }
});

test('never more results than asked for, and onlyEvents filters', () => {
  assert.equal(search.search('linux', { limit: 100 }).length, 100);
  const only = search.search('linux', { limit: 50, onlyEvents: new Set(['fosdem-2010']) });
  assert.ok(only.length > 0 && only.every((r) => r.session.eventId === 'fosdem-2010'));
});
