import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { importStats } from '../../../src/core/importers/common';
import { importFrabXml } from '../../../src/core/importers/frabXml';
import { ImportError, type ImportResult } from '../../../src/core/importers/types';
import type { Session } from '../../../src/core/index/model';
import { sharedFile, skipUnlessShared } from '../support/sharedData';

const YEARS = Array.from({ length: 20 }, (_, i) => 2007 + i);
// The counts below were made on the exports we had first; for 2024–2026 the shared data now keeps
// those as `-preliminary.xml` beside the post-conference exports (see ../shared/data/README.md).
const fosdem = (year: number) => ['schedules', 'fosdem', year >= 2024 ? `fosdem-${year}-preliminary.xml` : `fosdem-${year}.xml`];
const skipAll = YEARS.map((y) => skipUnlessShared(...fosdem(y))).find((s) => s !== false) ?? false;

// Each year is read and imported once for the whole file (all 20 take ~3 s).
const raw = new Map<number, string>();
const imported = new Map<number, ImportResult>();
function xml(year: number): string {
  let text = raw.get(year);
  if (text === undefined) raw.set(year, (text = readFileSync(sharedFile(...fosdem(year)), 'utf8')));
  return text;
}
function year(y: number): ImportResult {
  let result = imported.get(y);
  if (!result) imported.set(y, (result = importFrabXml(xml(y), { fileName: `fosdem-${y}.xml` })));
  return result;
}
const sessions = (y: number) => year(y).files[0]!.sessions;
const session = (y: number, id: string): Session => {
  const found = sessions(y).find((s) => s.id === id);
  assert.ok(found, `no session ${id} in fosdem-${y}`);
  return found;
};
/** The raw text of each `<event>` element, in document order (the order the importer keeps). */
const rawEvents = (y: number) =>
  xml(y)
    .split(/<event[\s>]/)
    .slice(1)
    .map((chunk) => chunk.slice(0, chunk.indexOf('</event>')));

// Counted with grep -c '<event ' on each file (one event per line), before any of this code ran.
const EVENTS_PER_YEAR: Record<number, number> = {
  2007: 215,
  2008: 258,
  2009: 281,
  2010: 301,
  2011: 331,
  2012: 442,
  2013: 487,
  2014: 513,
  2015: 551,
  2016: 617,
  2017: 668,
  2018: 689,
  2019: 775,
  2020: 872,
  2021: 773,
  2022: 730,
  2023: 780,
  2024: 674,
  2025: 943,
  2026: 883,
};

test('FOSDEM 2007–2026: 11,783 sessions in all, every <event> of every year', { skip: skipAll }, () => {
  let total = 0;
  for (const y of YEARS) {
    const result = year(y);
    assert.equal(result.format, 'frab-xml');
    assert.equal(result.files.length, 1);
    assert.equal(result.files[0]!.event.id, `fosdem-${y}`);
    const n = result.files[0]!.sessions.length;
    // Counted here from the raw text, and against the table counted with grep.
    assert.equal(n, (xml(y).match(/<event[\s>]/g) ?? []).length, `fosdem-${y}`);
    assert.equal(n, EVENTS_PER_YEAR[y], `fosdem-${y}`);
    assert.equal(new Set(result.files[0]!.sessions.map((s) => s.id)).size, n, `fosdem-${y}: ids unique`);
    total += n;
  }
  assert.equal(total, 11783);
});

test('FOSDEM 2007–2026: sessions with video and with slides', { skip: skipAll }, () => {
  const stats = importStats(YEARS.map((y) => year(y).files[0]!));
  // Counted independently with python3 (xml.etree) on the raw files:
  //  video = a <link> on a recording host (video.fosdem.org, youtube, youtu.be, vimeo, media.ccc.de, twitch…)
  //          or to a video file: 5,844 sessions. The importer finds 4 more, whose link *title* says
  //          "Video" though the URL is a web page (air.mozilla.org, a jogamp.org page, a Google+ post,
  //          a wiki page): 5,848.
  //  slides = an attachment under /slides/ or a link titled "slides": 1,987 sessions. The importer
  //          counts 2,105 = 1,987 + 26 links to slide hosts (slideshare, speakerdeck, slides.com,
  //          Google Slides) + 63 linked PDF/ODP files + 39 PDFs attached as "paper"/"audio"/"other"/"video"
  //          − 10 slides-titled links it files as video (4 in 2008, where the titles of the Ogg and the
  //          PDF link are swapped in the schedule; 4 titled "slides with video…"; a MediaWiki
  //          /w/index.php page; a youtube.com/redirect to slides.com).
  assert.equal(stats.sessions, 11783);
  // Since links are classified by URL before title, the 10 slides-titled links above are slides:
  // one session loses its only "video" (5,847) and nine gain slides (2,114).
  // The 2019 file was later replaced by a snapshot with 52 more recorded events (WebM + MP4 each,
  // ../shared/data/FOUND.md); one of them already counted through another link: 5,847 + 51.
  assert.equal(stats.sessionsWithVideo, 5898);
  assert.equal(stats.sessionsWithSlides, 2114);
  assert.equal(stats.events, 20);
});

test('FOSDEM lists each recording as WebM and MP4: the MP4 is kept', { skip: skipAll }, () => {
  let both = 0;
  for (const y of YEARS) {
    const events = rawEvents(y);
    const list = sessions(y);
    assert.equal(events.length, list.length);
    list.forEach((s, i) => {
      const links = events[i]!.slice(events[i]!.indexOf('<links>'));
      const hasMp4 = /<link href="[^"]+\.mp4"/i.test(links);
      if (hasMp4 && /<link href="[^"]+\.webm"/i.test(links)) {
        both++;
        assert.match(s.video ?? '', /\.mp4$/i, `fosdem-${y} ${s.id}`);
      }
    });
  }
  // python3: events with both a .webm and a .mp4 link, all years (4,955), plus the 52 recordings
  // the replaced 2019 file added.
  assert.equal(both, 5007);
  // 2023: 646 MP4 recordings, no WebM left, and one YouTube video.
  const v2023 = sessions(2023)
    .filter((s) => s.video)
    .map((s) => s.video!);
  assert.equal(v2023.filter((v) => v.endsWith('.mp4')).length, 646);
  assert.equal(v2023.filter((v) => v.endsWith('.webm')).length, 0);
  assert.deepEqual(
    v2023.filter((v) => !v.endsWith('.mp4')),
    ['https://www.youtube.com/watch?v=Op6EQAfo7J8&t=53s'],
  );
});

test('fosdem-2023: stats of the year', { skip: skipUnlessShared(...fosdem(2023)) }, () => {
  // python3: 780 <event>s; 787 distinct person names (lower-cased).
  assert.deepEqual(importStats(year(2023).files), { events: 1, sessions: 780, speakers: 787, sessionsWithVideo: 647, sessionsWithSlides: 505 });
  assert.deepEqual(year(2023).warnings, []);
  assert.deepEqual(year(2023).files[0]!.event, {
    id: 'fosdem-2023',
    name: 'FOSDEM 2023',
    location: 'ULB (Université Libre de Bruxelles), Brussels',
    start: '2023-02-04',
    end: '2023-02-05',
  });
});

test('fosdem-2023 container_kubernetes_multi_cloud, field by field', { skip: skipUnlessShared(...fosdem(2023)) }, () => {
  const s = session(2023, 'container_kubernetes_multi_cloud');
  assert.equal(s.title, 'Deploying Kubernetes across Hybrid and Multi-Cloud Environments Using OpenNebula');
  assert.deepEqual(s.speakers, [{ name: 'Marco Mancini' }]);
  // <day date="2023-02-04"> + <start>12:05</start>; <duration>00:20</duration>.
  assert.equal(s.start, '2023-02-04T12:05');
  assert.equal(s.duration, 20);
  // From <room name="…"> around the event.
  assert.equal(s.room, 'UB2.252A (Lameere)');
  assert.equal(s.track, 'Containers');
  assert.equal(s.type, 'talk');
  // The MP4 of the two recordings, with the space in the room name encoded.
  assert.equal(s.video, 'https://video.fosdem.org/2023/UB2.252A%20(Lameere)/container_kubernetes_multi_cloud.mp4');
  assert.ok(s.video!.endsWith('container_kubernetes_multi_cloud.mp4'));
  assert.ok(!s.video!.includes(' '));
  assert.equal(
    s.slides,
    'https://fosdem.org/2023/schedule/event/container_kubernetes_multi_cloud/attachments/slides/5607/export/events/attachments/container_kubernetes_multi_cloud/slides/5607/FOSDEM_2023_Containers_DevRoom_Kubernetes_OpenNebula_final.pdf',
  );
  // The other links stay; the attached demo video is a link, not the recording; the WebM is gone.
  assert.deepEqual(s.links, [
    { url: 'https://opennebula.io/kubernetes-on-opennebula/', title: 'Kubernetes on OpenNebula' },
    { url: 'https://chat.fosdem.org/#/room/#2023-ub2.252a_lameere_:fosdem.org', title: 'Chat room (web)' },
    { url: 'https://matrix.to/#/#2023-ub2.252a_lameere_:fosdem.org?web-instance[element.io]=chat.fosdem.org', title: 'Chat room (app)' },
    { url: 'https://submission.fosdem.org/feedback/14580.php', title: 'Submit feedback' },
    {
      url: 'https://fosdem.org/2023/schedule/event/container_kubernetes_multi_cloud/attachments/video/5608/export/events/attachments/container_kubernetes_multi_cloud/video/5608/FOSDEM_Kubernetes_DEMO_2023.mp4',
    },
  ]);
  assert.equal(s.schedule, undefined, '2023 has no <url> per event');
});

test('fosdem-2010, the old layout: events straight under <day>, empty slugs → ids from titles', { skip: skipUnlessShared(...fosdem(2010)) }, () => {
  assert.doesNotMatch(xml(2010), /<room name=/);
  assert.equal((xml(2010).match(/<slug><\/slug>/g) ?? []).length, 301);
  const list = sessions(2010);
  assert.equal(list.length, 301);
  assert.deepEqual(year(2010).warnings, []);
  const asterisk = list[0]!;
  assert.equal(asterisk.id, 'asterisk-an-introduction-to-asterisk-development');
  assert.equal(asterisk.title, 'asterisk: An introduction to Asterisk Development');
  assert.deepEqual(asterisk.speakers, [{ name: 'Mark Michelson' }]);
  assert.equal(asterisk.start, '2010-02-06T16:40');
  assert.equal(asterisk.duration, 15);
  assert.equal(asterisk.track, 'Lightning Talks');
  assert.equal(asterisk.type, undefined, '<type></type> is empty');
  for (const s of list) assert.match(s.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, s.title);
  assert.deepEqual(year(2010).files[0]!.event, {
    id: 'fosdem-2010',
    name: 'FOSDEM 2010',
    location: 'ULB (Université Libre de Bruxelles), Brussels',
    start: '2010-02-06',
    end: '2010-02-07',
  });
});

test('fosdem-2008: duplicate titles get -2 ids, each with a warning', { skip: skipUnlessShared(...fosdem(2008)) }, () => {
  const { warnings } = year(2008);
  // python3: 258 events, 20 of them with a slugified title seen before in the file.
  assert.equal(warnings.length, 20);
  for (const w of warnings) assert.match(w, /^fosdem-2008: two sessions share the id '[^']+'; the later one \(".+"\) is '[^']+-\d'$/);
  assert.ok(warnings.includes(`fosdem-2008: two sessions share the id 'perl-6'; the later one ("Perl 6") is 'perl-6-2'`));
  const perl = sessions(2008).filter((s) => s.title === 'Perl 6');
  assert.deepEqual(
    perl.map((s) => s.id),
    ['perl-6', 'perl-6-2'],
  );
  // The 20 repeated slugs, in order, as python3 found them (the same slug rules, applied to the raw titles).
  const repeated = [
    'battle-for-wesnoth',
    'globulation-2',
    'jruby',
    'how-a-large-scale-opensource-project-works',
    'perl-6',
    'status-update-of-software-patents',
    'tux-with-shades-linux-in-hollywood',
    'unicoding-with-php-6',
    'welcome',
    'cakephp',
    'introduction-to-centos',
    'cmake',
    'conary-packaging-simply-powerful',
    'free-software-in-telecom-focusing-on-qtopia',
    'hudson',
    'application-virtualization-with-next-generation-klik',
    'openqrm-pluggable-virtualization-for-modern-data-centers',
    'scons',
    'virtualbox',
    'xen',
  ];
  assert.deepEqual(
    warnings.map((w) => /share the id '([^']+)'/.exec(w)?.[1]),
    repeated,
  );
  for (const id of repeated) {
    const first = session(2008, id);
    assert.equal(session(2008, `${id}-2`).title, first.title);
  }
  // A -2 of a title that itself ends in 2 ("Globulation 2").
  assert.deepEqual(
    sessions(2008)
      .filter((s) => s.title === 'Globulation 2')
      .map((s) => s.id),
    ['globulation-2', 'globulation-2-2'],
  );
  // conference <end> is "20008-02-24" in the file: not a date, so left out.
  assert.equal(year(2008).files[0]!.event.end, undefined);
  assert.equal(year(2008).files[0]!.event.start, '2008-02-23');
});

test('fosdem-2008: the Ogg recording is the video even where the schedule titles it "Slides (PDF)"', { skip: skipUnlessShared(...fosdem(2008)) }, () => {
  const s = sessions(2008).find((x) => x.title === 'CloudBridges: bridging social networks')!;
  assert.equal(s.video, 'http://video.fosdem.org/2008/lightningtalks/FOSDEM2008-cloudbridges.ogg');
});

test('a link titled "Video" on a web page is taken as the video', { skip: skipUnlessShared(...fosdem(2013)) }, () => {
  const s = sessions(2013).find((x) => x.title === 'Changesets evolution with Mercurial')!;
  assert.equal(s.video, 'https://air.mozilla.org/changesets-evolution-with-mercurial/');
});

test("fosdem-2007–2012: each event's <room> is kept", { skip: skipAll }, () => {
  assert.equal(session(2010, 'asterisk-an-introduction-to-asterisk-development').room, 'Ferrer');
  for (const y of [2007, 2008, 2009, 2010, 2011, 2012]) {
    const events = rawEvents(y);
    sessions(y).forEach((s, i) => assert.equal(s.room, /<room>([^<]*)<\/room>/.exec(events[i]!)?.[1]?.trim(), `fosdem-${y} ${s.id}`));
  }
});

test('numeric character references (&#39;, &#233;) are decoded', { skip: skipAll }, () => {
  // Found by position in the raw file, so the lookup does not depend on the title being decoded.
  const at = rawEvents(2007).findIndex((e) => e.includes('<title>Let&#39;s port together</title>'));
  assert.ok(at >= 0);
  const s = sessions(2007)[at]!;
  assert.equal(s.title, "Let's port together");
  assert.equal(s.id, 'lets-port-together');
  assert.equal(year(2012).files[0]!.event.location, 'ULB (Université Libre de Bruxelles), Brussels');
  for (const y of YEARS)
    for (const x of sessions(y)) assert.doesNotMatch(`${x.title} ${x.speakers.map((p) => p.name).join()}`, /&#\d+;/, `fosdem-${y} ${x.id}`);
});

test('a MediaWiki /w/index.php link titled "Slides" is the slides', { skip: skipUnlessShared(...fosdem(2017)) }, () => {
  assert.equal(session(2017, 'osd_finding_user_needs').slides, 'https://commons.wikimedia.org/w/index.php?title=File%3AFOSDEM%2717_Finding_User_Needs.pdf');
});

test('slides titled "Slides with video demos" on slideshare are not lost', { skip: skipUnlessShared(...fosdem(2019)) }, () => {
  const s = session(2019, 'js_iot_smart');
  assert.equal(s.slides, 'https://www.slideshare.net/rzrfreefr/iotjavascript2019fosdem');
});

test('every imported id is a valid index id and every link an http(s) URL (so the written file validates)', { skip: skipAll }, () => {
  const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
  const bad: string[] = [];
  for (const y of YEARS) {
    for (const s of sessions(y)) {
      if (!ID.test(s.id)) bad.push(`fosdem-${y} ${s.id}`);
      for (const l of s.links ?? []) if (!URL.canParse(l.url)) bad.push(`fosdem-${y} ${s.id} ${l.url}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('malformed XML → ImportError with line and column', () => {
  const text =
    '<?xml version="1.0"?>\n<schedule>\n  <conference><title>X</title></conference>\n  <day date="2024-01-01"><event id="1"><title>A</event></day>\n</schedule>\n';
  assert.throws(
    () => importFrabXml(text),
    (err: unknown) => {
      assert.ok(err instanceof ImportError);
      // Column 48 of line 4 is the `</event>` that closes nothing open.
      assert.equal(
        err.message,
        "not well-formed XML: Expected closing tag 'title' (opened in line 4, col 40) instead of closing tag 'event'. (line 4, column 48)",
      );
      return true;
    },
  );
  // Unclosed elements: reported at the start.
  assert.throws(
    () => importFrabXml('<schedule><conference>'),
    (err: unknown) => err instanceof ImportError && /^not well-formed XML: .* \(line 1, column 1\)$/.test(err.message),
  );
});

test('XML that is not a frab schedule → ImportError', () => {
  for (const text of ['<?xml version="1.0"?>\n<rss><channel><title>Blog</title></channel></rss>\n', '<schedule><day date="2024-01-01"/></schedule>']) {
    assert.throws(
      () => importFrabXml(text),
      (err: unknown) => {
        assert.ok(err instanceof ImportError);
        assert.equal(err.message, 'this XML is not a frab schedule: it has no <schedule><conference> element');
        return true;
      },
    );
  }
});

test('a minimal schedule: ids, room from <room name>, untitled events skipped with a warning', () => {
  const text = `<schedule>
  <conference><title>Mini Conf</title><acronym>mini24</acronym><start>2024-03-01</start><end>2024-03-01</end></conference>
  <day date="2024-03-01">
    <room name="Hall A">
      <event id="1"><start>10:00</start><duration>00:30</duration><slug>keynote</slug><title>Keynote</title><type>Keynote</type>
        <persons><person id="1">Ada</person><person id="2">Grace</person></persons>
        <links><link href="https://youtu.be/abc">Recording</link><link href="https://">https://</link></links>
      </event>
      <event id="2"><start>11:00</start><duration>01:15</duration><title></title></event>
      <event id="3"><start>12:00</start><duration>00:05</duration><title>Keynote</title></event>
    </room>
  </day>
</schedule>`;
  const result = importFrabXml(text, { fileName: 'mini.xml' });
  assert.deepEqual(result.files[0]!.event, { id: 'mini24', name: 'Mini Conf', start: '2024-03-01', end: '2024-03-01' });
  assert.deepEqual(result.files[0]!.sessions, [
    {
      id: 'keynote',
      title: 'Keynote',
      speakers: [{ name: 'Ada' }, { name: 'Grace' }],
      type: 'keynote',
      start: '2024-03-01T10:00',
      duration: 30,
      room: 'Hall A',
      video: 'https://youtu.be/abc',
    },
    { id: 'keynote-2', title: 'Keynote', speakers: [], start: '2024-03-01T12:00', duration: 5, room: 'Hall A' },
  ]);
  assert.deepEqual(result.warnings, [
    'mini24: event 2 on 2024-03-01 has no title; skipped',
    `mini24: two sessions share the id 'keynote'; the later one ("Keynote") is 'keynote-2'`,
  ]);
  assert.equal(importFrabXml(text, { eventId: 'mine' }).files[0]!.event.id, 'mine');
});
