import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { fastNormalizeLink, fastValidateLink, quickNormalize } from './shortcuts';

export interface EngineOptions {
  /** Raw HTML in the recap: off unless the user's setting allows it (the preview sanitizes it even then). */
  html?: boolean;
}

/** A parse's environment: markdown-it's own (it keeps the link reference definitions there), and where the Markdown starts. */
export interface ParseEnv {
  references?: Record<string, unknown>;
  /**
   * The lines before it are not Markdown (a frontmatter) and are not parsed:
   * the text is parsed as it is, where a copy with those lines blanked would
   * cost a 1 MB recap more than its whole frontmatter (a fresh 2 MB string).
   */
  startLine?: number;
}

/** markdown-it's block step, from `env.startLine` on. */
function blocksFrom(state: Parameters<MarkdownIt['core']['process']>[0]): void {
  const { md, env } = state;
  // Stock's step makes one inline token here; nothing of ours parses inline text alone (parseInline).
  if (state.inlineMode) throw new Error('the recap engine parses documents: parseInline is not supported');
  const blocks = new md.block.State(state.src, md, env, state.tokens);
  md.block.tokenize(blocks, (env as ParseEnv).startLine ?? 0, blocks.lineMax);
}

const engines = new Map<string, MarkdownIt>();
/** markdown-it's core steps after the inline parse (links, typography, joining text), in its order. */
const INLINE_STEPS = ['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'];

function engine(html: boolean, blocks: boolean): MarkdownIt {
  const key = `${html} ${blocks}`;
  let md = engines.get(key);
  if (!md) {
    md = new MarkdownIt({ html, linkify: false, typographer: false });
    md.normalizeLink = fastNormalizeLink(md.normalizeLink.bind(md));
    md.validateLink = fastValidateLink(md.validateLink.bind(md));
    quickNormalize(md);
    md.core.ruler.at('block', blocksFrom);
    if (blocks) md.core.ruler.disable(INLINE_STEPS);
    engines.set(key, md);
  }
  return md;
}

/**
 * The one Markdown engine: the parser behind lint and the renderer behind the
 * preview are the same instance, so both see the same tokens. Links are not
 * auto-detected from bare text: a recap's references are explicit links.
 */
export function markdownEngine(options: EngineOptions = {}): MarkdownIt {
  return engine(options.html === true, false);
}

/**
 * The same engine's block step alone: its `inline` tokens come without
 * children, which `inlineChildren` makes when they are read. The lint reads
 * each inline once and drops its children; made all at once, they outlive
 * V8's young generation, and copying them costs the lint of a 1 MB recap
 * a tenth of its time.
 */
export function blockEngine(options: EngineOptions = {}): MarkdownIt {
  return engine(options.html === true, true);
}

let afterInline: ReturnType<MarkdownIt['core']['ruler']['getRules']> | undefined;

/** An `inline` token's children, exactly as the whole engine makes them; `env` is its parse's (link reference definitions). */
export function inlineChildren(token: Token, env: object, options: EngineOptions = {}): Token[] {
  const md = markdownEngine(options);
  if (!afterInline) {
    const steps = new MarkdownIt();
    steps.core.ruler.enableOnly(INLINE_STEPS.slice(1));
    afterInline = steps.core.ruler.getRules('');
  }
  const state = new md.core.State('', md, env);
  const inline = new state.Token('inline', '', 0);
  inline.content = token.content;
  inline.children = [];
  md.inline.parse(token.content, md, env, inline.children);
  state.tokens = [inline];
  for (const step of afterInline) step(state);
  return inline.children;
}
