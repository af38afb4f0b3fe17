import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryBundleFiles, readBundle } from '../src/core/index/binaryBundle';
import type { EventFile, Session } from '../src/core/index/model';
import { SessionIndex } from '../src/core/index/sessionIndex';
import { bundledSources } from '../src/core/index/sources';

export const root = join(__dirname, '..', '..');

export function bundledFiles(): EventFile[] {
  const path = join(root, 'data', 'bundled', 'index.bin');
  if (!existsSync(path)) throw new Error(`no bundled index at ${path}: run npm run generate:index`);
  return binaryBundleFiles(readFileSync(path));
}

/** The bundled index as the extension loads it (its search prebuilt). */
export function bundledIndex(): SessionIndex {
  return new SessionIndex(readBundle(readFileSync(join(root, 'data', 'bundled', 'index.bin')), 'bench'));
}

export function indexOf(files: EventFile[]): SessionIndex {
  return new SessionIndex(bundledSources(files, 'bench'));
}

/** Deterministic PRNG so every run measures the same data and queries. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ri', 'mo', 'sen', 'ov', 'ski', 'ez', 'lin', 'dor', 'va', 'ne', 'tu', 'ber', 'gha', 'lo', 'mi', 'zu', 'an', 'ek', 'is'];

/**
 * A 100,000-session index shaped like real ones: titles recombined from real
 * FOSDEM titles, and speakers whose surnames are nearly all distinct (real
 * names are, and that is what makes a word index large).
 */
export function generatedFiles(base: EventFile[], count: number): EventFile[] {
  const random = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const all = base.flatMap((f) => f.sessions);
  const firstNames = [...new Set(all.flatMap((s) => s.speakers.map((sp) => sp.name.split(' ')[0]!)).filter((n) => n.length > 2))];
  const lastNames = [...new Set(all.flatMap((s) => s.speakers.map((sp) => sp.name.split(' ').slice(-1)[0]!)).filter((n) => n.length > 2))];
  const companies = ['Red Hat', 'Google', 'Microsoft', 'SUSE', 'Canonical', 'Intel', 'Isovalent', 'Grafana Labs', 'Mozilla', 'Independent'];
  const titleWords = all.map((s) => s.title.split(' '));
  const files: EventFile[] = [];
  const perEvent = 2000;
  for (let e = 0; e * perEvent < count; e++) {
    const sessions: Session[] = [];
    for (let i = 0; i < perEvent && e * perEvent + i < count; i++) {
      const a = pick(titleWords);
      const b = pick(titleWords);
      const cut = Math.max(1, Math.floor(a.length / 2));
      const title = [...a.slice(0, cut), ...b.slice(Math.floor(b.length / 2))].join(' ');
      const speakers = Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
        name: `${pick(firstNames)} ${pick(lastNames)}${pick(SYLLABLES)}${random() < 0.5 ? pick(SYLLABLES) : ''}`,
        affiliation: random() < 0.6 ? pick(companies) : undefined,
      })).map((sp) => (sp.affiliation ? sp : { name: sp.name }));
      sessions.push({ id: `s${e * perEvent + i}`, title, speakers, track: pick(['Containers', 'Kernel', 'Rust', 'Go', 'Community', 'Security']) });
    }
    files.push({ event: { id: `gen-conf-${e}`, name: `Generated Conference ${e}` }, sessions });
  }
  // Through JSON, as every index reaches the extension: parsed from a file, its strings flat
  // rather than the concatenation trees built above.
  return JSON.parse(JSON.stringify(files)) as EventFile[];
}
