import type { RecapTalk } from '../references/model';

/**
 * What the recap says about a talk's recording, deciding between the two
 * video rules so a talk gets one finding, not two:
 * - `linked`: a valid `video:` or a recording link beside a mention: nothing to say;
 * - `invalid`: its `video:` is not a URL: `invalid-link` says so;
 * - `known`: no link, and the index knows the recording: `missing-video`, with the link as a fix
 *   (a "not yet available" beside it is out of date, so no `video-placeholder`);
 * - `placeholder`: no link, a placeholder, and no known recording: `video-placeholder` (come back later);
 * - `missing`: no link at all: `missing-video`.
 * Talks whose id is unknown get `unknown-talk` instead.
 */
export type VideoStatus = 'linked' | 'invalid' | 'known' | 'placeholder' | 'missing' | 'unknown';

export function videoStatus(talk: RecapTalk): VideoStatus {
  if (talk.unknownId) return 'unknown';
  if (talk.frontmatterVideo === 'valid' || talk.videoLinks.length > 0) return 'linked';
  if (talk.frontmatterVideo === 'invalid') return 'invalid';
  if (knownVideo(talk)) return 'known';
  if (talk.placeholders.length > 0) return 'placeholder';
  return 'missing';
}

// Index files are validated when they load (a video that is not a URL is a problem there): a scheme check is enough.
export function knownVideo(talk: RecapTalk): string | undefined {
  const video = talk.session?.video;
  return video && /^https?:\/\//i.test(video) ? video : undefined;
}

/** Where a finding about a talk goes: its frontmatter entry's id (or title), else its first body mention that could be placed. */
export function talkAnchor(talk: RecapTalk): { start: number; end: number } | undefined {
  const entry = talk.entries[0];
  if (entry) return entry.id?.range ?? entry.title?.range ?? { start: entry.range.start, end: entry.range.start + 1 };
  const m = talk.mentions.find((x) => x.located && x.kind === 'title') ?? talk.mentions.find((x) => x.located) ?? talk.mentions[0];
  return m ? { start: m.start, end: m.end } : undefined;
}
