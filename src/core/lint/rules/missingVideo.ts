import { talkName } from '../talkName';
import type { RecapTalk } from '../../references/model';
import { linkDestination, setEntryKey } from '../../edits/yamlEdits';
import { urlKey } from '../../links/urlKey';
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
      if (talk.session) finding.talk = talk.session.fullId;
      if (video && talk.session) finding.fixable = hasFix(parsed.text, talk, video);
      out.push(finding);
    }
    return out;
  },
  fixes({ parsed, refs }, finding) {
    const talk = refs.talks.find((t) => t.session !== undefined && t.session.fullId === finding.talk);
    const video = talk && knownVideo(talk);
    return talk && video ? videoFixes(parsed.text, talk, video) : [];
  },
};

/** Whether videoFixes makes one: into the frontmatter entry, or at a placeholder or mention in the body. */
function hasFix(text: string, talk: RecapTalk, video: string): boolean {
  const entry = talk.entries[0];
  return bodyFix(talk, '') !== undefined || (entry !== undefined && setEntryKey(text, entry, 'video', video) !== undefined);
}

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
  const styled = embedFix(text, talk, video);
  if (styled) fixes.push(styled);
  return fixes;
}

/** How a post embeds its videos, from the first embed it has (Hugo, Liquid or MDX), with `ID` for the video's id. */
const EMBED_STYLES: readonly { pattern: RegExp; host: 'youtube' | 'vimeo'; form: string }[] = [
  { pattern: /\{\{<\s{0,20}youtube\b/, host: 'youtube', form: '{{< youtube ID >}}' },
  { pattern: /\{\{%\s{0,20}youtube\b/, host: 'youtube', form: '{{% youtube ID %}}' },
  { pattern: /\{%\s{0,20}include\s{1,20}youtube\.html\b/, host: 'youtube', form: '{% include youtube.html id="ID" %}' },
  { pattern: /\{%\s{0,20}youtube\b/, host: 'youtube', form: '{% youtube ID %}' },
  { pattern: /<LiteYouTubeEmbed\b/, host: 'youtube', form: '<LiteYouTubeEmbed id="ID" />' },
  { pattern: /<YouTube\b/, host: 'youtube', form: '<YouTube id="ID" />' },
  { pattern: /\{\{<\s{0,20}vimeo\b/, host: 'vimeo', form: '{{< vimeo ID >}}' },
  { pattern: /\{\{%\s{0,20}vimeo\b/, host: 'vimeo', form: '{{% vimeo ID %}}' },
];

/**
 * The recording in the post's own embed form, when the post already embeds
 * videos with a shortcode or a component and the recording is on that host:
 * on a line of its own after the mention's paragraph (in a list item, right after the mention).
 */
function embedFix(text: string, talk: RecapTalk, video: string): Fix | undefined {
  const key = urlKey(video) ?? '';
  const youtube = /^youtube:([\w-]{4,40})$/.exec(key)?.[1];
  const vimeo = /^vimeo\.com\/(\d{1,20})$/.exec(key)?.[1];
  const style = EMBED_STYLES.find((s) => (s.host === 'youtube' ? youtube : vimeo) !== undefined && s.pattern.test(text));
  const id = style?.host === 'youtube' ? youtube : vimeo;
  const mention = talk.mentions.find((m) => m.located);
  if (!style || !id || !mention) return undefined;
  const embed = style.form.replace('ID', id);
  const after = mention.linkEnd >= 0 ? mention.linkEnd : mention.end;
  const lineStart = text.lastIndexOf('\n', mention.start - 1) + 1;
  if (/^\s{0,12}(?:[-*+]|\d{1,9}[.)])\s/.test(text.slice(lineStart, mention.start))) {
    return { title: `Embed the recording after the mention: ${embed}`, edits: [{ start: after, end: after, newText: ` ${embed}` }] };
  }
  const blank = /\n[ \t]*(?:\n|$)/g;
  blank.lastIndex = after;
  const m = blank.exec(text);
  const at = m ? m.index : text.length;
  return { title: `Embed the recording after the paragraph: ${embed}`, edits: [{ start: at, end: at, newText: `\n\n${embed}` }] };
}

function bodyFix(talk: RecapTalk, dest: string): Fix | undefined {
  const placeholder = talk.placeholders.find((p) => p.located && !p.entry);
  if (placeholder && placeholder.end - placeholder.start <= 120) {
    return {
      title: `Replace “${placeholder.text}” with a link to the recording`,
      edits: [{ start: placeholder.start, end: placeholder.end, newText: `[video](${dest})` }],
    };
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
