import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { applyEdits, at, lint, only } from './support';

const LIPSTICK = 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs';
const GRAPHS = 'fosdem-2023/rust_scalable_graph_algorithms_in_rust_and_python';

const speakers = (text: string, rules = {}) => only(lint(text, rules).findings, 'speaker-mismatch');

test('a typo in a frontmatter speaker is reported on the name and fixed in place, quotes kept', () => {
  const text = `---
event: kubecon-eu-2024
talks:
  - id: ${LIPSTICK}
    speakers:
      - name: "Abby Bangsr"
        affiliation: Syntasso
      - name: Whitney Lee
        affiliation: VMware
    video: https://www.youtube.com/watch?v=abcdefghijk
---
`;
  const [f] = speakers(text);
  assert.equal(at(text, f!), '"Abby Bangsr"');
  assert.equal(
    f!.message,
    'Speakers of “Sometimes, Lipstick Is Exactly What a Pig Needs!” differ from the index: “Abby Bangsr” is “Abby Bangser” in the index.',
  );
  const fixed = applyEdits(text, f!.fixes[0]!.edits);
  assert.equal(fixed, text.replace('"Abby Bangsr"', '"Abby Bangser"'));
  assert.deepEqual(parseRecap('r.md', fixed).problems, []);
  assert.deepEqual(speakers(fixed), []);
});

test('a co-speaker left out of the frontmatter is added in the list’s own form', () => {
  const mapping = `---
event: kubecon-eu-2024
talks:
  - id: ${LIPSTICK}
    speakers:
      - name: Abby Bangser
        affiliation: Syntasso
    video: https://www.youtube.com/watch?v=abcdefghijk
---
`;
  const [f] = speakers(mapping);
  assert.equal(f!.message, 'Speakers of “Sometimes, Lipstick Is Exactly What a Pig Needs!” differ from the index: co-speaker Whitney Lee (VMware) missing.');
  const fixed = applyEdits(mapping, f!.fixes[0]!.edits);
  assert.equal(
    fixed,
    mapping.replace('        affiliation: Syntasso\n', '        affiliation: Syntasso\n      - name: Whitney Lee\n        affiliation: VMware\n'),
  );
  assert.deepEqual(parseRecap('r.md', fixed).problems, []);

  const plain = `---\nevent: fosdem-2023\ntalks:\n  - id: ${GRAPHS}\n    speakers:\n      - Martin Junghanns\n---\n`;
  const fixedPlain = applyEdits(plain, speakers(plain)[0]!.fixes[0]!.edits);
  assert.equal(fixedPlain, plain.replace('      - Martin Junghanns\n', '      - Martin Junghanns\n      - Paul Horn\n'));

  const flow = `---\nevent: fosdem-2023\ntalks:\n  - id: ${GRAPHS}\n    speakers: [Martin Junghans]\n---\n`;
  const fixedFlow = applyEdits(flow, speakers(flow)[0]!.fixes[0]!.edits);
  assert.equal(fixedFlow, flow.replace('[Martin Junghans]', '[Martin Junghanns, Paul Horn]'));
  assert.deepEqual(
    parseRecap('r.md', fixedFlow).talks[0]!.speakers!.value.map((s) => s.name),
    ['Martin Junghanns', 'Paul Horn'],
  );
});

test('names beside a title in the text: typos fixed, a missing co-speaker added in the same style', () => {
  const text = `---
event: kubecon-eu-2024
---

- Sometimes, Lipstick Is Exactly What a Pig Needs! — Abby Bangsr (Syntasso), Whitney Lee (VMware) ([video](https://youtu.be/abcdefghijk))
- Navigating the Depth of App Delivery Through Memes — Lian Li, Independent ([video](https://youtu.be/bcdefghijkl))
`;
  const found = speakers(text);
  assert.deepEqual(
    found.map((f) => [at(text, f), f.message]),
    [
      [
        'Abby Bangsr (Syntasso), Whitney Lee (VMware)',
        'Speakers of “Sometimes, Lipstick Is Exactly What a Pig Needs!” differ from the index: “Abby Bangsr” is “Abby Bangser” in the index.',
      ],
      [
        'Lian Li, Independent',
        'Speakers of “Navigating the Depth of App Delivery Through Memes” differ from the index: co-speaker Thomas Schuetz (WhizUs) missing.',
      ],
    ],
  );
  const fixed = applyEdits(applyEdits(text, found[1]!.fixes[0]!.edits), found[0]!.fixes[0]!.edits);
  assert.equal(fixed, text.replace('Abby Bangsr', 'Abby Bangser').replace('Lian Li, Independent', 'Lian Li, Independent, Thomas Schuetz, WhizUs'));
  assert.deepEqual(speakers(fixed), []);
});

test('what recaps really write is not flagged: seed-style "Name, Company & Name, Company", a moderator, first names, accents, other companies', () => {
  const text = `---
event: kubecon-eu-2024
---

- Sometimes, Lipstick Is Exactly What a Pig Needs! — Abby Bangser, Syntasso & Whitney Lee, VMware (video — presentation)
- Navigating the Depth of App Delivery Through Memes — Lian Li (Broadcom), Thomas Schuetz (WhizUs)
- Panel: Venture Capital and Open Source, the Good, the Bad, and the Ugly — Kelsey Hightower; Aneel Lakhani, Crane Venture Partners, Megan Reynolds, Vertex & Michael Yamnitsky, Insight Partners (video)
- Is Your OSS Project Ready to Spin off Into a Company? — Arsh Sharma & Ramiro Berrelleza, Okteto; Idit Levine, Solo.io; Madhuri Yechuri, Elotl Inc.; Shauli Rozen, ARMO (video) —” Is your project really used?”
- TAG App Delivery Platforms Working Group Update — Colin (video)
- Keynote: A 10-year Detour: The Future of Application Delivery in a Containerized World — a great opening by Solomon
`;
  assert.deepEqual(speakers(text), []);
  const accents = `---\nevent: fosdem-2023\n---\n\n- Safer containers through system call interception — Stephane Graber\n`;
  assert.deepEqual(speakers(accents), []);
});

test('a talk the index lists without speakers is never flagged', () => {
  const text = `---\nevent: kubecon-eu-2024\n---\n\n- How Spotify Re-Created Our Entire Backend Without Skipping a Beat — Someone Else\n`;
  assert.deepEqual(speakers(text), []);
});

test('a speaker the schedule lists twice is one person: named once, nobody is missing', () => {
  // FOSDEM 2024's schedule lists Antoni Ivanov twice for this talk.
  const text = `---
event: fosdem-2024
talks:
  - id: fosdem-2024/fosdem-2024-1740-productionizing-jupyter-notebooks
    speakers:
      - name: Antoni Ivanov
---

- Productionizing Jupyter Notebooks — Antoni Ivanov. Notebooks as deployable jobs.
`;
  assert.deepEqual(speakers(text), []);
});
