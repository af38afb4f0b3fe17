import type { Speaker } from '../index/model';
import type { SessionIndex } from '../index/sessionIndex';
import { editDistance, typoBudget, words } from '../search/words';

/**
 * How a name written in a recap relates to a talk's speakers in the index:
 * the same name (case and accents aside), part of it ("Whitney" for
 * "Whitney Lee", or a middle name more), a typo of it ("Abby Bangsr"), or
 * none of them.
 */
export type NameMatch = { kind: 'same' | 'part' | 'typo'; speaker: number };

/**
 * The index's speakers as bylines compare them: each speaker's name and
 * company split into words once (a speaker is compared with every byline
 * that names their talk). One per index (see speakerNames).
 */
export class SpeakerNames {
  private readonly nameWords = new Map<Speaker, string[]>();
  private readonly companyWords = new Map<Speaker, string[]>();

  match(written: string, speakers: readonly Speaker[]): NameMatch | undefined {
    // Most bylines copy the name exactly.
    for (let i = 0; i < speakers.length; i++) if (speakers[i]!.name === written) return { kind: 'same', speaker: i };
    const w = words(written);
    if (w.length === 0) return undefined;
    let best: NameMatch | undefined;
    speakers.forEach((s, i) => {
      const sw = wordsOf(this.nameWords, s, s.name);
      if (sw.length === 0) return;
      let kind: NameMatch['kind'];
      if (sw.join(' ') === w.join(' ')) kind = 'same';
      else if (w.every((x) => sw.includes(x)) || sw.every((x) => w.includes(x))) kind = 'part';
      else if (isTypo(w, sw)) kind = 'typo';
      else return;
      if (!best || RANK[kind] > RANK[best.kind]) best = { kind, speaker: i };
    });
    return best;
  }

  /** The written text names one of the speakers' companies ("Dagger.io" for "Dagger", "Red Hat" for "Red Hat, Inc."). */
  isCompany(written: string, speakers: readonly Speaker[]): boolean {
    for (const s of speakers) if (s.affiliation === written) return true;
    const w = words(written);
    if (w.length === 0) return false;
    return speakers.some((s) => {
      if (!s.affiliation) return false;
      const aw = wordsOf(this.companyWords, s, s.affiliation);
      return aw.length > 0 && (w.every((x) => aw.includes(x)) || aw.every((x) => w.includes(x)));
    });
  }
}

/** The index's SpeakerNames, made once per index and kept by it. */
export function speakerNames(index: SessionIndex): SpeakerNames {
  return index.derived(speakerNames, () => new SpeakerNames());
}

function wordsOf(known: Map<Speaker, string[]>, s: Speaker, text: string): string[] {
  let w = known.get(s);
  if (!w) known.set(s, (w = words(text)));
  return w;
}

const RANK = { same: 3, part: 2, typo: 1 } as const;

/** Same number of words, at least one written exactly, the others within the search's typo budget (none for words under 4 letters). */
function isTypo(w: string[], sw: string[]): boolean {
  if (w.length !== sw.length || w.length < 2) return false;
  let exact = 0;
  for (let i = 0; i < w.length; i++) {
    const a = w[i]!;
    const b = sw[i]!;
    if (a === b) exact++;
    else if (editDistance(a, b, typoBudget(Math.min(a.length, b.length))) > typoBudget(Math.min(a.length, b.length))) return false;
  }
  return exact > 0 && exact < w.length;
}
