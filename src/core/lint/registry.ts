import type { Severity } from '../problem';
import type { LintRule } from './rule';
import { duplicateTalk } from './rules/duplicateTalk';
import { frontmatterSchema, frontmatterSyntax } from './rules/frontmatterProblems';
import { invalidLink } from './rules/invalidLink';
import { missingVideo } from './rules/missingVideo';
import { speakerMismatch } from './rules/speakerMismatch';
import { unknownEvent } from './rules/unknownEvent';
import { unknownTalk } from './rules/unknownTalk';
import { videoPlaceholder } from './rules/videoPlaceholder';

/** Every rule, in the order the README documents them. */
export const RULES: readonly LintRule[] = [
  missingVideo,
  videoPlaceholder,
  unknownTalk,
  speakerMismatch,
  frontmatterSyntax,
  frontmatterSchema,
  invalidLink,
  duplicateTalk,
  unknownEvent,
];

export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  description: string;
  /** The rule's documentation page, relative to the package root (it ships in the vsix). */
  docsPath: string;
}

/**
 * Where a rule's documentation lives, relative to the package root:
 * `docs/rules/<id>.md`, bundled with the extension and the CLI (the same text
 * as the README's "Rule: <id>" section; a unit test keeps them in step).
 */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export function ruleInfo(id: string): RuleInfo | undefined {
  const rule = RULES.find((r) => r.id === id);
  return rule && { id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description, docsPath: ruleDocsPath(rule.id) };
}

export function ruleInfos(): RuleInfo[] {
  return RULES.map((r) => ruleInfo(r.id)!);
}
