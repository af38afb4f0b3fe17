import type { SessionIndex } from '../index/sessionIndex';
import type { LintResult } from '../lint/finding';
import { LintCache, lintRecap, type RuleSetting } from '../lint/lintRecap';
import { parseRecap, type ParsedRecap } from '../recap/parseRecap';
import { DEFAULT_RECAP_FILE_OPTIONS, type RecapFileOptions } from '../recap/recapFiles';
import type { SessionSearch } from '../search/sessionSearch';

/** One version of a document: its text is read only when the version is not known yet. */
export interface DocumentVersion {
  key: string;
  version: number;
  path: string;
  text(): string;
}

export interface AnalysisContext {
  index: SessionIndex;
  search: SessionSearch;
  /** Per rule id: a severity, or 'off'. */
  rules?: Record<string, RuleSetting>;
  /** Check only a recap (declared, or recognised by the talks it mentions); see lintRecap. */
  onlyRecaps?: boolean;
}

/** A document's one analysis, for one version and one index: its parse, its findings and the talks it mentions. */
export interface Analysis {
  version: number;
  index: SessionIndex;
  /** The index's search (what some fixes look close ids up in: see fixesFor). */
  search: SessionSearch;
  parsed: ParsedRecap;
  result: LintResult;
  /** Declared, or recognised by the talks it mentions: whether the recap features apply. */
  isRecap: boolean;
}

interface Entry {
  version: number;
  parsed: ParsedRecap;
  /** What each block of the last lint found, for the index it was found in. */
  blocks?: { index: SessionIndex; cache: LintCache };
  analysis?: Analysis & { rules: string };
}

/**
 * The analyses of a set of documents (the editor's open recaps, the lint
 * worker's, one CLI run), one entry per document, in plain sight: the parse
 * of its last version, which the next version's parse starts from (only the
 * changed blocks are read again); the lint's per-block results, which a
 * re-lint in the same index re-uses; and the last analysis, the answer for
 * its version, index and rules. Completion, hover, Go to Definition, the
 * diagnostics, the code actions and the preview all read from here.
 */
export class RecapAnalyses {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: () => RecapFileOptions = () => DEFAULT_RECAP_FILE_OPTIONS) {}

  /** The parse of this version, from the last version's where there is one. */
  parse(document: DocumentVersion): ParsedRecap {
    return this.entry(document).parsed;
  }

  /** The analysis of this version in this index: the last one when neither changed. */
  analyze(document: DocumentVersion, context: AnalysisContext): Analysis {
    const entry = this.entry(document);
    const rules = JSON.stringify(context.rules ?? {});
    const last = entry.analysis;
    if (last && last.index === context.index && last.rules === rules) return last;
    // Block results hold talks of one index: another index starts them afresh.
    if (entry.blocks?.index !== context.index) entry.blocks = { index: context.index, cache: new LintCache() };
    const result = lintRecap(entry.parsed, { ...context, cache: entry.blocks.cache });
    const isRecap = result.recognition?.isRecap ?? entry.parsed.isRecap;
    entry.analysis = { version: entry.version, index: context.index, search: context.search, parsed: entry.parsed, result, isRecap, rules };
    return entry.analysis;
  }

  /** The analysis of exactly this version, if it was made (and, given them, in this index with these rules). */
  cached(key: string, version: number, context?: Pick<AnalysisContext, 'index' | 'rules'>): Analysis | undefined {
    const entry = this.entries.get(key);
    const last = entry?.version === version ? entry.analysis : undefined;
    if (!last || !context) return last;
    return last.index === context.index && last.rules === JSON.stringify(context.rules ?? {}) ? last : undefined;
  }

  /** Whether the document has an entry (a parse, at least). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The document closed. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  /** What decides the parse changed (which files are recaps): everything is read again. */
  clear(): void {
    this.entries.clear();
  }

  private entry(document: DocumentVersion): Entry {
    const known = this.entries.get(document.key);
    if (known?.version === document.version) return known;
    const parsed = parseRecap(document.path, document.text(), this.options(), known?.parsed);
    const entry: Entry = { version: document.version, parsed, blocks: known?.blocks };
    this.entries.set(document.key, entry);
    return entry;
  }
}
