import { GAP_PUNCT, WordRun } from './wordScan';

/** A title as the matcher compares it: its normalized words and where it has punctuation between them. */
export interface TitlePattern {
  words: string[];
  hashes: Int32Array;
  /** Per word: the title has punctuation before it (so the text may have any there, "Beyond — Maturing" / "Beyond: Maturing"). */
  punctBefore: Uint8Array;
  /** What follows the last word ("!", "?"), taken into a mention when the text has it too. */
  trailing: string;
  /** Words joined by single spaces: the key for exact-title lookups and for "same title in several events". */
  key: string;
  /** Length of the title as written, trimmed. */
  chars: number;
}

const scratch = new WordRun();

export function titlePattern(title: string): TitlePattern {
  const run = scratch;
  run.reset();
  run.addSource(title, 0, title.length);
  const n = run.count;
  const words: string[] = new Array(n);
  const hashes = new Int32Array(n);
  const punctBefore = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    words[i] = run.word(i);
    hashes[i] = run.hash[i]!;
    punctBefore[i] = i > 0 && (run.gap[i]! & GAP_PUNCT) !== 0 ? 1 : 0;
  }
  const lastEnd = n > 0 ? run.wordSource(n - 1, true) : 0;
  return { words, hashes, punctBefore, trailing: title.slice(lastEnd).trim(), key: words.join(' '), chars: title.trim().length };
}

// Prefixes schedules put before a title that recaps often leave out.
const PREFIX = /^\s*(?:keynote|panel|panel discussion|workshop|tutorial|lightning talk|fireside chat|bof|birds of a feather)\s*:\s*/i;

/** The title without a "Keynote:"-style prefix, when it has one. */
export function withoutPrefix(title: string): string | undefined {
  const m = PREFIX.exec(title);
  return m ? title.slice(m[0].length) : undefined;
}
