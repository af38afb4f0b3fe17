import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Speaker } from '../../../src/core/index/model';
import { importSchedScrape, splitSpeakerTail } from '../../../src/core/importers/schedScrape';
import { speakerEvidence } from '../../../src/core/importers/schedSpeakers';
import { sharedFile, skipUnlessShared } from '../support/sharedData';

// Ten real items cut from the KubeCon EU 2024 Sched scrape, and their second-brain notes.
const dir = join(process.cwd(), 'test', 'fixtures', 'sched');
const scrape = JSON.parse(readFileSync(join(dir, 'kubecon-eu-2024-slidefetcher.json'), 'utf8')) as unknown;
const notes = JSON.parse(readFileSync(join(dir, 'kubecon-eu-2024-second-brain.json'), 'utf8')) as unknown;
// Thirty real titles with the speakers a reader finds in them (checked by eye).
const tails = (JSON.parse(readFileSync(join(dir, 'speaker-tails.json'), 'utf8')) as { titles: { name: string; title: string; speakers: string[] }[] }).titles;
const show = (speakers: Speaker[]): string[] => speakers.map((s) => (s.affiliation ? `${s.name} (${s.affiliation})` : s.name));
const named = (part: string): string => tails.find((t) => t.name.includes(part))!.name;

test('speaker tails: pairs, shared companies, job titles, groups; a tail without a company stays in the title', () => {
  assert.deepEqual(splitSpeakerTail('DRAcon: Demystifying Dynamic Resource Allocation - from Myths to Facts - Kevin Klues, NVIDIA & Patrick Ohly, Intel'), {
    title: 'DRAcon: Demystifying Dynamic Resource Allocation - from Myths to Facts',
    speakers: [
      { name: 'Kevin Klues', affiliation: 'NVIDIA' },
      { name: 'Patrick Ohly', affiliation: 'Intel' },
    ],
  });
  assert.deepEqual(splitSpeakerTail('Keynote: X - Kevin Klues, Distinguished Engineer & Sanjay Chatterjee, Engineering Manager, NVIDIA').speakers, [
    { name: 'Kevin Klues', affiliation: 'NVIDIA' },
    { name: 'Sanjay Chatterjee', affiliation: 'NVIDIA' },
  ]);
  assert.deepEqual(
    splitSpeakerTail('Y - Nikhita Raghunath & Rajas Kakodar, VMware by Broadcom; Patrick Ohly & Cathy Zhang, Intel').speakers.map(
      (s) => `${s.name}/${s.affiliation}`,
    ),
    ['Nikhita Raghunath/VMware by Broadcom', 'Rajas Kakodar/VMware by Broadcom', 'Patrick Ohly/Intel', 'Cathy Zhang/Intel'],
  );
  assert.deepEqual(splitSpeakerTail('Keynote: Closing Remarks'), { title: 'Keynote: Closing Remarks', speakers: [] });
  assert.deepEqual(splitSpeakerTail('A Race - avoiding foot-guns | Project Lightning Talk').speakers, []);
  assert.equal(
    splitSpeakerTail('Kubernetes on Edge Day Hosted by CNCF - Half Day Event | ALL ACCESS PASS REQUIRED').title,
    'Kubernetes on Edge Day Hosted by CNCF',
  );
});

test('the scrape: breaks and cancelled talks out, tracks from the notes, the page link preferred, confident fallbacks only', () => {
  const result = importSchedScrape(scrape, { eventId: 'kubecon-eu-2024', tracks: notes, name: 'KubeCon + CloudNativeCon Europe 2024' });
  assert.equal(result.format, 'sched-scrape');
  const sessions = result.files[0]!.sessions;
  assert.equal(sessions.length, 6, 'two badge pick-ups and two cancelled talks dropped');
  assert.equal(result.warnings.filter((w) => /cancelled/.test(w)).length, 2);
  const gpu = sessions.find((s) => s.title.startsWith('Keynote: Accelerating AI Workloads'))!;
  assert.deepEqual(gpu, {
    id: 'keynote-accelerating-ai-workloads-with-gpus-in-kubernetes',
    title: 'Keynote: Accelerating AI Workloads with GPUs in Kubernetes',
    speakers: [
      { name: 'Kevin Klues', affiliation: 'NVIDIA' },
      { name: 'Sanjay Chatterjee', affiliation: 'NVIDIA' },
    ],
    type: 'keynote',
    track: 'Keynote Sessions',
    video: gpu.video,
    slides: gpu.slides,
    schedule:
      'https://kccnceu2024.sched.com/event/1YhI5/keynote-accelerating-ai-workloads-with-gpus-in-kubernetes-kevin-klues-distinguished-engineer-sanjay-chatterjee-engineering-manager-nvidia',
  });
  const raw = (scrape as { sessions: { name: string; video: string }[] }).sessions.find((s) => s.name.startsWith('Keynote: Accelerating'))!.video;
  assert.equal(new URL(gpu.video!).href, new URL(raw).href, "the Sched page's own link");
  assert.match(gpu.slides!, /static\.sched\.com/);
  assert.equal(result.files[0]!.event.id, 'kubecon-eu-2024');
  assert.equal(result.files[0]!.event.url, 'https://kccnceu2024.sched.com/');
});

test("the notes' link fills a talk without one only when its title match was confident and the video is no other talk's", () => {
  const page = {
    sessions: [
      { name: 'A talk - Ann Example, Org', url: 'https://x.sched.com/event/1AAA/a?iframe=no', video: '' },
      { name: 'B talk - Bo Example, Org', url: 'https://x.sched.com/event/1BBB/b?iframe=no', video: '' },
      { name: 'C talk - Cy Example, Org', url: 'https://x.sched.com/event/1CCC/c?iframe=no', video: 'https://www.youtube.com/watch?v=ccccccccccc' },
    ],
  };
  const brain = {
    sessions: [
      { sched_event_id: '1AAA', youtube_url: 'https://www.youtube.com/watch?v=aaaaaaaaaaa', youtube_match_score: 0.95 },
      { sched_event_id: '1BBB', youtube_url: 'https://www.youtube.com/watch?v=ccccccccccc', youtube_match_score: 0.99 },
      { sched_event_id: '1CCC', youtube_url: 'https://www.youtube.com/watch?v=zzzzzzzzzzz', youtube_match_score: 1 },
    ],
  };
  const sessions = importSchedScrape(page, { eventId: 'x', tracks: brain }).files[0]!.sessions;
  assert.deepEqual(
    sessions.map((s) => s.video),
    ['https://www.youtube.com/watch?v=aaaaaaaaaaa', undefined, 'https://www.youtube.com/watch?v=ccccccccccc'],
  );
  const low = importSchedScrape(page, { eventId: 'x', tracks: { sessions: [{ ...brain.sessions[0], youtube_match_score: 0.8 }] } }).files[0]!.sessions;
  assert.equal(low[0]!.video, undefined);
});

test('talks only the notes list are added, unless a talk of the same title is there; "…: CANCELED" and kiosk hours are left out', () => {
  const page = {
    sessions: [
      { name: 'A talk - Ann Example, Org', url: 'https://x.sched.com/event/1AAA/a?iframe=no' },
      { name: 'Flux Planning Birds of a Feature (BoF)', url: 'https://x.sched.com/event/1FFF/f?iframe=no' },
      { name: 'SECURITY HUB | Unconference: CANCELED', url: 'https://x.sched.com/event/1SSS/s?iframe=no' },
      { name: 'Project Pavilion - AM Kiosks', url: 'https://x.sched.com/event/1KKK/k?iframe=no' },
    ],
  };
  const brain = {
    sessions: [
      { sched_event_id: '1AAA', title: 'A talk - Ann Example, Org', track: 'Security' },
      { sched_event_id: '1BBB', title: 'B talk - Bo Example, Org', track: 'Maintainer Track', sched_url: 'https://x.sched.com/event/1BBB/b' },
      { sched_event_id: '1FF2', title: 'Flux Planning BoF', track: 'Birds of a Feather' },
      { sched_event_id: '1CCC', title: 'Lunch 🍲' },
      { sched_event_id: '1DDD', title: 'CANCELLED: D talk - Di Example, Org' },
    ],
  };
  const result = importSchedScrape(page, { eventId: 'x', tracks: brain });
  const sessions = result.files[0]!.sessions;
  assert.deepEqual(
    sessions.map((s) => s.title),
    ['A talk', 'Flux Planning Birds of a Feature (BoF)', 'B talk'],
  );
  assert.deepEqual(sessions[2], {
    id: 'b-talk',
    title: 'B talk',
    speakers: [{ name: 'Bo Example', affiliation: 'Org' }],
    type: 'talk',
    track: 'Maintainer Track',
    schedule: 'https://x.sched.com/event/1BBB/b',
  });
  assert.equal(result.warnings.filter((w) => /cancelled/.test(w)).length, 1);
});

test('speaker tails of real titles: companies with commas, three people at one company, job titles, a person without a company', () => {
  const evidence = speakerEvidence(tails.map((t) => t.name));
  for (const t of tails) {
    const got = splitSpeakerTail(t.name, evidence);
    assert.deepEqual({ title: got.title, speakers: show(got.speakers) }, { title: t.title, speakers: t.speakers }, t.name);
  }
});

test('"A, B & C, X" or "A, X & B, Y": the other titles settle it; without them a lone group reads as pairs, one of several as one company', () => {
  const krisztian = named('Krisztian');
  // Lin Sun is seen at solo.io elsewhere ("Lin Sun, solo.io & Lee Calcote, Layer5"), so all three are solo.io's.
  assert.deepEqual(show(splitSpeakerTail(krisztian, speakerEvidence([krisztian, named('Lee Calcote')])).speakers), [
    'Lin Sun (solo.io)',
    'Krisztian Fekete (solo.io)',
    'Denis Jannot (solo.io)',
  ]);
  assert.deepEqual(show(splitSpeakerTail(krisztian, speakerEvidence([krisztian])).speakers), ['Lin Sun (Krisztian Fekete)', 'Denis Jannot (solo.io)']);
  // Among "; " groups, with no evidence at all, each group is one company's people.
  assert.deepEqual(show(splitSpeakerTail(named('Falco')).speakers).slice(0, 3), [
    'Luca Guerra (Sysdig)',
    'Leonardo Grasso (Sysdig)',
    'Jason Dellaluce (Sysdig)',
  ]);
  // "Red Hat" is a company other titles end with, so Fabian Deutsch's company is Red Hat, not Goldman Sachs.
  const deutsch = named('Fabian Deutsch');
  assert.deepEqual(show(splitSpeakerTail(deutsch, speakerEvidence([deutsch, named('Jose Gomez-Selles')])).speakers), [
    'Fabian Deutsch (Red Hat)',
    'Michael Hanulec (Goldman Sachs)',
  ]);
});

test('a tail without a comma, or a one-word name first, is a speaker only where another title shows that person', () => {
  const prodan = named('GitOps Continuous Delivery');
  assert.deepEqual(splitSpeakerTail(prodan, speakerEvidence([prodan])), { title: prodan, speakers: [] });
  assert.deepEqual(show(splitSpeakerTail(prodan, speakerEvidence([prodan, named('Alec Hothan')])).speakers), ['Stefan Prodan']);
  const flynn = named('Emissary-Ingress');
  assert.equal(splitSpeakerTail(flynn, speakerEvidence([flynn])).speakers.length, 0);
  assert.deepEqual(show(splitSpeakerTail(flynn, speakerEvidence([flynn, named('Mike Morris')])).speakers), ['Flynn (Buoyant)']);
});

test(
  'the whole KubeCon EU 2024 scrape: no company read as a person, no person as a company',
  { skip: skipUnlessShared('schedules', 'sched', 'kubecon-eu-2024-slidefetcher.json') },
  () => {
    const read = (name: string): unknown => JSON.parse(readFileSync(sharedFile('schedules', 'sched', name), 'utf8'));
    const sessions = importSchedScrape(read('kubecon-eu-2024-slidefetcher.json'), {
      eventId: 'kubecon-eu-2024',
      tracks: read('kubecon-eu-2024-second-brain.json'),
    }).files[0]!.sessions;
    const by = (start: string): string[] => show(sessions.find((s) => s.title.startsWith(start))!.speakers);
    assert.deepEqual(by('Falco: A Grand Promenade'), tails.find((t) => t.name.startsWith('Falco: A Grand'))!.speakers);
    assert.deepEqual(by('Advanced Resource Management for Running AI/ML Workloads with Kueue'), ['Michał Woźniak (Google)', 'Yuki Iwai (CyberAgent, Inc.)']);
    assert.deepEqual(by('Composable Systems in Kubernetes'), ['Michele Gazzetti (IBM Research Europe - Ireland)']);
    const names = new Set(sessions.flatMap((s) => s.speakers.map((p) => p.name.toLowerCase())));
    for (const s of sessions)
      for (const p of s.speakers) {
        assert.ok(!/,|&|^moderated by/i.test(p.name), `${s.title}: "${p.name}" is not one person's name`);
        assert.ok(!p.affiliation || !/^(?:inc|llc|ltd)\.?$/i.test(p.affiliation), `${s.title}: "${p.affiliation}" is only a legal form`);
        assert.ok(!p.affiliation || !names.has(p.affiliation.toLowerCase()), `${s.title}: ${p.name}'s company "${p.affiliation}" is a speaker`);
      }
    // The rest name no one: lightning talks ("… | Project Lightning Talk"), hubs, contribfests, co-located days.
    assert.equal(sessions.filter((s) => s.speakers.length > 0).length, 325);
  },
);
