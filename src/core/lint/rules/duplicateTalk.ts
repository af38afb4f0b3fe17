import { talkName } from '../talkName';
import type { LintRule, RuleFinding } from '../rule';

export const duplicateTalk: LintRule = {
  id: 'duplicate-talk',
  defaultSeverity: 'warning',
  description: 'The same talk is listed twice in the frontmatter’s `talks:`.',
  check({ parsed, refs }) {
    const out: RuleFinding[] = [];
    for (const talk of refs.talks) {
      const [first, ...rest] = talk.entries;
      if (!first) continue;
      const line = parsed.lines.positionAt(first.range.start).line + 1;
      for (const entry of rest) {
        const anchor = entry.id?.range ?? entry.title?.range ?? { start: entry.range.start, end: entry.range.start + 1 };
        out.push({
          ...anchor,
          message: `${talkName(talk, true)} is already listed in \`talks:\` (line ${line}).`,
          ...(talk.session ? { talk: talk.session.fullId } : {}),
        });
      }
    }
    return out;
  },
};
