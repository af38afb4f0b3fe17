import type { LintRule } from '../rule';

/** The parse's own problems with the frontmatter, at the positions yaml gives. */
function fromParse(code: 'frontmatter-syntax' | 'frontmatter-schema', description: string): LintRule {
  return {
    id: code,
    defaultSeverity: 'error',
    description,
    check: ({ parsed }) =>
      parsed.problems.filter((p) => p.code === code).map((p) => ({ start: p.start, end: p.end, message: p.message, severity: p.severity })),
  };
}

export const frontmatterSyntax = fromParse('frontmatter-syntax', 'The frontmatter is not valid YAML, or is never closed.');
export const frontmatterSchema = fromParse('frontmatter-schema', 'A frontmatter key has the wrong shape (`talks:` not a list, a speaker without a name…).');
