import type { SessionIndex } from '../index/sessionIndex';
import type { Severity } from '../problem';
import type { ParsedRecap } from '../recap/parseRecap';
import type { RecapReferences } from '../references/model';
import type { SessionSearch } from '../search/sessionSearch';
import type { Fix } from './finding';

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
  /**
   * The fixes, or what makes them: a rule that reports hundreds of talks in
   * a long recap builds edits only for the findings someone opens a quick
   * fix on (or fixes all of).
   */
  fixes?: Fix[] | (() => Fix[]);
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
}
