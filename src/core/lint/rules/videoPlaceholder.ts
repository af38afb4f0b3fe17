import { talkName } from '../talkName';
import type { LintRule, RuleFinding } from '../rule';
import { videoStatus } from '../videoStatus';

export const videoPlaceholder: LintRule = {
  id: 'video-placeholder',
  defaultSeverity: 'info',
  description: 'Text such as “video not yet available” stands where a recording link should be: come back when it is published.',
  check({ refs }) {
    const out: RuleFinding[] = [];
    for (const p of refs.placeholders) {
      const talks = p.talks.map((t) => refs.talks[t]!);
      // A placeholder beside a linked talk, or one whose recording the index knows, is missing-video's (or nobody's) business.
      if (talks.length > 0 && !talks.some((t) => videoStatus(t) === 'placeholder')) continue;
      const about = talks.find((t) => videoStatus(t) === 'placeholder');
      out.push({
        start: p.start,
        end: p.end,
        message: about
          ? `“${p.text.trim()}”: the recording of ${talkName(about)} is not out yet; come back later and link it.`
          : `“${p.text.trim()}”: come back later and link the recording once it is published.`,
        ...(about?.session ? { talk: about.session.fullId } : {}),
      });
    }
    return out;
  },
};
