import { stringify as stringifyToml } from 'smol-toml';
import { Document, isScalar } from 'yaml';
import type { IndexedSession } from '../index/sessionIndex';

/** The frontmatter entry for a talk: what the index knows, in the order a reader scans it. */
export function talkEntryData(session: IndexedSession): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: session.fullId, title: session.title };
  if (session.speakers.length > 0) {
    entry['speakers'] = session.speakers.map((s) => (s.affiliation ? { name: s.name, affiliation: s.affiliation } : { name: s.name }));
  }
  if (session.video) entry['video'] = session.video;
  if (session.slides) entry['slides'] = session.slides;
  if (session.schedule) entry['schedule'] = session.schedule;
  return entry;
}

/**
 * YAML lines for a `talks:` item, each line indented by `indent` spaces; the
 * first starts with `- `. yaml decides the quoting of every value (so a title
 * with `: ` or a leading `*` stays valid); titles are always double-quoted,
 * as people write them in the seeds and the README.
 */
export function talkEntryYaml(session: IndexedSession, indent: number): string {
  const doc = new Document([talkEntryData(session)]);
  const title = doc.getIn([0, 'title'], true);
  if (isScalar(title)) title.type = 'QUOTE_DOUBLE';
  const pad = ' '.repeat(indent);
  return doc
    .toString({ lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** A speaker as a `speakers:` item's value lines after `- ` (name, then affiliation at `indent + 2`). */
export function speakerEntryYaml(name: string, affiliation: string | undefined, keyColumn: number, form: 'name' | 'item'): string {
  const doc = new Document(affiliation ? { name, affiliation } : { name });
  const lines = doc.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  // `form: 'name'` replaces only the value after `name: `.
  const first = form === 'name' ? lines[0]!.replace(/^name: /, '') : lines[0]!;
  return [first, ...lines.slice(1).map((l) => ' '.repeat(keyColumn) + l)].join('\n');
}

/** A TOML `[[talks]]` table for a talk (speakers as `[[talks.speakers]]` sub-tables), ending with a line break. */
export function talkEntryToml(session: IndexedSession): string {
  const out = stringifyToml({ talks: [talkEntryData(session)] });
  return out.endsWith('\n') ? out : `${out}\n`;
}
