import { Document, isCollection, isMap, isScalar, parseDocument, visit, type Node } from 'yaml';
import type { Problem } from '../problem';
import { addDuplicateKeyErrors } from '../text/duplicateKeys';
import { readFailure, yamlMessage } from '../text/yamlMessage';
import { splitOtherFrontmatter } from './otherFrontmatter';

/** How the block is written: YAML between `---`, TOML between `+++`, a leading JSON object, or Pelican's `Key: value` lines. */
export type FrontmatterFormat = 'yaml' | 'toml' | 'json' | 'pelican';

/** The metadata block at the top of a recap, with offsets into the whole text. */
export interface Frontmatter {
  format: FrontmatterFormat;
  /** Offset of the opening `---` (or `+++`, `{`, first header line). */
  start: number;
  /** Offset where the YAML text starts (after the opening line). */
  contentStart: number;
  /** Offset where the YAML text ends (start of the closing line). */
  contentEnd: number;
  /** Offset just after the closing line (and its line break): where the body starts. */
  end: number;
  /** YAML only: parsed with offsets relative to `contentStart`. */
  document?: Document.Parsed;
  /** The plain value, or undefined when the YAML is not a mapping. */
  data: Record<string, unknown> | undefined;
  problems: Problem[];
  /**
   * The YAML parses: no syntax error. When false, `problems` holds the one
   * syntax error and nothing the block says (its event, its talks) is to be
   * believed, so the lint reads none of it.
   */
  parses: boolean;
}

export interface FrontmatterSplit {
  frontmatter: Frontmatter | undefined;
  /** Offset where Markdown starts. */
  bodyStart: number;
  /** Problems about the block itself (e.g. never closed). */
  problems: Problem[];
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/gm;

/**
 * Finds and parses the frontmatter block. A block that is opened but never
 * closed is reported and treated as body text, so nothing the user wrote is
 * hidden from the other checks.
 */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const open = OPEN.exec(text);
  if (!open) return splitOtherFrontmatter(text) ?? { frontmatter: undefined, bodyStart: 0, problems: [] };
  const contentStart = open[0].length;
  CLOSE.lastIndex = contentStart;
  let close: RegExpExecArray | null;
  // The closing line must start at a line start (the regex is multiline, and
  // lastIndex may sit at a line start, which `^` accepts).
  while ((close = CLOSE.exec(text)) && close.index > 0 && text[close.index - 1] !== '\n') {
    /* keep searching */
  }
  if (!close) {
    return {
      frontmatter: undefined,
      bodyStart: 0,
      problems: [
        {
          code: 'frontmatter-syntax',
          severity: 'error',
          message: 'The frontmatter opened on line 1 is never closed: add a line with `---` after its last key.',
          start: open.index,
          end: open.index + 3,
        },
      ],
    };
  }
  const contentEnd = close.index;
  let end = close.index + close[0].length;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  const source = text.slice(contentStart, contentEnd);
  const document = parseDocument(source, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false, logLevel: 'error' });
  addDuplicateKeyErrors(document);
  const problems: Problem[] = [];
  // One mistake, one message: yaml reports an error and then what follows from it (a misindented
  // `title:` is "Nested mappings are not allowed…", then "Implicit keys…", then "All mapping items…").
  // Only the first error, by position, is reported; warnings only when nothing is wrong.
  const first = [...document.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  for (const error of first ? [first] : document.warnings) {
    problems.push({
      code: 'frontmatter-syntax',
      severity: first ? 'error' : 'warning',
      message: `YAML: ${yamlMessage(error.message)}`,
      start: contentStart + error.pos[0],
      end: contentStart + Math.max(error.pos[1], error.pos[0] + 1),
    });
  }
  // A key that is a list or mapping reads as its text (yaml would warn about its `mapAsMap` option on stderr).
  if (!first) {
    visit(document, {
      Pair(_, pair) {
        const key = pair.key as Node | null;
        if (isCollection(key)) {
          problems.push({
            code: 'frontmatter-syntax',
            severity: 'warning',
            message: `YAML: ${yamlMessage('mapAsMap')}`,
            start: contentStart + (key.range?.[0] ?? 0),
            end: contentStart + Math.max(key.range?.[1] ?? 1, (key.range?.[0] ?? 0) + 1),
          });
        }
      },
    });
  }
  const contents = document.contents;
  let data: Record<string, unknown> | undefined;
  let parses = !first;
  if (isMap(contents)) {
    try {
      data = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    } catch (err) {
      if (parses) {
        parses = false;
        problems.push({
          code: 'frontmatter-syntax',
          severity: 'error',
          message: `The frontmatter cannot be read: ${readFailure(err)}`,
          start: contentStart,
          end: contentEnd,
        });
      }
    }
  } else if (parses && contents && !(isScalar(contents) && contents.value === null)) {
    problems.push({
      code: 'frontmatter-schema',
      severity: 'error',
      message: 'The frontmatter must be a mapping of keys (`title:`, `event:`, `talks:` …), not a list or a single value.',
      start: contentStart + (contents.range?.[0] ?? 0),
      end: contentStart + (contents.range?.[1] ?? source.length),
    });
  }
  return {
    frontmatter: { format: 'yaml', start: open.index, contentStart, contentEnd, end, document, data, problems, parses },
    bodyStart: end,
    problems: [],
  };
}
