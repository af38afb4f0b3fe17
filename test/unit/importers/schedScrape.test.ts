import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { importSchedScrape, splitSpeakerTail } from '../../../src/core/importers/schedScrape';

// Ten real items cut from the KubeCon EU 2024 Sched scrape, and their second-brain notes.
const dir = join(process.cwd(), 'test', 'fixtures', 'sched');
const scrape = JSON.parse(readFileSync(join(dir, 'kubecon-eu-2024-slidefetcher.json'), 'utf8')) as unknown;
const notes = JSON.parse(readFileSync(join(dir, 'kubecon-eu-2024-second-brain.json'), 'utf8')) as unknown;

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
