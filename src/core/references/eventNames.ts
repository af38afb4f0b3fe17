import type { SessionIndex } from '../index/sessionIndex';

/** How one indexed event can be written in a post: its id's and its name's words, and the words around them. */
interface EventForm {
  id: string;
  /** The top of its co-located family (`kubecon-eu-2024` for ArgoCon): posts name the conference, not its day-0 events. */
  root: string;
  /** The id's words without the year (`kubecon eu`, `state of open con`, `fosdem`). */
  idWords: string[];
  /** The name's words without the year (`kubecon cloudnativecon europe`). */
  nameWords: string[];
  /** The words a mention may start with: the first of the id and of the name. */
  first: Set<string>;
  /** Every word that may stand between the name's first word and the year: id, name and location words. */
  vocabulary: Set<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;
const YEAR_WORD = /^(?:19|20)\d\d$/;
const MAX_WORDS_BEFORE = 8;

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []) as string[];
}

/**
 * Every event of an index by its year, in the forms posts name it: "FOSDEM
 * 2016", "KubeCon EU 2024", "KubeCon + CloudNativeCon Europe 2024", "KubeCon
 * Paris 2024", "State of Open Con 2023", "DevConf.cz 2023". Built once per
 * index (see IndexCatalog).
 */
export class EventNames {
  private readonly byYear = new Map<string, EventForm[]>();

  constructor(index: SessionIndex) {
    const rootOf = (id: string): string => {
      let at = id;
      for (let depth = 0; depth < 8; depth++) {
        const parent = index.events.get(at)?.parent;
        if (!parent || parent === at || !index.events.has(parent)) break;
        at = parent;
      }
      return at;
    };
    for (const event of index.events.values()) {
      const idWords = words(event.id);
      const year = idWords.find((w) => YEAR_WORD.test(w)) ?? words(event.name ?? '').find((w) => YEAR_WORD.test(w)) ?? event.start?.slice(0, 4);
      if (!year || !YEAR_WORD.test(year)) continue;
      const own = idWords.filter((w) => w !== year);
      const nameWords = words(event.name ?? '').filter((w) => w !== year);
      if (own.length === 0 && nameWords.length === 0) continue;
      const first = new Set<string>();
      if (own[0]) first.add(own[0]);
      if (nameWords[0]) first.add(nameWords[0]);
      const form: EventForm = {
        id: event.id,
        root: rootOf(event.id),
        idWords: own,
        nameWords,
        first,
        vocabulary: new Set([...own, ...nameWords, ...words(event.location ?? '')]),
      };
      const list = this.byYear.get(year);
      if (list) list.push(form);
      else this.byYear.set(year, [form]);
    }
  }

  /**
   * The event named by the words written just before a year (`before`, the
   * line up to the year): the words back from the year that all belong to
   * one event's name, id or location, starting with its first word. A run
   * that holds every word of the id or of the name ("KubeCon EU", "State of
   * Open Con") names that event; a shorter one ("KubeCon Paris", "KubeCon")
   * names it only when no other conference of that year starts that way
   * (co-located events count as their conference).
   */
  named(before: string, year: string): string | undefined {
    const forms = this.byYear.get(year);
    if (!forms) return undefined;
    const written = words(before.slice(-120)).slice(-MAX_WORDS_BEFORE);
    if (written.length === 0) return undefined;
    let strong: { id: string; length: number } | undefined;
    let strongTie = false;
    const weak = new Set<string>();
    for (const form of forms) {
      let start = written.length;
      while (start > 0 && form.vocabulary.has(written[start - 1]!)) start--;
      // The mention starts at the first of those words that can start one.
      while (start < written.length && !form.first.has(written[start]!)) start++;
      if (start === written.length) continue;
      const run = new Set(written.slice(start));
      const length = written.length - start;
      const whole = (ws: string[]) => ws.length > 0 && ws.every((w) => run.has(w));
      if (whole(form.idWords) || whole(form.nameWords)) {
        if (!strong || length > strong.length) {
          strong = { id: form.id, length };
          strongTie = false;
        } else if (length === strong.length && strong.id !== form.id) strongTie = true;
      } else weak.add(form.root);
    }
    if (strong) return strongTie ? undefined : strong.id;
    return weak.size === 1 ? [...weak][0] : undefined;
  }
}
