import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { ruleDocsPath, ruleInfos } from '../../../src/core/lint/registry';

// Every rule's documentation ships as docs/rules/<id>.md (the diagnostics' code
// link opens it; `recap rules <id>` prints it) and is the README's "Rule: <id>"
// section, word for word: these tests keep the registry, the README and the
// pages from drifting apart.

const root = process.cwd();
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The README's `#### Rule: <id>` sections, in order, with their bodies. */
function readmeSections(): { id: string; body: string }[] {
  const out: { id: string; body: string }[] = [];
  const re = /^#### Rule: (\S+)\n([\s\S]*?)(?=^#{1,4} )/gm;
  for (let m = re.exec(readme); m; m = re.exec(readme)) out.push({ id: m[1]!, body: m[2]!.trim() });
  return out;
}

/** The rows of the README's lint rules table: rule id, default severity. */
function readmeTable(): [string, string][] {
  const rows: [string, string][] = [];
  for (const line of readme.split('\n')) {
    const m = /^\| \[`([a-z-]+)`\]\(#rule-([a-z-]+)\) \| (\w+) \|/.exec(line);
    if (m) {
      assert.equal(m[1], m[2], `the table's link for ${m[1]} goes to its own section`);
      rows.push([m[1]!, m[3]!]);
    }
  }
  return rows;
}

test("the README's rule table lists exactly the registry's rules, in order, with their default severities", () => {
  assert.deepEqual(
    readmeTable(),
    ruleInfos().map((r) => [r.id, r.defaultSeverity]),
  );
});

test('the README has one "Rule: <id>" section per registered rule, in order', () => {
  assert.deepEqual(
    readmeSections().map((s) => s.id),
    ruleInfos().map((r) => r.id),
  );
});

test("every registered rule has its page, with its heading, severity and the README's text; no other pages", () => {
  const sections = new Map(readmeSections().map((s) => [s.id, s.body]));
  for (const r of ruleInfos()) {
    assert.equal(r.docsPath, `docs/rules/${r.id}.md`);
    const page = readFileSync(join(root, r.docsPath), 'utf8');
    assert.equal(page.split('\n')[0], `# Rule: ${r.id}`, r.docsPath);
    assert.ok(page.includes(`Default severity: **${r.defaultSeverity}**`), `${r.docsPath} states the default severity ${r.defaultSeverity}`);
    assert.ok(squash(page).includes(squash(sections.get(r.id)!)), `${r.docsPath} holds the README's "Rule: ${r.id}" section word for word`);
  }
  assert.deepEqual(
    readdirSync(join(root, 'docs', 'rules')).sort(),
    ruleInfos()
      .map((r) => `${r.id}.md`)
      .sort(),
  );
});

test('the pages ship in the vsix (.vscodeignore keeps docs/rules)', () => {
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  assert.ok(ignore.includes('!docs/rules/**'), ignore.join('\n'));
});

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd: root, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

test('recap rules lists every rule; recap rules <id> prints its page; an unknown rule is a usage error', async () => {
  process.env.RECAP_PACKAGE_ROOT = root;
  let io = capture();
  assert.equal(await main(['rules'], io), 0);
  for (const r of ruleInfos())
    assert.ok(
      io.stdout.some((l) => l.startsWith(`${r.id} `) && l.includes(r.defaultSeverity)),
      r.id,
    );
  io = capture();
  assert.equal(await main(['rules', 'missing-video'], io), 0);
  assert.equal(io.stdout.join('\n'), readFileSync(join(root, ruleDocsPath('missing-video')), 'utf8').trimEnd());
  io = capture();
  assert.equal(await main(['rules', 'no-such-rule'], io), 2);
  assert.match(io.stderr.join('\n'), /no rule 'no-such-rule'/);
});

test('package.json offers a severity setting for exactly the registry’s rules', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { properties?: Record<string, { enum?: string[] }> }> } };
  };
  const settings = manifest.contributes.configuration.properties['recap.lint.rules']?.properties ?? {};
  assert.deepEqual(
    Object.keys(settings),
    ruleInfos().map((r) => r.id),
  );
  for (const [id, setting] of Object.entries(settings)) assert.deepEqual(setting.enum, ['error', 'warning', 'info', 'hint', 'off'], id);
});
