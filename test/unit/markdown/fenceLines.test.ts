import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FenceTracker, fenceLineNumbers, isFenceLine } from '../../../src/core/markdown/fenceAt';

test('fenceLineNumbers: the lines that may open or close a fence, counted from 0', () => {
  const text = ['# Talks', '```yaml', 'id: x', '```', 'prose with ``` inside', '   ~~~', '    ```', '', '````'].join('\n');
  assert.deepEqual(fenceLineNumbers(text), [1, 3, 5, 8]);
  assert.deepEqual(fenceLineNumbers(''), []);
  assert.deepEqual(fenceLineNumbers('```'), [0]);
});

test('isFenceLine agrees with fenceLineNumbers, line by line', () => {
  const line = fc.stringMatching(/^[ `~a\t]{0,8}$/);
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
      const expected = lines.flatMap((l, i) => (isFenceLine(l) ? [i] : []));
      assert.deepEqual(fenceLineNumbers(lines.join('\n')), expected);
    }),
  );
});

test('a line that is no fence line leaves every later fence state as it was', () => {
  // What the editor relies on to keep its fence marks while you type in prose.
  const line = fc.stringMatching(/^[ `~a]{0,6}$/);
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.nat(), line, (lines, at, replacement) => {
      const i = at % lines.length;
      fc.pre(!isFenceLine(lines[i]!) && !isFenceLine(replacement));
      const edited = lines.slice();
      edited[i] = replacement;
      assert.equal(new FenceTracker().feedText(edited.join('\n')).state, new FenceTracker().feedText(lines.join('\n')).state);
    }),
  );
});
