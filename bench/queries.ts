import type { IndexedSession, SessionIndex } from '../src/core/index/sessionIndex';
import { rng } from './data';

export interface LabelledQuery {
  query: string;
  expected: string;
}

function typo(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 3));
  switch (Math.floor(random() * 3)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
    case 1:
      return word.slice(0, i) + word.slice(i + 1); // drop
    default:
      return word.slice(0, i) + 'e' + word.slice(i + 1); // replace
  }
}

/**
 * Queries as people type them about one known talk: two or three distinctive
 * title words with a typo, a speaker's surname with a typo plus a title word,
 * or title words in another order. Each is labelled with the talk it means.
 */
export function labelledQueries(index: SessionIndex, count: number, seed: number): LabelledQuery[] {
  const random = rng(seed);
  const sessions = index.sessions.filter((s) => s.title.split(' ').filter((w) => w.length > 4).length >= 3 && s.speakers.length > 0);
  const out: LabelledQuery[] = [];
  const used = new Set<string>();
  while (out.length < count && used.size < sessions.length) {
    const s: IndexedSession = sessions[Math.floor(random() * sessions.length)]!;
    if (used.has(s.fullId)) continue;
    used.add(s.fullId);
    const long = s.title
      .split(/\s+/)
      .map((w) => w.replace(/[^\p{L}\p{N}-]/gu, ''))
      .filter((w) => w.length > 4);
    const kind = out.length % 3;
    let query: string;
    if (kind === 0) query = [typo(long[0]!, random), long[long.length - 1]!].join(' ');
    else if (kind === 1) query = [typo(s.speakers[0]!.name.split(' ').slice(-1)[0]!, random), long[1]!].join(' ');
    else query = [long[long.length - 1]!, long[0]!, typo(long[1]!, random)].join(' ');
    out.push({ query: query.toLowerCase(), expected: s.fullId });
  }
  return out;
}

/** The hand-written typo queries from the issue and the seeds, over the bundled index. */
export const SEED_QUERIES: LabelledQuery[] = [
  { query: 'lipstik pig', expected: 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs' },
  { query: 'Abby Bangsr lipstick', expected: 'kubecon-eu-2024/sometimes-lipstick-is-exactly-what-a-pig-needs' },
  { query: 'reproducible dockerfle', expected: 'fosdem-2023/container_reproducible_dockerfile' },
  { query: 'Phil Estes tooling', expected: 'fosdem-2023/container_developer_tooling' },
  { query: 'zero trust buzzword', expected: 'state-of-open-con-2023/zero-trust-beyond-the-buzzword' },
  { query: 'villains guide comunity', expected: 'state-of-open-con-2023/the-villains-guide-to-how-to-lose-your-community' },
  { query: 'containers in a car', expected: 'devconf-cz-2023/containers-in-a-car' },
  { query: 'nicki watt k8s beyond', expected: 'kubecon-eu-2024-platform-engineering-day/to-k8s-and-beyond-maturing-your-platform-engineering-initiative' },
];
