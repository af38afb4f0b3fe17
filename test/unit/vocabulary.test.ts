import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Vocabulary } from '../../src/core/search/vocabulary';
import { words } from '../../src/core/search/words';

const scanned = (vocabulary: Vocabulary, text: string) => {
  const out: string[] = [];
  vocabulary.scan(text, (id) => out.push(vocabulary.terms[id]!));
  return out;
};

test('scan splits as words() does, on ASCII and on accented text', () => {
  const v = new Vocabulary();
  for (const text of [
    'Sometimes, Lipstick Is Exactly What a Pig Needs!',
    'Roland Huß — Thomas Grønbæk, Bankdata A/S',
    'K8s & GitOps @ ING',
    'abc ﬁx café',
    '',
  ]) {
    assert.deepEqual(scanned(v, text), words(text), text);
  }
});

test('a word gets one id however it was cased or reached', () => {
  const v = new Vocabulary();
  const ids: number[] = [];
  v.scan('Kubernetes KUBERNETES kubernetes', (id) => ids.push(id));
  assert.equal(new Set(ids).size, 1);
  assert.equal(v.idOf('kubernetes'), ids[0]);
  assert.equal(v.intern('kubernetes'), ids[0]);
  assert.equal(v.idOf('Kubernetes'), undefined, 'idOf takes words as words() gives them: lower case');
  assert.equal(v.idOf('kube'), undefined);
});

test('property: scan agrees with words() and interning is stable across table growth', () => {
  const unit = fc.constantFrom('a', 'B', 'z', '0', ' ', '-', 'é', 'ß', 'Ø', '/', 'ﬁ', 'x', 'Y');
  fc.assert(
    fc.property(fc.array(fc.string({ unit, maxLength: 30 }), { maxLength: 200 }), (texts) => {
      const v = new Vocabulary();
      for (const text of texts) assert.deepEqual(scanned(v, text), words(text));
      for (const [id, term] of v.terms.entries()) assert.equal(v.idOf(term), id);
      assert.equal(new Set(v.terms).size, v.terms.length, 'no word twice');
    }),
  );
});

test('thousands of distinct words keep their ids', () => {
  const v = new Vocabulary();
  for (let i = 0; i < 20_000; i++) v.scan(`speaker${i} talk${i % 97}`, () => {});
  assert.equal(v.size, 20_000 + 97);
  assert.equal(v.terms[v.idOf('speaker12345')!], 'speaker12345');
});
