import type Token from 'markdown-it/lib/token.mjs';
import type { IndexedSession, SessionIndex } from '../index/sessionIndex';
import type { BodyMention } from './model';

/**
 * One find of a block, with offsets relative to the block's start (-1: not
 * placed): a mention (its target the session, or a frontmatter talk's index
 * for titles of the frontmatter's own talks; `linkEnd` as BodyMention's), a
 * placeholder, or a recording link.
 */
export type BlockFind =
  | { kind: BodyMention['kind']; target: IndexedSession | number; start: number; end: number; linkEnd: number }
  | { kind: 'placeholder'; start: number; end: number; text: string }
  | { kind: 'recording'; href: string; videoOf: IndexedSession | undefined };

interface Entry {
  h2: number;
  length: number;
  /** The link targets of the block, in order: the same source text can resolve differently when a reference definition elsewhere changed. */
  hrefs: string[];
  finds: BlockFind[];
  generation: number;
}

/**
 * What the lint found in each block of a recap, keyed by the block's text,
 * so a re-lint after typing re-reads only the block that changed. One cache
 * per open document; it forgets what the previous lint did not use, and
 * everything when the index, the recap's events or its frontmatter talks
 * change. Keys are two hashes and a length, not the text, so no old version
 * of the document is kept alive.
 */
export class BlockCache {
  private index: SessionIndex | undefined;
  private signature = '';
  private readonly entries = new Map<number, Entry[]>();
  private generation = 0;
  private h1 = 0;
  private h2 = 0;

  /** Starts a lint: keeps the entries only if they were made against the same index and talk lists. */
  begin(index: SessionIndex, signature: string): void {
    if (index !== this.index || signature !== this.signature) {
      this.entries.clear();
      this.index = index;
      this.signature = signature;
    }
    this.generation++;
  }

  /** The finds of a block whose text and link targets are unchanged, else undefined (then `store` what the walk finds). */
  lookup(text: string, from: number, limit: number, children: readonly Token[]): BlockFind[] | undefined {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x1b873593 | 0;
    for (let i = from; i < limit; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.h1 = h1 & 0x3fffffff;
    this.h2 = h2;
    const list = this.entries.get(this.h1);
    if (!list) return undefined;
    for (const e of list) {
      if (e.h2 !== h2 || e.length !== limit - from || !sameHrefs(e.hrefs, children)) continue;
      e.generation = this.generation;
      return e.finds;
    }
    return undefined;
  }

  /** Stores the finds of the block last looked up. */
  store(from: number, limit: number, children: readonly Token[], finds: BlockFind[]): void {
    const entry: Entry = { h2: this.h2, length: limit - from, hrefs: hrefsOf(children), finds, generation: this.generation };
    const list = this.entries.get(this.h1);
    if (list) list.push(entry);
    else this.entries.set(this.h1, [entry]);
  }

  /** Ends a lint: forgets the blocks it did not see. */
  sweep(): void {
    for (const [key, list] of this.entries) {
      const kept = list.filter((e) => e.generation === this.generation);
      if (kept.length === 0) this.entries.delete(key);
      else if (kept.length !== list.length) this.entries.set(key, kept);
    }
  }
}

function hrefsOf(children: readonly Token[]): string[] {
  const out: string[] = [];
  for (const c of children) if (c.type === 'link_open') out.push(c.attrGet('href') ?? '');
  return out;
}

function sameHrefs(hrefs: readonly string[], children: readonly Token[]): boolean {
  let i = 0;
  for (const c of children) {
    if (c.type !== 'link_open') continue;
    if (i >= hrefs.length || hrefs[i] !== (c.attrGet('href') ?? '')) return false;
    i++;
  }
  return i === hrefs.length;
}
