import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintRecap } from '../../../src/core/lint/lintRecap';
import { RULES } from '../../../src/core/lint/registry';
import type { LintRule } from '../../../src/core/lint/rule';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { index, search } from './support';

const RECAP = '---\nevent: fosdem-2023\ntalks:\n  - id: fosdem-2023/container_developer_tooling\n---\n\nNotes.\n';

test('a rule that throws is one finding naming it; the other rules still report', () => {
  const broken: LintRule = {
    id: 'missing-video',
    defaultSeverity: 'warning',
    description: 'a stand-in that fails',
    check() {
      throw new TypeError('cannot read properties of undefined');
    },
  };
  const rules = RULES as LintRule[];
  const at = rules.findIndex((r) => r.id === 'missing-video');
  const original = rules[at]!;
  const before = lintRecap(parseRecap('recap.md', RECAP), { index, search }).findings;
  assert.ok(
    before.some((f) => f.code === 'missing-video'),
    'the real rule reports the talk',
  );
  rules[at] = broken;
  try {
    const after = lintRecap(parseRecap('recap.md', RECAP), { index, search }).findings;
    const failed = after.filter((f) => f.code === 'missing-video');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.severity, 'error');
    assert.match(failed[0]!.message, /^The missing-video rule failed on this recap \(cannot read properties of undefined\)/);
    // Everything the other rules said is still there.
    assert.deepEqual(
      after.filter((f) => f.code !== 'missing-video'),
      before.filter((f) => f.code !== 'missing-video'),
    );
  } finally {
    rules[at] = original;
  }
});
