import { sessionName } from '../talkName';
import type { Speaker } from '../../index/model';
import type { IndexedSession } from '../../index/sessionIndex';
import type { SpeakerEntry, TalkEntry } from '../../recap/parseRecap';
import { readByline } from '../../references/bylines';
import { speakerNames, type SpeakerNames } from '../../references/speakerNames';
import { replacementScalar, yamlScalar } from '../../edits/yamlEdits';
import { endOfLine, trimEnd } from '../../text/offsets';
import type { TextEdit } from '../finding';
import type { LintRule, RuleFinding } from '../rule';

/**
 * Names are compared with the index's speakers: a typo ("Abby Bangsr") or a
 * co-speaker left out is reported. Names the index does not know are left
 * alone (a moderator, an index that lists only some speakers), and so are
 * companies, which change more often than indexes do; and when such an
 * unknown name is there, nobody is reported missing either.
 */
export const speakerMismatch: LintRule = {
  id: 'speaker-mismatch',
  defaultSeverity: 'warning',
  description: 'The speakers in a talk’s frontmatter entry, or the names beside its title in the text, differ from the index (a typo, a co-speaker left out).',
  check({ parsed, refs, index }) {
    const out: RuleFinding[] = [];
    const { text } = parsed;
    const known = speakerNames(index);
    for (const talk of refs.talks) {
      const session = talk.session;
      if (!session || session.speakers.length === 0) continue;
      for (const entry of talk.entries) {
        const f = frontmatterSpeakers(known, text, entry, session);
        if (f) out.push(f);
      }
      for (const m of talk.mentions) {
        if (!m.located || m.kind !== 'title') continue;
        const from = m.linkEnd >= 0 ? m.linkEnd : m.end;
        const f = bodySpeakers(known, text, from, session);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

interface Comparison {
  typos: { at: number; speaker: Speaker }[];
  missing: Speaker[];
}

/** Which written names are typos of which speaker, and who is missing (only when every written name is accounted for). */
function compare(known: SpeakerNames, names: string[], speakers: readonly Speaker[], companies: (name: string) => boolean): Comparison | undefined {
  // Most bylines copy the index: every speaker, exactly as written there.
  if (names.length === speakers.length && names.every((n, i) => n === speakers[i]!.name)) return undefined;
  const matched = new Set<number>();
  const typos: Comparison['typos'] = [];
  let unknown = 0;
  let recognized = 0;
  names.forEach((name, at) => {
    const m = known.match(name, speakers);
    if (m) {
      recognized++;
      matched.add(m.speaker);
      if (m.kind === 'typo') typos.push({ at, speaker: speakers[m.speaker]! });
    } else if (!companies(name)) unknown++;
  });
  if (recognized === 0) return undefined;
  const missing = unknown > 0 ? [] : speakers.filter((_, i) => !matched.has(i));
  return typos.length > 0 || missing.length > 0 ? { typos, missing } : undefined;
}

function describe(c: Comparison, written: (at: number) => string): string {
  const parts = c.typos.map((t) => `“${written(t.at)}” is “${t.speaker.name}” in the index`);
  if (c.missing.length > 0) parts.push(`${c.missing.length === 1 ? 'co-speaker' : 'co-speakers'} ${c.missing.map(who).join(', ')} missing`);
  return parts.join('; ');
}

function who(s: Speaker): string {
  return s.affiliation ? `${s.name} (${s.affiliation})` : s.name;
}

function frontmatterSpeakers(known: SpeakerNames, text: string, entry: TalkEntry, session: IndexedSession): RuleFinding | undefined {
  const field = entry.speakers;
  const list = (field?.value ?? []).filter(
    (s): s is SpeakerEntry & { name: string; nameRange: NonNullable<SpeakerEntry['nameRange']> } => !!s.name && !!s.nameRange,
  );
  if (!field || list.length === 0) return undefined;
  const c = compare(
    known,
    list.map((s) => s.name),
    session.speakers,
    () => false,
  );
  if (!c) return undefined;
  const flow = text[field.range.start] === '[';
  const edits: TextEdit[] = c.typos.map((t) => {
    const r = list[t.at]!.nameRange;
    return { ...r, newText: replacementScalar(text.slice(r.start, r.end), t.speaker.name, flow) };
  });
  if (c.missing.length > 0) {
    const edit = flow ? flowInsert(text, field.range, list, c.missing) : blockInsert(text, list[list.length - 1]!, c.missing);
    if (!edit) return undefined;
    edits.push(edit);
  }
  const first = c.typos[0] ? list[c.typos[0].at]!.nameRange : field.keyRange;
  return {
    ...first,
    message: `Speakers of ${sessionName(session)} differ from the index: ${describe(c, (at) => list[at]!.name)}.`,
    fixes: [{ title: 'Use the speakers the index lists', edits, preferred: true }],
    talk: session.fullId,
  };
}

/** New `- name: …` items after the last one, at its dash's column and in its form (mapping or plain name). */
function blockInsert(text: string, last: SpeakerEntry, missing: Speaker[]): TextEdit | undefined {
  const dash = text.lastIndexOf('-', last.range.start);
  if (dash < 0 || text.slice(dash + 1, last.range.start).trim() !== '') return undefined;
  const pad = ' '.repeat(dash - (text.lastIndexOf('\n', dash) + 1));
  const mapping = /^(?:name|affiliation)\s*:/.test(text.slice(last.range.start, last.range.start + 20));
  const items = missing.map((s) =>
    mapping
      ? `\n${pad}- name: ${yamlScalar(s.name)}${s.affiliation ? `\n${pad}  affiliation: ${yamlScalar(s.affiliation)}` : ''}`
      : `\n${pad}- ${yamlScalar(s.name)}`,
  );
  const at = endOfLine(text, trimEnd(text, last.range.start, last.range.end) - 1);
  return { start: at, end: at, newText: items.join('') };
}

/** `, Name` (or `, {name: …, affiliation: …}`) before the closing `]`. */
function flowInsert(text: string, range: { start: number; end: number }, list: SpeakerEntry[], missing: Speaker[]): TextEdit | undefined {
  const close = trimEnd(text, range.start, range.end) - 1;
  if (text[close] !== ']') return undefined;
  const mapping = list.some((s) => text[s.range.start] === '{');
  const items = missing.map((s) =>
    mapping ? `{name: ${yamlScalar(s.name, true)}${s.affiliation ? `, affiliation: ${yamlScalar(s.affiliation, true)}` : ''}}` : yamlScalar(s.name, true),
  );
  const lastEnd = trimEnd(text, range.start, close);
  return { start: lastEnd, end: lastEnd, newText: `, ${items.join(', ')}` };
}

function bodySpeakers(known: SpeakerNames, text: string, from: number, session: IndexedSession): RuleFinding | undefined {
  const byline = readByline(text, from);
  if (!byline) return undefined;
  const names = byline.items.filter((i) => !i.paren);
  const c = compare(
    known,
    names.map((i) => i.text),
    session.speakers,
    (name) => known.isCompany(name, session.speakers),
  );
  if (!c) return undefined;
  const edits: TextEdit[] = c.typos.map((t) => ({ start: names[t.at]!.start, end: names[t.at]!.end, newText: t.speaker.name }));
  const items = byline.items;
  const last = items[items.length - 1]!;
  if (c.missing.length > 0) {
    const paren = items.some((i) => i.paren);
    const commaCompany = !paren && names.some((i) => known.isCompany(i.text, session.speakers) && !known.match(i.text, session.speakers));
    const joiner = byline.ampersand ? ' & ' : ', ';
    const written = c.missing.map((s) =>
      s.affiliation && paren ? `${s.name} (${s.affiliation})` : s.affiliation && commaCompany ? `${s.name}, ${s.affiliation}` : s.name,
    );
    edits.push({ start: last.outerEnd, end: last.outerEnd, newText: joiner + written.join(joiner) });
  }
  return {
    start: items[0]!.start,
    end: last.outerEnd,
    message: `Speakers of ${sessionName(session)} differ from the index: ${describe(c, (at) => names[at]!.text)}.`,
    fixes: [{ title: 'Use the speakers the index lists', edits, preferred: true }],
    talk: session.fullId,
  };
}
