import type { PlacedFinding } from './findingMarks';
import { attrs, escapeHtml, withCode } from './html';

const ORDER = ['error', 'warning', 'info', 'hint'] as const;

/** Every finding, in text order: severity, rule, message and line; each item reveals its line when clicked. */
export function renderSummary(findings: PlacedFinding[]): string {
  if (findings.length === 0) {
    return '<section class="findings-summary findings-none" aria-label="Findings"><h2 class="section-title">No findings</h2></section>';
  }
  const counts = ORDER.map((s) => [s, findings.filter((f) => f.finding.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `<span class="count count-${s}">${n} ${s === 'info' || s === 'hint' ? s : `${s}${n === 1 ? '' : 's'}`}</span>`)
    .join('');
  const items = findings.map((f) => {
    const { code, severity, message } = f.finding;
    return (
      `<li${attrs({ class: `finding-item finding-item-${severity}`, 'data-rule': code, 'data-line': f.line, tabindex: 0, role: 'button', title: `Show line ${f.line} in the editor` })}>` +
      `<span class="severity severity-${severity}">${severity[0]!.toUpperCase()}${severity.slice(1)}</span>` +
      `<span class="finding-rule">${escapeHtml(code)}</span>` +
      `<span class="finding-message">${withCode(message)}${f.finding.fixes.length || f.finding.fixable ? ' <span class="finding-fix" title="A quick fix is available in the editor">quick fix</span>' : ''}</span>` +
      `<span class="finding-line-no">line ${f.line}</span></li>`
    );
  });
  return (
    `<section class="findings-summary" aria-label="Findings"><h2 class="section-title">Findings ${counts}</h2>` +
    `<ul class="finding-list">${items.join('')}</ul></section>`
  );
}
