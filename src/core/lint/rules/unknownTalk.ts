import { splitFullId } from '../../index/model';
import type { IndexedSession } from '../../index/sessionIndex';
import { indexCatalog } from '../../references/indexCatalog';
import { titlePattern } from '../../references/titlePattern';
import { editDistance, typoBudget, words } from '../../search/words';
import { replacementScalar } from '../../edits/yamlEdits';
import type { Fix } from '../finding';
import type { LintRule, RuleContext, RuleFinding } from '../rule';

const MAX_SUGGESTIONS = 3;

export const unknownTalk: LintRule = {
  id: 'unknown-talk',
  defaultSeverity: 'warning',
  description:
    'A frontmatter `talks:` entry has an id that matches no talk in the session index (fixes suggest the closest ones), or an old id the schedule has since renamed (the fix writes the current one).',
  check(context) {
    const { parsed, refs, index } = context;
    const out: RuleFinding[] = [];
    for (const talk of refs.talks) {
      for (const entry of talk.entries) {
        const old = entry.id?.value.trim();
        const current = talk.session;
        if (!old || !current || old === current.fullId) continue;
        const written = parsed.text.slice(entry.id!.range.start, entry.id!.range.end);
        out.push({
          ...entry.id!.range,
          message: `“${old}” is an old id of “${current.title.trim()}”: the schedule now calls it ${current.fullId}`,
          fixes: [{ title: `Use the current id ${current.fullId}`, edits: [{ ...entry.id!.range, newText: replacementScalar(written, current.fullId) }] }],
        });
      }
      const entry = talk.entries[0];
      if (!talk.unknownId || !entry?.id) continue;
      const id = entry.id.value.trim();
      const split = splitFullId(id);
      const written = parsed.text.slice(entry.id.range.start, entry.id.range.end);
      const found = suggestions(context, id, entry.title?.value);
      const fixes: Fix[] = found.map((s) => ({
        title: `Did you mean ${s.fullId}${s.title.trim() ? ` (“${s.title.trim()}”)` : ''}?`,
        edits: [{ ...entry.id!.range, newText: replacementScalar(written, s.fullId) }],
      }));
      const noEvent = split && !index.events.has(split.eventId) ? ` (nor an event “${split.eventId}”: import its schedule to check its talks)` : '';
      const hint = !split ? ': a talk id is `event-id/talk-id`' : found[0] ? `; did you mean ${found[0].fullId}?` : '';
      out.push({ ...entry.id.range, message: `No talk “${id}” in the session index${noEvent}${hint}`, fixes });
    }
    return out;
  },
};

/** The entry's own title when it names exactly one talk, then search results for the id's words and the title that share enough words with them. */
function suggestions({ index, search, parsed }: RuleContext, id: string, title: string | undefined): IndexedSession[] {
  const split = splitFullId(id);
  const prefer = new Set<string>();
  for (const e of parsed.events) for (const f of index.family(e.value)) prefer.add(f);
  if (split && index.events.has(split.eventId)) for (const f of index.family(split.eventId)) prefer.add(f);
  const out: IndexedSession[] = [];
  if (title) {
    const same = indexCatalog(index).sessionsWithTitle(titlePattern(title).key);
    const preferred = same.filter((s) => prefer.has(s.eventId));
    const pick = preferred.length === 1 ? preferred : same.length === 1 ? same : [];
    out.push(...pick);
  }
  const query = [...words(split?.sessionId ?? id), ...(title ? words(title) : [])].filter((w) => w.length > 2);
  if (query.length === 0) return out;
  const needed = Math.min(2, new Set(query).size);
  for (const r of search.search(query.join(' '), { limit: 10, ...(prefer.size > 0 ? { preferEvents: prefer } : {}) })) {
    if (out.length >= MAX_SUGGESTIONS) break;
    if (out.includes(r.session)) continue;
    if (shared(query, [...words(r.session.title), ...words(r.session.id)]) >= needed) out.push(r.session);
  }
  return out.slice(0, MAX_SUGGESTIONS);
}

function shared(query: string[], candidate: string[]): number {
  let n = 0;
  for (const q of new Set(query)) {
    const budget = typoBudget(q.length);
    if (candidate.some((c) => c === q || (budget > 0 && editDistance(q, c, budget) <= budget))) n++;
  }
  return n;
}
