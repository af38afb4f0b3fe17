import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { downloadText, DownloadError } from '../../src/cli/download';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { importStats } from '../../src/core/importers/common';
import { importSchedule } from '../../src/core/importers/importSchedule';
import { sharedFile, skipUnlessShared } from './support/sharedData';

// `recap import URL` against a loopback server serving ../shared/data (and
// the committed .ics fixtures): every format, and every way a download fails.

function capture(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const icsFixture = (name: string) => join(process.cwd(), 'test', 'fixtures', 'ical', name);

/** URL path → file served, with the name the direct import sees. */
const FILES: Record<string, string> = {
  '/fosdem/fosdem-2007.xml': sharedFile('schedules', 'fosdem', 'fosdem-2007.xml'),
  '/voc/frab-camp2019.json': sharedFile('schedules', 'voc', 'frab-camp2019.json'),
  '/voc/pretalx-democon.json': sharedFile('schedules', 'voc', 'pretalx-democon.json'),
  '/sessionize/global-azure-linz-2024.json': sharedFile('schedules', 'sessionize', 'global-azure-linz-2024.json'),
  '/ical/pretalx-sample.ics': icsFixture('pretalx-sample.ics'),
  '/ical/sched-sample.ics': icsFixture('sched-sample.ics'),
};

const skip = skipUnlessShared('schedules', 'fosdem', 'fosdem-2007.xml');
const timers = new Set<NodeJS.Timeout>();
let server: Server;
let base = '';
let host = '';

before(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const file = FILES[path];
    if (file) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(readFileSync(file));
      return;
    }
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) {
      const n = Number(hop[1]);
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/fosdem/fosdem-2007.xml' });
      res.end();
      return;
    }
    switch (path) {
      case '/slow': {
        const t = setTimeout(() => res.end('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), 5000);
        timers.add(t);
        return;
      }
      case '/truncated':
        res.writeHead(200, { 'content-length': '100000', 'content-type': 'application/xml' });
        res.write(readFileSync(FILES['/fosdem/fosdem-2007.xml']!).subarray(0, 1000), () => res.socket?.destroy());
        return;
      case '/missing':
        res.writeHead(404, 'Not Found');
        res.end('nope');
        return;
      case '/broken':
        res.writeHead(500, 'Internal Server Error');
        res.end('oops');
        return;
      case '/loop/a':
        res.writeHead(301, { location: '/loop/b' });
        res.end();
        return;
      case '/loop/b':
        res.writeHead(301, { location: `${base}/loop/a` });
        res.end();
        return;
      case '/to-ftp':
        res.writeHead(302, { location: 'ftp://example.com/schedule.xml' });
        res.end();
        return;
      case '/to-file':
        res.writeHead(307, { location: 'file:///etc/passwd' });
        res.end();
        return;
      case '/huge': {
        // Chunked, no Content-Length: only counting the stream can stop it.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const more = () => {
          while (sent < 64 && !res.destroyed) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        res.on('error', () => undefined);
        more();
        return;
      }
      case '/huge-declared':
        res.writeHead(200, { 'content-length': String(4 * 1024 * 1024) });
        res.end(Buffer.alloc(4 * 1024 * 1024, 0x20));
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  base = `http://${host}`;
});

after(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const dir = mkdtempSync(join(tmpdir(), 'recap-import-url-'));

async function run(...args: string[]) {
  const io = capture(dir);
  const code = await main(['import', ...args], io);
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

/** The stats line the CLI prints, computed from importing the file directly. */
function statsLine(path: string, fileName: string): string {
  const result = importSchedule(readFileSync(path, 'utf8'), { fileName });
  const s = importStats(result.files);
  return `${result.format}: ${s.events} event(s), ${s.sessions} sessions, ${s.speakers} speakers, ${s.sessionsWithVideo} sessions with video, ${s.sessionsWithSlides} with slides`;
}

for (const [path, file] of Object.entries(FILES)) {
  const needs = path.startsWith('/ical/') ? false : skipUnlessShared(...file.slice(sharedFile().length + 1).split('/'));
  test(`import ${path} over http gives what the file gives`, { skip: needs }, async () => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const out = join(dir, `${name}.yaml`);
    const r = await run(`${base}${path}`, '-o', out);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stderr.split('\n').includes(statsLine(file, name)), `${r.stderr}\nexpected ${statsLine(file, name)}`);
    const direct = await run(file);
    assert.equal(direct.code, 0, direct.stderr);
    // The same index, but for the header comment naming where it came from.
    const body = (text: string) => text.replace(/^#.*$/gm, '').trim();
    assert.equal(body(readFileSync(out, 'utf8')), body(direct.stdout));
    assert.match(readFileSync(out, 'utf8'), new RegExp(`imported from ${base.replace(/[.]/g, '\\.')}`));
  });
}

test('redirects are followed up to five', { skip }, async () => {
  const r = await run(`${base}/hop/4`);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /FOSDEM 2007/);
  const five = await downloadText(`${base}/hop/4`);
  assert.match(five.url, /\/fosdem\/fosdem-2007\.xml$/);
  assert.equal(five.fileName, 'fosdem-2007.xml');
});

/** Runs a failing import with an existing target and --force: the error, and proof nothing was touched. */
async function failing(url: string, ...extra: string[]): Promise<string> {
  const out = join(dir, 'existing.yaml');
  writeFileSync(out, 'keep me\n');
  const before = readdirSync(dir).sort();
  const r = await run(url, '-o', out, '--force', ...extra);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(readFileSync(out, 'utf8'), 'keep me\n');
  assert.deepEqual(readdirSync(dir).sort(), before, 'no temporary or other file left behind');
  return r.stderr;
}

test('a server slower than the time-out: a clear time-out error', async () => {
  const started = Date.now();
  const err = await failing(`${base}/slow`, '--timeout', '0.3');
  assert.ok(Date.now() - started < 3000, 'gave up at the time-out');
  assert.match(err, new RegExp(`${host} did not send .*/slow within 300 ms`));
  assert.match(err, /check the URL in a browser/i);
});

test('a truncated body (Content-Length larger than what arrives): an error, nothing written', async () => {
  const err = await failing(`${base}/truncated`);
  assert.match(err, new RegExp(`connection to ${host} closed before all of .*/truncated arrived`));
  assert.match(err, /download the file/);
});

test('404 and 500 name the host and the status', async () => {
  let err = await failing(`${base}/missing`);
  assert.match(err, new RegExp(`${host} answered HTTP 404 Not Found for ${base}/missing\\. .*check the URL in a browser`));
  err = await failing(`${base}/broken`);
  assert.match(err, new RegExp(`${host} answered HTTP 500 Internal Server Error for ${base}/broken\\. .*download the file`));
});

test('a redirect loop and more than five redirects are errors', async () => {
  let err = await failing(`${base}/loop/a`);
  assert.match(err, new RegExp(`${host} redirects in a loop`));
  err = await failing(`${base}/hop/5`);
  assert.match(err, new RegExp(`${host} redirected more than 5 times`));
});

test('a redirect to another scheme is refused, and so is a non-http URL', async () => {
  let err = await failing(`${base}/to-ftp`);
  assert.match(err, /redirected .*\/to-ftp to ftp: \(ftp:\/\/example\.com\/schedule\.xml\); only http and https are followed/);
  err = await failing(`${base}/to-file`);
  assert.match(err, /to file: \(file:\/\/\/etc\/passwd\); only http and https/);
  err = await failing('ftp://example.com/schedule.xml');
  assert.match(err, /only http and https URLs are downloaded, not ftp/);
});

test('a body over the size cap: an error, the stream aborted, the existing target untouched', async () => {
  let err = await failing(`${base}/huge`, '--max-size', '1');
  assert.match(err, new RegExp(`${base}/huge from ${host} is larger than 1 MB`));
  err = await failing(`${base}/huge-declared`, '--max-size', '1');
  assert.match(err, /is larger than 1 MB/);
  await assert.rejects(
    downloadText(`${base}/huge`, { maxBytes: 100_000 }),
    (e: unknown) => e instanceof DownloadError && /larger than 97\.7 KB/.test(e.message),
  );
});

test('a download that fails never creates the target', async () => {
  const out = join(dir, 'never.yaml');
  const r = await run(`${base}/missing`, '-o', out);
  assert.equal(r.code, 2);
  assert.equal(existsSync(out), false);
});

test('bad --timeout and --max-size are usage errors', async () => {
  const r = await run(`${base}/missing`, '--timeout', 'soon');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--timeout takes a positive number, not 'soon'/);
});

test('a download can be cancelled (the editor passes its Cancel button as a signal)', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(
    downloadText(`${base}/slow`, { signal: controller.signal }),
    (e: unknown) => e instanceof DownloadError && e.message === `the download from ${host} was cancelled.`,
  );
});
