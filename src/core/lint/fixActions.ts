import type { Finding, Fix, TextEdit } from './finding';
import { fixesFor, type FixSource } from './lintRecap';

/**
 * A code action as plain data: the editor turns it into one WorkspaceEdit
 * (one undo step). Made where the analysis is (the extension host, or the
 * lint worker for a large recap), so only the actions cross to the editor.
 */
export interface FixAction {
  title: string;
  /** A quick fix at the cursor, or the whole document's "Fix All" (`source.fixAll.recap`). */
  kind: 'quickfix' | 'fixAll';
  preferred: boolean;
  edits: TextEdit[];
  /** The finding a quick fix resolves, to tie it to its diagnostic. */
  finding?: { code: string; start: number };
}

/** Which actions are asked for: VS Code asks for quick fixes at the cursor, and for Fix All on save or by command. */
export interface FixRequest {
  start: number;
  end: number;
  quickFix: boolean;
  fixAll: boolean;
}

/**
 * The actions at `[start, end]`: each fix of each finding there, "fix all of
 * this rule" where the rule has two or more preferred fixes, and Fix All.
 */
export function fixActions(analysis: FixSource, request: FixRequest): FixAction[] {
  const findings = analysis.result.findings;
  const actions: FixAction[] = [];
  if (request.quickFix) {
    const here = findings.filter((f) => f.start <= request.end && request.start <= f.end && (f.fixes.length > 0 || f.fixable));
    for (const finding of here) {
      for (const fix of fixesFor(analysis, finding)) {
        actions.push({
          title: fix.title,
          kind: 'quickfix',
          preferred: fix.preferred === true,
          edits: fix.edits,
          finding: { code: finding.code, start: finding.start },
        });
      }
    }
    for (const rule of new Set(here.map((f) => f.code))) {
      const all = preferredFixes(
        analysis,
        findings.filter((f) => f.code === rule),
      );
      if (all.length >= 2) actions.push({ title: `Fix all ${rule} problems (${all.length})`, kind: 'quickfix', preferred: false, edits: combine(all) });
    }
  }
  if (request.fixAll) {
    const all = preferredFixes(analysis, findings);
    if (all.length > 0) actions.push({ title: `Fix all Recap Writer problems (${all.length})`, kind: 'fixAll', preferred: false, edits: combine(all) });
  }
  return actions;
}

function preferredFixes(analysis: FixSource, findings: readonly Finding[]): Fix[] {
  return findings.flatMap((f) =>
    fixesFor(analysis, f)
      .filter((x) => x.preferred)
      .slice(0, 1),
  );
}

/** The fixes' edits together, dropping any fix that would overlap one already taken. */
export function combine(fixes: readonly Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const clash = fix.edits.some((e) => taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start)));
    if (!clash) taken.push(...fix.edits);
  }
  return taken;
}
