import type { SessionIndex } from '../index/sessionIndex';
import type { Severity } from '../problem';
import type { ParsedRecap } from '../recap/parseRecap';
import type { RecapReferences } from '../references/model';
import type { SessionSearch } from '../search/sessionSearch';
import type { Finding, Fix } from './finding';

/** What every rule sees: the one parse, the talks it mentions (found once for all rules), and the index. */
export interface RuleContext {
  parsed: ParsedRecap;
  refs: RecapReferences;
  index: SessionIndex;
  search: SessionSearch;
}

/** A rule's finding before lintRecap applies the configured severity. */
export interface RuleFinding {
  start: number;
  end: number;
  message: string;
  /** Fixes cheap enough to make with the finding (see LintRule.fixes for the others). */
  fixes?: Fix[];
  /** The rule's `fixes` builds at least one fix for it, when asked. */
  fixable?: boolean;
  talk?: string;
  /** A severity of its own (a YAML warning among YAML errors), kept unless the user configured one. */
  severity?: Severity;
}

export interface LintRule {
  /** Stable: users configure rules by it, and the README's `#rule-<id>` section documents it. */
  id: string;
  defaultSeverity: Severity;
  /** One line, for the README and settings. */
  description: string;
  check(context: RuleContext): RuleFinding[];
  /**
   * The fixes of one of its `fixable` findings, built when asked (a quick
   * fix opened, Fix All, `recap lint --fix`): a rule that reports hundreds
   * of talks in a long recap does not build edits for every one of them.
   */
  fixes?(context: RuleContext, finding: Finding): Fix[];
}
