import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../src/core/text/lineIndex';

test('positions of offsets on LF and CRLF text', () => {
  const lines = new LineIndex('ab\r\ncd\nef');
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(8), { line: 2, character: 1 });
  assert.deepEqual(lines.positionAt(999), { line: 2, character: 2 });
  assert.equal(lines.lineText(0), 'ab');
  assert.equal(lines.lineText(1), 'cd');
  assert.equal(lines.lineCount, 3);
});

test('offsetAt clamps to the line end', () => {
  const lines = new LineIndex('ab\r\ncd');
  assert.equal(lines.offsetAt({ line: 0, character: 10 }), 2);
  assert.equal(lines.offsetAt({ line: 5, character: 0 }), 6);
  assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
});

test('offsetAt inverts positionAt for every offset outside a CRLF pair', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '\n', '\r\n', '😀', ' ') }), fc.nat(), (text, n) => {
      const lines = new LineIndex(text);
      const offset = text.length === 0 ? 0 : n % (text.length + 1);
      if (text[offset - 1] === '\r' && text[offset] === '\n') return;
      assert.equal(lines.offsetAt(lines.positionAt(offset)), offset);
    }),
  );
});
