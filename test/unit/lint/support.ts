import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBundle } from '../../../src/core/index/binaryBundle';
import { SessionIndex } from '../../../src/core/index/sessionIndex';
import type { Finding, TextEdit } from '../../../src/core/lint/finding';
import { SessionSearch } from '../../../src/core/search/sessionSearch';

/** The committed bundled index (FOSDEM 2007–2026 plus the seed events), loaded once for all lint tests. */
export const index = new SessionIndex(readBundle(readFileSync(join(process.cwd(), 'data', 'bundled', 'index.bin')), 'bundled'));
export const search = new SessionSearch(index);

/** Applies edits (non-overlapping, any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The text a finding points at. */
export function at(text: string, f: { start: number; end: number }): string {
  return text.slice(f.start, f.end);
}

export function only(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

import { fixesFor, lintRecap, type RuleSetting } from '../../../src/core/lint/lintRecap';
import { parseRecap } from '../../../src/core/recap/parseRecap';
import { findReferences } from '../../../src/core/references/findReferences';

/** The lint of a recap, with `fixes(finding)`: a finding's quick fixes, built as the code actions build them (fixesFor). */
export function lint(text: string, rules?: Record<string, RuleSetting>, path = 'recaps/recap.md') {
  const parsed = parseRecap(path, text);
  const result = lintRecap(parsed, { index, search, ...(rules ? { rules } : {}) });
  return { parsed, ...result, fixes: (f: Finding) => fixesFor({ parsed, result, index, search }, f) };
}

export function refs(text: string, path = 'recaps/recap.md') {
  return findReferences(parseRecap(path, text), index);
}

/** The talks a recap mentions: full id → the texts of its located body mentions. */
export function mentioned(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of refs(text).talks) {
    if (!t.session) continue;
    out[t.session.fullId] = t.mentions.filter((m) => m.located).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);
  }
  return out;
}

export function video(fullId: string): string {
  const v = index.get(fullId)?.video;
  if (!v) throw new Error(`no video for ${fullId} in the bundled index`);
  return v;
}

/** The same URL as a Markdown link destination (what the body fixes insert). */
export function dest(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}
