import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { PREVIEW_MAX_SIZE_SETTING, tooLargePage } from '../../../src/core/preview/tooLarge';

test('a recap over the preview limit gets a page that says so, names the setting, and runs nothing', () => {
  const page = tooLargePage(10_000_000, 2_000_000);
  assert.match(page, /too large to preview/);
  assert.match(page, /It is 10 MB; the preview renders recaps up to 2\.0 MB/);
  assert.ok(page.includes(`<code>${PREVIEW_MAX_SIZE_SETTING}</code>`) && PREVIEW_MAX_SIZE_SETTING === 'recap.preview.maxSize');
  assert.ok(!/<script/i.test(page));
  assert.match(page, /default-src 'none'/);
});
