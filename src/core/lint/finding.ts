import type { RecapReferences } from '../references/model';
import type { Problem } from '../problem';

/** Replace text[start, end) with newText; offsets index the recap's text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** One quick fix: applied as a single edit set (one undo step), never outside its ranges. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix "fix all" and `source.fixAll` apply; at most one per finding. */
  preferred?: boolean;
}

/** A lint result: a located problem (its `code` is the rule id) with the fixes that resolve it. */
export interface Finding extends Problem {
  fixes: Fix[];
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
}

/** A talk the recap mentions (frontmatter entry and/or body mentions), resolved against the index where possible. */
export interface ResolvedTalk {
  /** Full id when the index knows the talk. */
  id?: string;
  title: string;
  speakers: { name: string; affiliation?: string }[];
  eventName?: string;
  /** The video link the recap gives (frontmatter or a recording link beside a mention), else undefined. */
  video?: string;
  /** The recording the index knows, when the recap gives none. */
  knownVideo?: string;
  slides?: string;
  schedule?: string;
  /** Where the recap mentions it: its frontmatter entry and body mentions. */
  mentions: { start: number; end: number; kind: 'frontmatter' | 'title' | 'link' | 'id' }[];
}
