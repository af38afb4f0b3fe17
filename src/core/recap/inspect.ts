import { CORE_VERSION } from '../version';
import { LineIndex } from '../text/lineIndex';
import { splitFrontmatter } from './frontmatter';
import { isRecapFile } from './recapFiles';

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

export function summarizeRecap(path: string, text: string): RecapSummary {
  const lines = new LineIndex(text);
  const split = splitFrontmatter(text);
  const fm = split.frontmatter;
  const data = fm?.data ?? {};
  const event = data['event'];
  const events = (Array.isArray(event) ? event : event === undefined || event === null ? [] : [event]).map(String);
  const talks = Array.isArray(data['talks']) ? (data['talks'] as unknown[]) : [];
  const talkIds = talks.flatMap((t) => (t && typeof t === 'object' && typeof (t as { id?: unknown }).id === 'string' ? [(t as { id: string }).id] : []));
  const problems = [...split.problems, ...(fm?.problems ?? [])].map((p) => {
    const pos = lines.positionAt(p.start);
    return { line: pos.line + 1, column: pos.character + 1, code: p.code, message: p.message };
  });
  return {
    coreVersion: CORE_VERSION,
    isRecap: isRecapFile(path, fm),
    frontmatter: fm
      ? {
          startLine: lines.positionAt(fm.start).line + 1,
          endLine: lines.positionAt(Math.max(fm.start, fm.end - 1)).line + 1,
          keys: Object.keys(data),
        }
      : null,
    events,
    talkIds,
    problems,
    bodyLines: lines.lineCount - lines.positionAt(split.bodyStart).line,
  };
}
