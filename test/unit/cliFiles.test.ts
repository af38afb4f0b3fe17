// Issue 11: every file the CLI writes is written whole or not at all, never
// onto an input or over an existing file unasked; lint walks folders as
// people have them (lock links, pipes, loops); a closed pipe ends quietly;
// imports write only what the loader accepts. Inputs are generated here.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { refuseOutput, writeFileAtomic } from '../../src/cli/writeOutput';
import { loadIndexFile } from '../../src/core/index/loadIndexFile';
import { indexFileOutputs } from '../../src/core/importers/finish';
import { importSchedule } from '../../src/core/importers/importSchedule';

process.env.RECAP_BUNDLED_INDEX = join(process.cwd(), 'data', 'bundled', 'index.bin');
process.env.RECAP_MEDIA_DIR = join(process.cwd(), 'media');
const CLI = join(process.cwd(), 'dist', 'cli.js');
const root = process.getuid?.() === 0;

function capture(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}
async function run(args: string[], cwd: string) {
  const io = capture(cwd);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
const fresh = (name: string) => mkdtempSync(join(tmpdir(), `recap-${name}-`));
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));
const RECAP = '---\nevent: fosdem-2023\n---\n\n# My recap\n\n- Exploring Database Containers — Edith Puclla\n';

/** A frab XML schedule with n sessions (optionally with a link of the given href on the first). */
function frab(n: number, href?: string): string {
  const events = Array.from(
    { length: n },
    (_, i) =>
      `<event id="${i}"><date>2024-01-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>A</room><slug>talk-${i}</slug>` +
      `<title>Talk number ${i} about things</title><type>Lecture</type><persons><person id="${i}">Person ${i}</person></persons>` +
      (i === 0 && href ? `<links><link href="${href}">x</link></links>` : '') +
      '</event>',
  ).join('\n');
  return `<?xml version="1.0"?><schedule><conference><acronym>bigconf</acronym><title>Big</title><start>2024-01-01</start><end>2024-01-01</end></conference><day index="1" date="2024-01-01"><room name="A">\n${events}\n</room></day></schedule>\n`;
}

function ics(calendars: { name?: string; events: { summary: string; url?: string; description?: string }[] }[]): string {
  const lines: string[] = [];
  calendars.forEach((cal, c) => {
    lines.push('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//x', 'X-WR-TIMEZONE:Europe/Vienna');
    if (cal.name) lines.push(`X-WR-CALNAME:${cal.name}`);
    cal.events.forEach((e, i) => {
      lines.push('BEGIN:VEVENT', `UID:${c}-${i}@test`, `DTSTART:2024010${c + 1}T1${i}0000`, `SUMMARY:${e.summary}`);
      if (e.url) lines.push(`URL:${e.url}`);
      if (e.description) lines.push(`DESCRIPTION:${e.description}`);
      lines.push('END:VEVENT');
    });
    lines.push('END:VCALENDAR');
  });
  return lines.join('\r\n') + '\r\n';
}

// 1. Writes that cannot lose anything

test('writeFileAtomic: a writer failing halfway leaves the old target byte-identical and no temp file', () => {
  const dir = fresh('atomic');
  const target = join(dir, 'index.yaml');
  const old = Buffer.from('old contents\n'.repeat(1000));
  writeFileSync(target, old);
  let calls = 0;
  const failing = (fd: number, chunk: Uint8Array) => {
    if (++calls === 2) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    writeFileSync(fd, chunk);
  };
  assert.throws(() => writeFileAtomic(target, 'x'.repeat(300_000), failing), /ENOSPC/);
  assert.equal(calls, 2, 'failed in the middle, after one chunk was written');
  assert.deepEqual(readFileSync(target), old);
  assert.deepEqual(temps(dir), []);
  assert.deepEqual(readdirSync(dir), ['index.yaml']);
  // And a write that succeeds replaces it whole, keeping a symlinked target a symlink.
  symlinkSync('index.yaml', join(dir, 'link.yaml'));
  writeFileAtomic(join(dir, 'link.yaml'), 'new\n');
  assert.equal(readFileSync(target, 'utf8'), 'new\n');
  assert.deepEqual(readdirSync(dir).sort(), ['index.yaml', 'link.yaml']);
});

test(
  'recap import -o --force that fails while writing (file size limit) leaves the old index as it was',
  { skip: !existsSync(CLI) && 'dist/cli.js not built' },
  () => {
    const dir = fresh('import-efbig');
    writeFileSync(join(dir, 'big.xml'), frab(300));
    const old = 'event:\n  id: hand-made\n  name: Hand made\nsessions: []\n'.padEnd(60_000, '#');
    writeFileSync(join(dir, 'idx.yaml'), old);
    // ulimit -f 8: 4 KB, far less than the ~50 KB the import writes; Node sees EFBIG.
    const r = spawnSync('bash', ['-c', `ulimit -f 8; exec node ${JSON.stringify(CLI)} import big.xml -o idx.yaml --force`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^idx\.yaml: cannot write: EFBIG.*left as it was$/m);
    assert.equal(readFileSync(join(dir, 'idx.yaml'), 'utf8'), old);
    assert.deepEqual(temps(dir), []);
  },
);

test('recap preview -o one of its inputs refuses (exit 2) and leaves the recap as it was, by name, link or hard link', async () => {
  const dir = fresh('preview-self');
  writeFileSync(join(dir, 'post.md'), RECAP);
  symlinkSync('post.md', join(dir, 'alias.md'));
  linkSync(join(dir, 'post.md'), join(dir, 'hard.md'));
  writeFileSync(join(dir, 'my.yaml'), 'event:\n  id: my\n  name: My\nsessions: []\n');
  for (const [out, extra] of [
    ['post.md', []],
    ['./post.md', []],
    ['alias.md', []],
    ['hard.md', []],
    ['my.yaml', ['--index', 'my.yaml']],
  ] as const) {
    const r = await run(['preview', 'post.md', ...extra, '-o', out, '--force'], dir);
    assert.equal(r.code, 2, `${out}: ${r.stderr.join('\n')}`);
    assert.match(r.stderr.join('\n'), new RegExp(`^${out.replace('.', '\\.')} is an input of this command .*Choose another output file\\.$`));
  }
  assert.equal(readFileSync(join(dir, 'post.md'), 'utf8'), RECAP);
  assert.equal(readFileSync(join(dir, 'my.yaml'), 'utf8'), 'event:\n  id: my\n  name: My\nsessions: []\n');
  assert.deepEqual(temps(dir), []);
});

test('recap preview over an existing file refuses without --force and leaves it; with --force replaces it whole', async () => {
  const dir = fresh('preview-exists');
  writeFileSync(join(dir, 'post.md'), RECAP);
  writeFileSync(join(dir, 'out.html'), 'keep me\n');
  const refused = await run(['preview', 'post.md', '-o', 'out.html'], dir);
  assert.equal(refused.code, 2);
  assert.deepEqual(refused.stderr, ['out.html exists; not overwritten (use --force to replace it)']);
  assert.equal(readFileSync(join(dir, 'out.html'), 'utf8'), 'keep me\n');
  const forced = await run(['preview', 'post.md', '-o', 'out.html', '--force'], dir);
  assert.equal(forced.code, 0, forced.stderr.join('\n'));
  assert.match(readFileSync(join(dir, 'out.html'), 'utf8'), /^<!DOCTYPE html>/i);
  assert.deepEqual(temps(dir), []);
});

test('refuseOutput: a folder is no output; a file not yet there is fine', () => {
  const dir = fresh('refuse');
  assert.match(refuseOutput('d', dir, { inputs: [] }) ?? '', /is a folder/);
  assert.equal(refuseOutput('new.html', join(dir, 'new.html'), { inputs: [join(dir, 'post.md')] }), undefined);
});

test('recap import -o its own input refuses even with --force', async () => {
  const dir = fresh('import-self');
  writeFileSync(join(dir, 'x.ics'), ics([{ name: 'Conf', events: [{ summary: 'One' }] }]));
  const before = readFileSync(join(dir, 'x.ics'), 'utf8');
  const r = await run(['import', 'x.ics', '-o', 'x.ics', '--force'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr.join('\n'), /x\.ics is an input of this command/);
  assert.equal(readFileSync(join(dir, 'x.ics'), 'utf8'), before);
});

test('recap validate: an index we wrote, cut anywhere, is never clean (error with file and line)', async () => {
  const dir = fresh('truncated');
  const result = importSchedule(frab(40), { fileName: 'big.xml' });
  const [whole] = indexFileOutputs(result, 'test', (n) => n);
  assert.deepEqual(whole!.problems, []);
  assert.deepEqual(loadIndexFile('whole.yaml', whole!.text).problems, []);
  const text = whole!.text;
  // Every cut on a line boundary (where truncation looks most like a valid file), and a spread of cuts within lines.
  const cuts = new Set<number>();
  for (let i = text.indexOf('\n') + 1; i > 0 && i < text.length - 1; i = text.indexOf('\n', i) + 1) cuts.add(i);
  for (let i = 1; i < text.length - 1; i += 97) cuts.add(i);
  for (const cut of cuts) {
    const problems = loadIndexFile('cut.yaml', text.slice(0, cut)).problems.filter((p) => p.severity === 'error');
    assert.ok(problems.length > 0, `cut at ${cut} loads clean`);
    assert.ok(problems.every((p) => p.file === 'cut.yaml' && p.line >= 1));
  }
  // Through the CLI: exit 1 and a located "ends early".
  writeFileSync(join(dir, 'cut.yaml'), text.slice(0, text.lastIndexOf('\n  - id: ')));
  const r = await run(['validate', 'cut.yaml'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout.join('\n'), /^cut\.yaml:\d+:1 error the file ends early/m);
  // A truncated JSON index is a located error too.
  const json = JSON.stringify(
    {
      event: { id: 'j', name: 'J' },
      sessions: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
      ],
    },
    null,
    2,
  );
  for (const cut of [json.length - 1, json.lastIndexOf('{'), json.indexOf('"sessions"')]) {
    writeFileSync(join(dir, 'cut.json'), json.slice(0, cut));
    const v = await run(['validate', 'cut.json'], dir);
    assert.equal(v.code, 1, `json cut at ${cut}: ${v.stdout.join('\n')}`);
    assert.match(v.stdout[0]!, /^cut\.json:\d+:\d+ error /);
  }
  // Hand-written files (no promise at the top) are read as before.
  assert.deepEqual(loadIndexFile('hand.yaml', 'event:\n  id: h\n  name: H\n').problems, []);
});

// 4. Importers check what they write

test('import drops javascript: and other non-http(s) links with a warning, and what it writes loads clean', async () => {
  const dir = fresh('import-links');
  writeFileSync(
    join(dir, 'js.xml'),
    frab(2, 'javascript:alert(1)').replace('<title>Big</title>', '<title>Big</title><base_url>javascript:alert(2)</base_url>'),
  );
  writeFileSync(
    join(dir, 'js.ics'),
    ics([
      {
        name: 'Conf',
        events: [
          { summary: 'One', url: 'javascript:alert(3)' },
          { summary: 'Two', url: 'data:text/html,x' },
        ],
      },
    ]),
  );
  for (const file of ['js.xml', 'js.ics']) {
    const r = await run(['import', file, '-o', `${file}.yaml`], dir);
    assert.equal(r.code, 0, r.stderr.join('\n'));
    const written = readFileSync(join(dir, `${file}.yaml`), 'utf8');
    assert.doesNotMatch(written, /javascript:|data:/);
    assert.deepEqual(loadIndexFile(`${file}.yaml`, written).problems, []);
  }
  const r = await run(['import', 'js.xml'], dir);
  assert.ok(
    r.stderr.some((l) => /^warning: bigconf: event url: dropped the link 'javascript:alert\(2\)'/.test(l)),
    r.stderr.join('\n'),
  );
});

test('a multi-calendar import gives one index file per event, each loading clean; without a folder it refuses', async () => {
  const dir = fresh('import-multi');
  // Two unnamed calendars would share an id; a third has a name.
  writeFileSync(
    join(dir, 'multi.ics'),
    ics([{ events: [{ summary: 'One' }] }, { events: [{ summary: 'Two' }, { summary: 'Three' }] }, { name: 'Named Conf', events: [{ summary: 'Four' }] }]),
  );
  const refused = await run(['import', 'multi.ics', '-o', 'one.yaml'], dir);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr.join('\n'), /multi\.ics holds 3 events \(multi, multi-2, named-conf\).*-o DIR\//);
  assert.equal(existsSync(join(dir, 'one.yaml')), false);
  assert.equal((await run(['import', 'multi.ics'], dir)).code, 2);

  const r = await run(['import', 'multi.ics', '-o', 'out/'], dir);
  assert.equal(r.code, 0, r.stderr.join('\n'));
  const files = readdirSync(join(dir, 'out')).sort();
  assert.deepEqual(files, ['multi-2.yaml', 'multi.yaml', 'named-conf.yaml']);
  const ids = files.map((f) => {
    const loaded = loadIndexFile(f, readFileSync(join(dir, 'out', f), 'utf8'));
    assert.deepEqual(loaded.problems, [], f);
    return `${loaded.event?.id}:${loaded.sessions.length}`;
  });
  assert.deepEqual(ids, ['multi-2:2', 'multi:1', 'named-conf:1']);
  // Again without --force: nothing replaced; all targets are checked before any is written.
  writeFileSync(join(dir, 'out', 'multi.yaml'), 'edited\n');
  const again = await run(['import', 'multi.ics', '-o', 'out'], dir);
  assert.equal(again.code, 2);
  assert.equal(readFileSync(join(dir, 'out', 'multi.yaml'), 'utf8'), 'edited\n');
});

test('import refuses, located, an index its own loader would reject (nothing written)', async () => {
  const dir = fresh('import-reject');
  writeFileSync(join(dir, 'x.ics'), ics([{ name: 'Conf', events: [{ summary: 'One' }] }]));
  const r = await run(['import', 'x.ics', '--event-id', 'not/an id', '-o', 'x.yaml'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr.join('\n'), /^x\.yaml:\d+:\d+ error event\.id: expected an id/m);
  assert.match(r.stderr.join('\n'), /would not load .*nothing written/);
  assert.equal(existsSync(join(dir, 'x.yaml')), false);
});

// 2. Folders as people have them

test(
  'recap lint DIR skips lock links, broken links, pipes and loops with one warning each, lints the rest, ends quickly',
  { skip: !existsSync(CLI) && 'dist/cli.js not built' },
  () => {
    const dir = fresh('lint-odd');
    const blog = join(dir, 'blog');
    mkdirSync(join(blog, 'sub'), { recursive: true });
    writeFileSync(join(blog, 'a.md'), RECAP);
    writeFileSync(join(blog, 'sub', 'b.md'), RECAP);
    symlinkSync('user@host.1234:1700000000', join(blog, '.#a.md')); // Emacs lock link: dangling, dot entry
    symlinkSync('gone.md', join(blog, 'dangling.md'));
    symlinkSync('..', join(blog, 'sub', 'up')); // a link to a parent
    symlinkSync('sub', join(blog, 'z-again')); // a second way into sub/
    symlinkSync('self', join(blog, 'self')); // a link to itself: ELOOP
    const fifo = spawnSync('mkfifo', [join(blog, 'pipe.md')]);
    const haveFifo = fifo.status === 0;
    writeFileSync(join(blog, 'locked.md'), RECAP);
    chmodSync(join(blog, 'locked.md'), 0o000);
    const started = Date.now();
    const r = spawnSync('node', [CLI, 'lint', 'blog'], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
    const took = Date.now() - started;
    chmodSync(join(blog, 'locked.md'), 0o644);
    assert.equal(r.signal, null, `killed after ${took} ms (a FIFO was opened?)`);
    const out = r.stdout.trim().split('\n');
    assert.ok(
      out.some((l) => l.startsWith(`${join('blog', 'a.md')}:7:3 missing-video `)),
      r.stdout,
    );
    assert.ok(
      out.some((l) => l.startsWith(`${join('blog', 'sub', 'b.md')}:7:3 missing-video `)),
      r.stdout,
    );
    const err = r.stderr.split('\n');
    const warned = (name: string, why: RegExp) =>
      assert.equal(err.filter((l) => l.startsWith(`skipped ${name}: `) && why.test(l)).length, 1, `${name}:\n${r.stderr}`);
    warned(join('blog', 'dangling.md'), /broken link to gone\.md/);
    warned(join('blog', 'sub', 'up'), /link to a folder already walked/);
    warned(join('blog', 'z-again'), /link to a folder already walked/);
    warned(join('blog', 'self'), /loops/);
    if (haveFifo) warned(join('blog', 'pipe.md'), /named pipe/);
    assert.ok(!r.stderr.includes('.#a.md'), 'dot entries are skipped silently, as documented');
    assert.ok(!/ELOOP|ENOENT|at .*\.js:\d+/.test(r.stderr), r.stderr);
    if (root) {
      assert.equal(r.status, 1, r.stderr); // root reads a mode-000 file: one more recap linted
    } else {
      assert.ok(err.includes(`${join('blog', 'locked.md')}: cannot read: EACCES`), r.stderr);
      assert.equal(r.status, 2, 'an unreadable file is an I/O error; the others still came out');
    }
    assert.ok(took < 10_000, `took ${took} ms`);
  },
);

// 3. A closed pipe ends quietly

test('recap lint and search into a closed pipe (| head -c 10) print no stack trace', { skip: !existsSync(CLI) && 'dist/cli.js not built' }, () => {
  const dir = fresh('epipe');
  mkdirSync(join(dir, 'blog'));
  for (let i = 0; i < 100; i++) writeFileSync(join(dir, 'blog', `p${i}.md`), RECAP);
  writeFileSync(join(dir, 'queries.txt'), Array.from({ length: 300 }, (_, i) => `container ${i}`).join('\n'));
  for (const command of ['lint blog --format json', 'search --queries queries.txt', 'search container --limit 500 --json']) {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(CLI)} ${command} | head -c 10`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, command);
    assert.equal(r.stdout.length, 10, command);
    assert.equal(r.stderr, '', `${command}: ${r.stderr}`);
  }
});
