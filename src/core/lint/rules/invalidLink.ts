import { parseHttpUrl } from '../../links/recordingHosts';
import { isPlaceholderValue } from '../../references/placeholders';
import { replacementScalar, setEntryKey } from '../../edits/yamlEdits';
import type { Fix } from '../finding';
import type { LintRule, RuleFinding } from '../rule';

const KEYS = ['video', 'slides', 'schedule'] as const;
// "www.youtube.com/watch?v=…", "youtu.be/…": a URL without its scheme (not "slides.pdf").
const SCHEMELESS = /^(?:www\.(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?|(?:[a-z0-9-]+\.)+[a-z]{2,}\/\S*)$/i;

export const invalidLink: LintRule = {
  id: 'invalid-link',
  defaultSeverity: 'warning',
  description: 'A talk’s `video:`, `slides:` or `schedule:` value is not an http(s) URL.',
  check({ parsed, refs }) {
    const out: RuleFinding[] = [];
    const { text } = parsed;
    for (const talk of refs.talks) {
      for (const entry of talk.entries) {
        for (const key of KEYS) {
          const field = entry[key];
          const value = field?.value;
          if (!field || value === null || value === undefined) continue;
          if (typeof value === 'string' && (value.trim() === '' || parseHttpUrl(value) || isPlaceholderValue(value))) continue;
          const written = text.slice(field.range.start, field.range.end);
          const fixes: Fix[] = [];
          if (typeof value === 'string' && SCHEMELESS.test(value.trim())) {
            fixes.push({ title: `Add https://`, edits: [{ ...field.range, newText: replacementScalar(written, `https://${value.trim()}`) }], preferred: true });
          }
          const known = talk.session?.[key];
          const edit = known && parseHttpUrl(known) ? setEntryKey(text, entry, key, known) : undefined;
          if (edit) fixes.push({ title: `Use the index’s ${key} link: ${known}`, edits: [edit] });
          const shown = typeof value === 'string' ? `“${value.trim()}”` : 'this value';
          out.push({
            ...field.range,
            message: `\`${key}:\` ${shown} is not an http(s) URL.`,
            fixes,
            ...(talk.session ? { talk: talk.session.fullId } : {}),
          });
        }
      }
    }
    return out;
  },
};
