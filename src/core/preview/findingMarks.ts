import type { Finding } from '../lint/finding';
import { attrs, escapeHtml } from './html';

/**
 * A finding as the preview shows it: every mark, summary item and message the
 * webview reports carries the rule id and the 1-based line (as the CLI prints them).
 */
export interface PlacedFinding {
  finding: Finding;
  /** 1-based line of the finding's start. */
  line: number;
}

/** `<mark …>` for a finding's exact text: class per severity, rule, 1-based line, tooltip "rule: message". */
export function markOpen(f: PlacedFinding, extraClass = ''): string {
  const { finding } = f;
  return `<mark${attrs({
    class: `finding finding-${finding.severity}${extraClass ? ` ${extraClass}` : ''}`,
    'data-rule': finding.code,
    'data-line': f.line,
    title: `${finding.code}: ${finding.message}`,
  })}>`;
}

export const MARK_CLOSE = '</mark>';

/** A mark for a finding with no single piece of text to highlight (it spans blocks, or sits in code): a small labelled badge. */
export function badgeMark(f: PlacedFinding): string {
  return `${markOpen(f, 'finding-badge')}${escapeHtml(f.finding.code)}${MARK_CLOSE}`;
}
