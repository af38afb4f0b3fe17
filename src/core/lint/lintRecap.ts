import type { SessionIndex } from '../index/sessionIndex';
import type { Severity } from '../problem';
import { withReadableFrontmatter, type ParsedRecap } from '../recap/parseRecap';
import { BlockCache } from '../references/blockCache';
import { findRecap } from '../references/recognizeRecap';
import type { SessionSearch } from '../search/sessionSearch';
import type { Finding, Fix, LintResult } from './finding';
import { RULES } from './registry';
import type { LintRule, RuleContext, RuleFinding } from './rule';

export type RuleSetting = Severity | 'off';

export interface LintContext {
  index: SessionIndex;
  search: SessionSearch;
  /** Per rule id: a severity, or 'off'; rules not named keep their default. */
  rules?: Record<string, RuleSetting>;
  /**
   * One per open document (`new LintCache()`): what each block of the last
   * lint found, so a re-lint while typing re-reads only the changed block.
   * Results are the same with or without it.
   */
  cache?: LintCache;
  /**
   * Check the file only when it is a recap: declared (`event:`, `talks:`, a
   * `recaps/` folder) or recognised by the talks it links and names (see
   * recognizeRecap.ts); otherwise return no findings and no references. A
   * file whose text names no indexed event is dismissed without reading its
   * body. Without it every file is checked as a recap (the CLI does so for
   * files named on its command line).
   */
  onlyRecaps?: boolean;
}

/** The per-document cache `lintRecap` takes; opaque to callers. */
export class LintCache {
  /** @internal */
  readonly blocks = new BlockCache();
}

/**
 * A rule's findings; a rule that throws becomes one finding naming it and the
 * error, so the other rules still report and the Problems panel keeps updating.
 */
function checkSafely(rule: LintRule, context: RuleContext): RuleFinding[] {
  try {
    return rule.check(context);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return [
      {
        start: 0,
        end: 0,
        severity: 'error',
        message: `The ${rule.id} rule failed on this recap (${why}); the other rules still ran. Turn it off with "recap.lint.rules": {"${rule.id}": "off"} and report the recap that caused it.`,
      },
    ];
  }
}

/**
 * Every rule over one parse: the talks are found once and shared, findings
 * come sorted by position. A frontmatter that does not parse yields its one
 * `frontmatter-syntax` finding and is otherwise ignored (its events and
 * talks are yaml's guesses); the body is still checked. Pure, so the editor, the preview and the CLI get
 * the same result for the same text and index.
 */
export function lintRecap(written: ParsedRecap, context: LintContext): LintResult {
  // A frontmatter that does not parse gets its one syntax error; nothing else is said about it until it does.
  const parsed = withReadableFrontmatter(written);
  // Declaring nothing, a file is a recap by what it mentions: its events first (a cheap scan of URLs and names), then its talks.
  const { refs, recognition } = findRecap(parsed, context.index, { cache: context.cache?.blocks, onlyRecaps: context.onlyRecaps });
  if (!refs || (context.onlyRecaps && !recognition.isRecap)) return { findings: [], talks: [], recognition };
  const findings: Finding[] = [];
  const ruleContext = { parsed, refs, index: context.index, search: context.search };
  for (const rule of RULES) {
    const setting = context.rules?.[rule.id];
    if (setting === 'off') continue;
    for (const f of checkSafely(rule, ruleContext)) {
      const finding: Finding = {
        code: rule.id,
        severity: setting ?? f.severity ?? rule.defaultSeverity,
        message: f.message,
        start: f.start,
        end: f.end,
        fixes: f.fixes ?? [],
      };
      if (f.fixable && rule.fixes) finding.fixable = true;
      if (f.talk) finding.talk = f.talk;
      findings.push(finding);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return {
    findings,
    references: refs,
    recognition,
    get talks() {
      return refs.resolved;
    },
  };
}

/** What `fixesFor` needs of an analysis: the parse, its lint result, and the index and search it was made with. */
export interface FixSource {
  parsed: ParsedRecap;
  result: LintResult;
  index: SessionIndex;
  search: SessionSearch;
}

/** A finding's quick fixes: those made with it, or, for a `fixable` one, those its rule builds now. */
export function fixesFor(analysis: FixSource, finding: Finding): Fix[] {
  if (!finding.fixable) return finding.fixes;
  const rule = RULES.find((r) => r.id === finding.code);
  const refs = analysis.result.references;
  if (!rule?.fixes || !refs) return finding.fixes;
  return [...finding.fixes, ...rule.fixes({ parsed: withReadableFrontmatter(analysis.parsed), refs, index: analysis.index, search: analysis.search }, finding)];
}
