import { talkName } from '../talkName';
import type { RecapTalk } from '../../references/model';
import { linkDestination, setEntryKey } from '../../edits/yamlEdits';
import type { Fix } from '../finding';
import type { LintRule, RuleFinding } from '../rule';
import { knownVideo, talkAnchor, videoStatus } from '../videoStatus';

export const missingVideo: LintRule = {
  id: 'missing-video',
  defaultSeverity: 'warning',
  description: 'A talk the recap mentions has no link to its recording (the fix inserts the one the index knows).',
  check({ parsed, refs }) {
    const out: RuleFinding[] = [];
    for (const talk of refs.talks) {
      const status = videoStatus(talk);
      if (status !== 'known' && status !== 'missing') continue;
      const anchor = talkAnchor(talk);
      if (!anchor) continue;
      const video = knownVideo(talk);
      const finding: RuleFinding = {
        start: anchor.start,
        end: anchor.end,
        message: video
          ? `${talkName(talk, true)} has no video link; the index knows its recording: ${video}`
          : `${talkName(talk, true)} has no video link: add its recording once it is published.`,
      };
      if (video) finding.fixes = () => videoFixes(parsed.text, talk, video);
      if (talk.session) finding.talk = talk.session.fullId;
      out.push(finding);
    }
    return out;
  },
};

/** Into the frontmatter entry (preferred: the recap's data stays in one place), or as a link in the body when the talk is only mentioned there. */
function videoFixes(text: string, talk: RecapTalk, video: string): Fix[] {
  const fixes: Fix[] = [];
  const entry = talk.entries[0];
  const edit = entry && setEntryKey(text, entry, 'video', video);
  if (edit) {
    const written = entry.format === 'toml' ? `video = "${video}"` : entry.format === 'json' ? `"video": "${video}"` : `video: ${video}`;
    fixes.push({ title: `Add the recording to the frontmatter entry: ${written}`, edits: [edit], preferred: true });
  }
  const body = bodyFix(talk, linkDestination(video));
  if (body) fixes.push(edit ? body : { ...body, preferred: true });
  return fixes;
}

function bodyFix(talk: RecapTalk, dest: string): Fix | undefined {
  const placeholder = talk.placeholders.find((p) => p.located && !p.entry);
  if (placeholder && placeholder.end - placeholder.start <= 120) {
    return { title: `Replace “${placeholder.text}” with a link to the recording`, edits: [{ start: placeholder.start, end: placeholder.end, newText: `[video](${dest})` }] };
  }
  const mention = talk.mentions.find((m) => m.located && m.kind === 'title') ?? talk.mentions.find((m) => m.located);
  if (!mention) return undefined;
  if (mention.kind === 'title' && mention.linkEnd < 0) {
    return {
      title: 'Link the title to the recording',
      edits: [
        { start: mention.start, end: mention.start, newText: '[' },
        { start: mention.end, end: mention.end, newText: `](${dest})` },
      ],
    };
  }
  const after = mention.linkEnd >= 0 ? mention.linkEnd : mention.end;
  return { title: 'Add a link to the recording after the mention', edits: [{ start: after, end: after, newText: ` ([video](${dest}))` }] };
}
