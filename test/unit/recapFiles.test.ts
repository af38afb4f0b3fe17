import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitFrontmatter } from '../../src/core/recap/frontmatter';
import { isRecapFile } from '../../src/core/recap/recapFiles';

const fm = (text: string) => splitFrontmatter(text).frontmatter;

test('frontmatter with event: or talks: makes a recap', () => {
  assert.equal(isRecapFile('/blog/post.md', fm('---\nevent: fosdem-2023\n---\n')), true);
  assert.equal(isRecapFile('/blog/post.md', fm('---\ntalks: []\n---\n')), true);
});

test('other Markdown is left alone unless it sits under recaps/', () => {
  assert.equal(isRecapFile('/blog/post.md', fm('---\ntitle: Hello\n---\n')), false);
  assert.equal(isRecapFile('/blog/README.md', undefined), false);
  assert.equal(isRecapFile('/blog/recaps/2024/kubecon.md', undefined), true);
  assert.equal(isRecapFile('C:\\blog\\recaps\\kubecon.md', undefined), true);
  assert.equal(isRecapFile('/blog/recaps.md', undefined), false, 'the file name itself does not count');
});
