import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseToml } from 'smol-toml';
import { main } from '../../src/cli/main';
import { cursorContext } from '../../src/core/completion/cursorContext';
import { parseRecap } from '../../src/core/recap/parseRecap';
import { addTalkEdit } from '../../src/core/edits/addTalkEdit';
import { renderHeader } from '../../src/core/preview/header';
import { applyEdits, index, lint, only } from './lint/support';
import { sharedFile, skipUnlessShared } from './support/sharedData';

/** TOOLING: the first talk (no recording in the index); BARE: the second, whose recording the fixes write. */
const BARE = 'fosdem-2023/container_developer_tooling';
const TOOLING = 'fosdem-2023/bare_metal_servers_as_container_runtime';

const HUGO_TOML = `+++
title = "FOSDEM 2023: containers"
date = 2023-02-06
event = "fosdem-2023"
tags = ["fosdem", "containers"]

[[talks]]
id = "${TOOLING}"
title = "Bare-metal servers as a container runtime"
speakers = ["Phil Estes"]

[[talks]]
  id = '${BARE}'
  # the speaker is in a sub-table
  [[talks.speakers]]
  name = "Someone"
+++

# Containers

Body text.
`;

const ZOLA_TOML = `+++
title = "KubeCon EU 2024 recap"
date = 2024-03-25

[extra]
event = "kubecon-eu-2024"

[taxonomies]
tags = ["kubecon"]
+++

Zola keeps its own keys in tables; \`event\` under [extra] is not ours.
`;

const HUGO_JSON = `{
  "title": "FOSDEM 2023",
  "event": ["fosdem-2023"],
  "talks": [
    { "id": "${TOOLING}", "title": "Bare-metal servers as a container runtime" },
    {
      "id": "${BARE}"
    }
  ]
}

# FOSDEM 2023
`;

const PELICAN = `Title: FOSDEM 2016 Report
Date: 2016-02-02 22:54
Category: events
Tags: events, fedora
Slug: fosdem-2016-report

Hello everyone, this year I've been to FOSDEM again.
`;

const NONE = `# Notes from FOSDEM

Title: this line is body, not metadata.
`;

const slice = (text: string, r: { start: number; end: number } | undefined) => (r ? text.slice(r.start, r.end) : undefined);

test('Hugo TOML: event, [[talks]] tables and their offsets', () => {
  const p = parseRecap('blog/post.md', HUGO_TOML);
  assert.equal(p.frontmatter?.format, 'toml');
  assert.deepEqual(p.problems, []);
  assert.ok(p.isRecap);
  assert.deepEqual(
    p.events.map((e) => [e.value, slice(HUGO_TOML, e.range), slice(HUGO_TOML, e.keyRange)]),
    [['fosdem-2023', '"fosdem-2023"', 'event']],
  );
  assert.equal(p.talks.length, 2);
  const [a, b] = p.talks;
  assert.equal(slice(HUGO_TOML, a?.id?.range), `"${TOOLING}"`);
  assert.equal(slice(HUGO_TOML, a?.id?.keyRange), 'id');
  assert.equal(slice(HUGO_TOML, a?.title?.range), '"Bare-metal servers as a container runtime"');
  assert.deepEqual(
    a?.speakers?.value.map((s) => [s.name, slice(HUGO_TOML, s.nameRange)]),
    [['Phil Estes', '"Phil Estes"']],
  );
  assert.equal(b?.id?.value, BARE);
  assert.equal(slice(HUGO_TOML, b?.id?.range), `'${BARE}'`);
  assert.equal(b?.keyColumn, 2);
  assert.deepEqual(
    b?.speakers?.value.map((s) => [s.name, slice(HUGO_TOML, s.nameRange)]),
    [['Someone', '"Someone"']],
  );
  assert.ok(HUGO_TOML.slice(p.bodyStart).startsWith('\n# Containers'));
});

test('Zola TOML: parses; an `event` inside [extra] is not the top-level event', () => {
  const p = parseRecap('content/post.md', ZOLA_TOML);
  assert.equal(p.frontmatter?.format, 'toml');
  assert.deepEqual(p.problems, []);
  assert.deepEqual(p.events, []);
  assert.equal(p.frontmatter?.data?.['title'], 'KubeCon EU 2024 recap');
});

test('Hugo JSON: event list, talk objects and their offsets', () => {
  const p = parseRecap('blog/post.md', HUGO_JSON);
  assert.equal(p.frontmatter?.format, 'json');
  assert.deepEqual(p.problems, []);
  assert.deepEqual(
    p.events.map((e) => slice(HUGO_JSON, e.range)),
    ['"fosdem-2023"'],
  );
  assert.deepEqual(
    p.talks.map((t) => slice(HUGO_JSON, t.id?.range)),
    [`"${TOOLING}"`, `"${BARE}"`],
  );
  assert.equal(slice(HUGO_JSON, p.talks[0]?.title?.range), '"Bare-metal servers as a container runtime"');
  assert.ok(HUGO_JSON.slice(p.bodyStart).startsWith('\n# FOSDEM 2023'));
});

test('Pelican header lines are metadata, not body; a post with none is all body', () => {
  const p = parseRecap('content/post.markdown', PELICAN);
  assert.equal(p.frontmatter?.format, 'pelican');
  assert.equal(p.frontmatter?.data?.['title'], 'FOSDEM 2016 Report');
  assert.equal(PELICAN.slice(p.bodyStart), "Hello everyone, this year I've been to FOSDEM again.\n");
  const n = parseRecap('content/notes.md', NONE);
  assert.equal(n.frontmatter, undefined);
  assert.equal(n.bodyStart, 0);
  assert.deepEqual(n.problems, []);
});

test('broken TOML and JSON: one frontmatter-syntax finding on the right line', () => {
  const toml = '+++\ntitle = "x"\nevent = fosdem-2023\n+++\n\nBody\n';
  const p = parseRecap('recaps/a.md', toml);
  assert.equal(p.problems.length, 1);
  assert.equal(p.problems[0]?.code, 'frontmatter-syntax');
  assert.equal(p.lines.positionAt(p.problems[0]!.start).line, 2);
  assert.match(p.problems[0]!.message, /^TOML: .* on line 3\. Fix that line/);
  const json = '{\n  "title": "x",\n  "event": "fosdem-2023",\n}\n\nBody\n';
  const j = parseRecap('recaps/b.md', json);
  assert.equal(j.problems.length, 1);
  assert.equal(j.problems[0]?.code, 'frontmatter-syntax');
  assert.equal(j.lines.positionAt(j.problems[0]!.start).line, 3);
  assert.match(j.problems[0]!.message, /^JSON: .* on line 4\./);
  const lintFindings = lint(toml).findings.filter((f) => f.code === 'frontmatter-syntax');
  assert.equal(lintFindings.length, 1);
});

test('missing-video in TOML writes `video = "…"` in the talk’s own [[talks]] table, and the result parses', () => {
  const { findings, fixes } = lint(HUGO_TOML, undefined, 'blog/post.md');
  const missing = only(findings, 'missing-video').find((f) => HUGO_TOML.slice(f.start, f.end).includes(BARE));
  assert.ok(missing);
  const fix = fixes(missing).find((f) => f.preferred);
  assert.match(fix?.title ?? '', /video = "/);
  const fixed = applyEdits(HUGO_TOML, fix!.edits);
  const data = parseToml(fixed.split('+++')[1]!) as { talks: { id: string; video?: string; speakers?: unknown[] }[] };
  assert.equal(data.talks[1]?.id, BARE);
  assert.match(data.talks[1]?.video ?? '', /^https:\/\//);
  assert.equal(data.talks[1]?.speakers?.length, 1);
  assert.match(fixed, new RegExp(`id = '${BARE}'\\n  # the speaker is in a sub-table\\n  video = "https://[^\\n]*\\n  \\[\\[talks.speakers`));
  const again = parseRecap('blog/post.md', fixed);
  assert.deepEqual(again.problems, []);
  assert.equal(again.talks[1]?.video?.value, data.talks[1]?.video);
});

test('missing-video in JSON inserts a "video" property after the object’s last value', () => {
  const { findings, fixes } = lint(HUGO_JSON, undefined, 'blog/post.md');
  const missing = only(findings, 'missing-video').find((f) => HUGO_JSON.slice(f.start, f.end).includes(BARE));
  const fix = missing && fixes(missing).find((f) => f.preferred);
  assert.ok(fix);
  const fixed = applyEdits(HUGO_JSON, fix.edits);
  const data = JSON.parse(fixed.slice(0, fixed.indexOf('\n}') + 2)) as { talks: { video?: string }[] };
  assert.match(data.talks[1]?.video ?? '', /^https:\/\//);
});

test('adding a talk to TOML frontmatter appends a [[talks]] table', () => {
  const session = index.get('fosdem-2023/container_database_containers');
  assert.ok(session);
  const p = parseRecap('blog/post.md', HUGO_TOML);
  const edit = addTalkEdit(p, session);
  assert.ok(edit);
  const fixed = applyEdits(HUGO_TOML, [edit]);
  const again = parseRecap('blog/post.md', fixed);
  assert.deepEqual(again.problems, []);
  assert.deepEqual(
    again.talks.map((t) => t.id?.value),
    [TOOLING, BARE, 'fosdem-2023/container_database_containers'],
  );
  assert.equal(addTalkEdit(parseRecap('blog/post.md', HUGO_JSON), session), undefined);
});

test('the preview header shows the title and event of TOML, JSON and Pelican posts', () => {
  assert.match(renderHeader(parseRecap('a.md', HUGO_TOML), []), /FOSDEM 2023: containers.*fosdem-2023.*2023-02-06/s);
  assert.match(renderHeader(parseRecap('a.md', HUGO_JSON), []), /FOSDEM 2023.*fosdem-2023/s);
  assert.match(renderHeader(parseRecap('a.md', PELICAN), []), /FOSDEM 2016 Report/);
});

const TOML_POSTS = ['dotdc-fosdem2023.md', 'luisgc-fosdem2020.md'];
for (const name of TOML_POSTS) {
  test(`the shared TOML post ${name} parses without a frontmatter-syntax finding`, { skip: skipUnlessShared('recaps', 'posts', name) }, () => {
    const text = readFileSync(sharedFile('recaps', 'posts', name), 'utf8');
    const p = parseRecap(name, text);
    assert.equal(p.frontmatter?.format, 'toml');
    assert.ok(p.frontmatter?.parses);
    assert.deepEqual(
      p.problems.filter((f) => f.code === 'frontmatter-syntax'),
      [],
    );
    assert.equal(typeof p.frontmatter?.data?.['title'], 'string');
  });
}

test('recap lint DIR reads .md, .markdown and .mdx posts', async () => {
  process.env.RECAP_BUNDLED_INDEX = join(process.cwd(), 'data', 'bundled', 'index.bin');
  const dir = mkdtempSync(join(tmpdir(), 'recap-formats-'));
  const post = '---\nevent: fosdem-2023\n---\n\n- Exploring Database Containers\n';
  for (const name of ['a.md', 'b.markdown', 'c.mdx', 'd.txt']) writeFileSync(join(dir, name), post);
  writeFileSync(join(dir, 'e.mdx'), HUGO_TOML);
  const stdout: string[] = [];
  await main(['lint', '.'], { cwd: dir, out: (t) => stdout.push(t), err: () => undefined });
  const files = [...new Set(stdout.map((l) => l.split(':')[0]))].sort();
  assert.deepEqual(files, ['a.md', 'b.markdown', 'c.mdx', 'e.mdx']);
});

test('completion in TOML frontmatter: event ids after `event = "`, talk ids after `id = "` in a [[talks]] table', () => {
  const text = '+++\ntitle = "x"\nevent = "fos"\n\n[[talks]]\nid = "fosdem-2023/cont"\n+++\n\nBody @@x\n';
  const event = cursorContext(text, text.indexOf('fos"') + 3, { trigger: '@@' });
  assert.deepEqual(event && [event.kind, 'prefix' in event ? event.prefix : '', text.slice(event.replace.start, event.replace.end)], ['event', 'fos', 'fos']);
  const id = cursorContext(text, text.indexOf('cont"') + 4, { trigger: '@@' });
  assert.deepEqual(id && [id.kind, 'prefix' in id ? id.prefix : '', text.slice(id.replace.start, id.replace.end)], [
    'talk-id',
    'fosdem-2023/cont',
    'fosdem-2023/cont',
  ]);
  assert.equal(cursorContext(text, text.indexOf('"x"') + 2, { trigger: '@@' }), undefined);
  assert.equal(cursorContext(text, text.length - 1, { trigger: '@@' })?.kind, 'reference');
});
