import type { RecapReferences, ResolvedTalk } from '../references/model';
import type { Recognition } from '../references/recognizeRecap';
import type { Problem } from '../problem';

import type { TextEdit } from '../edits/textEdit';

export type { TextEdit, ResolvedTalk };

/** One quick fix: applied as a single edit set (one undo step), never outside its ranges. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix "fix all" and `source.fixAll` apply; at most one per finding. */
  preferred?: boolean;
}

/**
 * A lint result, plain data: a located problem (its `code` is the rule id),
 * with the fixes that were cheap to make with it. `fixesFor` (lintRecap.ts)
 * gives all its fixes, building those of a `fixable` finding when asked.
 */
export interface Finding extends Problem {
  fixes: Fix[];
  /** Its rule builds fixes for it when asked (see LintRule.fixes). */
  fixable?: boolean;
  /** Full id of the talk the finding is about, when there is one. */
  talk?: string;
}

/** What `lintRecap` (lint/lintRecap.ts) returns: the findings and every talk the recap mentions. */
export interface LintResult {
  findings: Finding[];
  talks: ResolvedTalk[];
  /**
   * The talks and body mentions the rules read, located: hover and Go to
   * Definition answer from them, so they agree with the findings. Absent
   * when nothing was linted (not a recap).
   */
  references?: RecapReferences;
  /**
   * Whether the file is a recap, declared or recognised by the talks it
   * mentions (see recognizeRecap.ts): what the CLI, the Problems panel,
   * completion, hover and the preview all go by. Absent from results made
   * by hand (the extension's empty result before the index is there).
   */
  recognition?: Recognition;
}
