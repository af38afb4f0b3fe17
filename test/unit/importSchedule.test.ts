import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectFormat, importSchedule, parseFormat } from '../../src/core/importers/importSchedule';
import { IMPORT_FORMATS, ImportError } from '../../src/core/importers/types';
import { sharedFile, skipUnlessShared } from './support/sharedData';

const shared = (...p: string[]) => readFileSync(sharedFile(...p), 'utf8');
const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'ical', name), 'utf8');

const SUPPORTED_MESSAGE =
  'not a schedule format Recap Writer reads. Supported: frab XML (schedule.xml), frab/pretalx JSON (schedule.json), Sessionize "All Data" JSON, iCalendar (.ics). ' +
  'If it is one of these, name it with --format (frab-xml, frab-json, sessionize, ical).';

/** Asserts an ImportError whose message is exactly `message`. */
const importError = (message: string) => (err: unknown) => {
  assert.ok(err instanceof ImportError, `not an ImportError: ${String(err)}`);
  assert.equal(err.message, message);
  return true;
};

const REAL: [string[], string][] = [
  [['schedules', 'fosdem', 'fosdem-2007.xml'], 'frab-xml'],
  [['schedules', 'fosdem', 'fosdem-2026.xml'], 'frab-xml'],
  [['schedules', 'voc', 'frab-camp2019.json'], 'frab-json'],
  [['schedules', 'voc', 'pretalx-democon.json'], 'frab-json'],
  [['schedules', 'voc', 'pretalx-rc3.json'], 'frab-json'],
  // c3voc schema 2 (events flat under schedule.events).
  [['schedules', 'voc', 'hub-schedule2.json'], 'frab-json'],
  [['schedules', 'sessionize', 'global-azure-linz-2024.json'], 'sessionize'],
  [['schedules', 'sessionize', 'global-azure-linz-2025.json'], 'sessionize'],
];

for (const [path, format] of REAL) {
  test(`detectFormat: ${path.at(-1)} is ${format}`, { skip: skipUnlessShared(...path) }, () => {
    assert.equal(detectFormat(shared(...path)), format);
  });
}

test('detectFormat: the iCalendar fixtures are ical', () => {
  assert.equal(detectFormat(fixture('pretalx-sample.ics')), 'ical');
  assert.equal(detectFormat(fixture('sched-sample.ics')), 'ical');
});

test('detectFormat: the schema files beside the schedules are not schedules', { skip: skipUnlessShared('schedules', 'voc', 'schedule.xml.xsd') }, () => {
  // An XML Schema mentions schedules but has no <schedule> element; a JSON Schema has no top-level schedule object.
  assert.equal(detectFormat(shared('schedules', 'voc', 'schedule.xml.xsd')), undefined);
  assert.equal(detectFormat(shared('schedules', 'voc', 'schema.json')), undefined);
  assert.equal(detectFormat(shared('schedules', 'voc', 'schema2.json')), undefined);
});

test('importSchedule dispatches on the detected format', { skip: skipUnlessShared('schedules', 'voc', 'frab-camp2019.json') }, () => {
  const camp = importSchedule(shared('schedules', 'voc', 'frab-camp2019.json'), { fileName: 'frab-camp2019.json' });
  assert.equal(camp.format, 'frab-json');
  assert.equal(camp.files[0]!.event.id, 'camp2019');
  assert.equal(camp.files[0]!.sessions.length, 79);
  const ics = importSchedule(fixture('sched-sample.ics'), { fileName: 'all.ics' });
  assert.equal(ics.format, 'ical');
  assert.equal(ics.files[0]!.sessions.length, 6);
});

test('detectFormat: leading whitespace and a BOM before XML or iCalendar are fine', () => {
  assert.equal(detectFormat('\n\n  <?xml version="1.0"?>\n<schedule><conference/></schedule>'), 'frab-xml');
  assert.equal(detectFormat('\uFEFF<schedule>\n</schedule>'), 'frab-xml');
  assert.equal(detectFormat('\uFEFFBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'), 'ical');
  assert.equal(detectFormat('  {"schedule": {"conference": {}}}'), 'frab-json');
});

test('unknown content is undefined for detectFormat and an ImportError naming the formats for importSchedule', () => {
  const unknown = [
    '# My recap\n\nNotes from the conference.\n',
    '{"talks": [{"title": "A"}]}',
    // Sessionize needs both lists; frab JSON needs schedule to be an object.
    '{"sessions": []}',
    '{"schedule": "2024"}',
    '{"schedule": {',
    '<html><body>schedule</body></html>',
    '[1, 2, 3]',
    '',
  ];
  for (const text of unknown) {
    assert.equal(detectFormat(text), undefined, JSON.stringify(text));
    assert.throws(() => importSchedule(text), importError(SUPPORTED_MESSAGE), JSON.stringify(text));
  }
  assert.throws(() => importSchedule(unknown[0]!, { fileName: 'notes.md' }), importError(`notes.md: ${SUPPORTED_MESSAGE}`));
  // Every format name is in the message.
  for (const f of IMPORT_FORMATS) assert.ok(SUPPORTED_MESSAGE.includes(f), f);
});

test('detectFormat looks for <schedule> only in the first 64 KiB; --format frab-xml still imports it', () => {
  const late =
    `<?xml version="1.0"?>\n<!-- ${'x'.repeat(70_000)} -->\n<schedule><conference><title>Late Conf</title></conference>` +
    '<day date="2024-01-01"><room name="R"><event id="1"><start>10:00</start><duration>00:30</duration><title>Talk</title></event></room></day></schedule>\n';
  assert.equal(detectFormat(late), undefined);
  assert.throws(() => importSchedule(late), ImportError);
  const result = importSchedule(late, { format: 'frab-xml' });
  assert.equal(result.format, 'frab-xml');
  assert.deepEqual(
    result.files[0]!.sessions.map((s) => [s.id, s.room, s.start]),
    [['talk', 'R', '2024-01-01T10:00']],
  );
});

test('an explicit format wins over detection', { skip: skipUnlessShared('schedules', 'sessionize', 'global-azure-linz-2024.json') }, () => {
  const sessionize = shared('schedules', 'sessionize', 'global-azure-linz-2024.json');
  assert.equal(detectFormat(sessionize), 'sessionize');
  // Read as frab JSON it is rejected by the frab JSON importer, which knows what it looks like.
  assert.throws(
    () => importSchedule(sessionize, { format: 'frab-json' }),
    importError(
      'this JSON is not a frab/pretalx schedule: it has no schedule.conference object (it looks like a Sessionize export: import it as sessionize) ' +
        '(supported formats: frab-xml, frab-json, sessionize, ical)',
    ),
  );
  // An iCalendar file named frab-xml goes to the XML importer.
  assert.throws(
    () => importSchedule(fixture('sched-sample.ics'), { format: 'frab-xml' }),
    importError("not well-formed XML: char 'B' is not expected. (line 1, column 1)"),
  );
  // And the right explicit format imports as usual.
  assert.equal(importSchedule(sessionize, { format: 'sessionize' }).files[0]!.sessions.length, 15);
});

test('parseFormat accepts the four names and rejects others, naming them', () => {
  for (const f of IMPORT_FORMATS) assert.equal(parseFormat(f), f);
  assert.deepEqual([...IMPORT_FORMATS], ['frab-xml', 'frab-json', 'sessionize', 'ical']);
  for (const bad of ['xml', 'FRAB-XML', 'pretalx', 'ics', '']) {
    assert.throws(() => parseFormat(bad), importError(`unknown format '${bad}': use one of frab-xml, frab-json, sessionize, ical`));
  }
});

test('a UTF-8 BOM before a JSON schedule is ignored', { skip: skipUnlessShared('schedules', 'voc', 'frab-camp2019.json') }, () => {
  const camp = '\uFEFF' + shared('schedules', 'voc', 'frab-camp2019.json');
  assert.equal(detectFormat(camp), 'frab-json');
  assert.equal(importSchedule(camp).files[0]!.sessions.length, 79);
});

test('a UTF-8 BOM before an iCalendar file is ignored', () => {
  assert.equal(importSchedule('\uFEFF' + fixture('sched-sample.ics')).files[0]!.sessions.length, 6);
});

test(
  'the Sessionize "Sessions" view (a list of groups) is detected',
  { skip: skipUnlessShared('schedules', 'sessionize', 'global-azure-linz-2024.json') },
  () => {
    const all = JSON.parse(shared('schedules', 'sessionize', 'global-azure-linz-2024.json')) as { sessions: unknown[] };
    const view = JSON.stringify([{ groupId: null, groupName: 'All', sessions: all.sessions }]);
    assert.equal(importSchedule(view, { format: 'sessionize' }).files[0]!.sessions.length, 15);
    assert.equal(detectFormat(view), 'sessionize');
  },
);
