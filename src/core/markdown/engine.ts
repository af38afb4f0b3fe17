import MarkdownIt from 'markdown-it';
import { fastNormalizeLink, fastValidateLink, quickNormalize } from './shortcuts';

export interface EngineOptions {
  /** Raw HTML in the recap: off unless the user's setting allows it (the preview sanitizes it even then). */
  html?: boolean;
}

const engines = new Map<boolean, MarkdownIt>();

/**
 * The one Markdown engine: the parser behind lint and the renderer behind the
 * preview are the same instance, so both see the same tokens. Links are not
 * auto-detected from bare text: a recap's references are explicit links.
 */
export function markdownEngine(options: EngineOptions = {}): MarkdownIt {
  const html = options.html === true;
  let engine = engines.get(html);
  if (!engine) {
    engine = new MarkdownIt({ html, linkify: false, typographer: false });
    engine.normalizeLink = fastNormalizeLink(engine.normalizeLink.bind(engine));
    engine.validateLink = fastValidateLink(engine.validateLink.bind(engine));
    quickNormalize(engine);
    engines.set(html, engine);
  }
  return engine;
}
