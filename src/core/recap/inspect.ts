import { CORE_VERSION } from '../version';
import type { ParsedRecap } from './parseRecap';

/** What the core sees in a file: the CLI's `recap inspect` and the extension API return the same shape. */
export interface RecapSummary {
  coreVersion: string;
  isRecap: boolean;
  frontmatter: { startLine: number; endLine: number; keys: string[] } | null;
  events: string[];
  talkIds: string[];
  problems: { line: number; column: number; code: string; message: string }[];
  bodyLines: number;
}

/** What the one parse of a recap (see parseRecap) says, counted: `recap inspect` and the extension API. */
export function summarizeRecap(parsed: ParsedRecap): RecapSummary {
  const { lines, frontmatter: fm } = parsed;
  const problems = parsed.problems.map((p) => {
    const pos = lines.positionAt(p.start);
    return { line: pos.line + 1, column: pos.character + 1, code: p.code, message: p.message };
  });
  return {
    coreVersion: CORE_VERSION,
    isRecap: parsed.isRecap,
    frontmatter: fm
      ? {
          startLine: lines.positionAt(fm.start).line + 1,
          endLine: lines.positionAt(Math.max(fm.start, fm.end - 1)).line + 1,
          keys: Object.keys(fm.data ?? {}),
        }
      : null,
    events: parsed.events.map((e) => e.value),
    talkIds: parsed.talks.flatMap((t) => (t.id ? [t.id.value] : [])),
    problems,
    bodyLines: lines.lineCount - lines.positionAt(parsed.bodyStart).line,
  };
}
