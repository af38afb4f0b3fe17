import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readBundle } from '../../../src/core/index/binaryBundle';
import { SessionIndex } from '../../../src/core/index/sessionIndex';
import { indexCatalog, indexCatalogInSlices } from '../../../src/core/references/indexCatalog';

const bundle = join(process.cwd(), 'data', 'bundled', 'index.bin');
const fresh = () => new SessionIndex(readBundle(readFileSync(bundle), 'bundled'));

test('the catalog built a slice at a time answers as the one built at once, and yields between slices', async () => {
  const whole = indexCatalog(fresh());
  const index = fresh();
  let pauses = 0;
  const sliced = await indexCatalogInSlices(index, () => {
    pauses++;
    return Promise.resolve();
  });
  assert.ok(pauses >= index.sessions.length / 250, `paused ${pauses} times for ${index.sessions.length} sessions`);
  assert.equal(indexCatalog(index), sliced, 'the index keeps the one catalog');
  assert.equal(await indexCatalogInSlices(index, () => Promise.reject(new Error('built already'))), sliced);
  let compared = 0;
  for (const [i, s] of index.sessions.entries()) {
    const key = sliced.patterns[i]!.key;
    assert.equal(key, whole.patterns[i]!.key);
    assert.equal(sliced.inSeveralEvents(key), whole.inSeveralEvents(key));
    assert.equal(sliced.sessionsWithTitle(key).length, whole.sessionsWithTitle(key).length);
    for (const url of [s.video, s.slides, s.schedule]) {
      if (!url) continue;
      assert.equal(sliced.sessionByHref(url)?.session.fullId, whole.sessionByHref(url)?.session.fullId, url);
      compared++;
    }
  }
  assert.ok(compared > 30_000, `${compared} URLs compared`);
});

test('asked for at once while slices are under way, the catalog is completed first', async () => {
  const index = fresh();
  let release: () => void = () => undefined;
  const building = indexCatalogInSlices(index, () => new Promise<void>((resolve) => (release = resolve)));
  // One slice built, the rest waiting: a synchronous caller must not see a part.
  const now = indexCatalog(index);
  const title = index.sessions[index.sessions.length - 1]!;
  assert.ok(now.sessionsWithTitle(now.patterns[index.sessions.length - 1]!.key).includes(title), 'the last session is catalogued');
  let done = false;
  void building.then(() => (done = true));
  while (!done) {
    release();
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.equal(await building, now);
});
