import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { newNonce, renderPreview } from '../../core/preview/renderPreview';
import { RecapAnalyses } from '../../core/analysis/recapAnalyses';
import { SessionSearch } from '../../core/search/sessionSearch';
import { parseCliArgs, readInput, UsageError, type CliCommand } from '../io';
import { loadCliIndex } from '../loadIndex';
import { refuseOutput, writeErrorMessage, writeFileAtomic } from '../writeOutput';

const HELP = `Usage: recap preview FILE [--index FILE]... -o OUT.html [--force] [--allow-html]
Writes the preview the editor shows as one standalone HTML file: the recap
rendered with each finding marked (<mark data-rule=… data-line=…>), the
findings summary and the talks as cards. The stylesheet is embedded; the page
runs no script. --allow-html renders the recap's raw HTML (sanitized) instead
of showing it as text. -o - writes to standard output. An existing OUT.html
is replaced only with --force, never when it is one of the inputs, and only
once the new page is written whole.`;

/** media/ ships beside dist/ (the CLI bundle); RECAP_MEDIA_DIR points elsewhere (tests). */
export function mediaDir(): string {
  return process.env.RECAP_MEDIA_DIR ?? join(__dirname, '..', 'media');
}

export function previewStylesheet(): string {
  const path = join(mediaDir(), 'preview.css');
  if (!existsSync(path)) throw new Error(`no stylesheet at ${path} (set RECAP_MEDIA_DIR to the extension's media folder)`);
  return readFileSync(path, 'utf8');
}

export const previewCommand: CliCommand = {
  summary: 'write the preview of a recap (findings marked, talks as cards) as a standalone HTML file',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      index: { type: 'string', multiple: true, default: [] },
      output: { type: 'string', short: 'o' },
      'allow-html': { type: 'boolean' },
      force: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('name exactly one recap file');
    if (!values.output) throw new UsageError('give the output file: -o OUT.html (or -o - for standard output)');
    const file = positionals[0]!;
    const path = resolve(io.cwd, file);
    const out = values.output === '-' ? undefined : resolve(io.cwd, values.output);
    if (out !== undefined) {
      // Checked before anything is read or rendered: the recap itself is never the output.
      const inputs = [path, ...(values.index ?? []).map((f) => resolve(io.cwd, f))];
      const refusal = refuseOutput(values.output, out, { inputs, force: values.force });
      if (refusal) {
        io.err(refusal);
        return 2;
      }
    }
    const text = readInput(io, file, path);
    if (text === undefined) return 2;
    const { index } = loadCliIndex(values.index ?? [], io);
    const { parsed, result } = new RecapAnalyses().analyze({ key: path, version: 0, path, text: () => text }, { index, search: new SessionSearch(index) });
    const html = renderPreview(parsed, result, {
      nonce: newNonce(),
      cspSource: '',
      inlineStyle: previewStylesheet(),
      allowHtml: values['allow-html'] === true,
    });
    if (out === undefined) {
      io.out(html);
      return 0;
    }
    try {
      await mkdir(dirname(out), { recursive: true });
      writeFileAtomic(out, html);
    } catch (err) {
      io.err(writeErrorMessage(values.output, err));
      return 2;
    }
    io.out(
      `${values.output}: preview of ${file} (${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}, ${result.talks.length} talk${result.talks.length === 1 ? '' : 's'})`,
    );
    return 0;
  },
};
