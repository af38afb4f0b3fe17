import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Finding } from '../../core/lint/finding';
import { RecapAnalyses, type Analysis } from '../../core/analysis/recapAnalyses';
import { fixesFor } from '../../core/lint/lintRecap';
import { SessionSearch } from '../../core/search/sessionSearch';
import type { LineIndex } from '../../core/text/lineIndex';
import { parseCliArgs, readInput, UsageError, type CliCommand } from '../io';
import { loadCliIndex } from '../loadIndex';

const HELP = `Usage: recap lint FILE|DIR... [--index FILE]... [--format text|json]
Checks recaps against the bundled session index plus the given index files:
talks without a video link, unknown talk ids, speakers that differ from the
index, frontmatter errors. A DIR means every recap in it, recursively: Markdown
files with an \`event:\` or \`talks:\` frontmatter key, inside a recaps/ folder,
or that mention talks of the index clearly enough (two talks linked, three
titles of one event's talks, or one linked and two more named), skipping
node_modules and dot entries (.git, editor lock files such as .#post.md). A
FILE is checked as a recap whatever it holds. Broken links, pipes, sockets and devices, and links to a
folder already walked are skipped with a warning on stderr; a file that cannot
be read is an error for that file, and the rest are still checked.
Text output: file:line:col rule message (1-based). JSON: an array of
{file, line, column, endLine, endColumn, rule, severity, message, fix}.
A rule's documentation: recap rules RULE (the package's docs/rules/RULE.md).
Exit status: 0 clean (infos and hints alone are clean), 1 a warning or error
was found, 2 usage or I/O error.`;

const MARKDOWN = /\.(?:md|markdown|mdown|mkd|mdx)$/i;

interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Finding['severity'];
  message: string;
  fix: { title: string; edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[] } | null;
}

/** 1-based line and column (UTF-16 code units, as editors count them). */
function position(lines: LineIndex, offset: number): { line: number; column: number } {
  const p = lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

function locate(file: string, analysis: Analysis, f: Finding): Located {
  const { parsed } = analysis;
  const start = position(parsed.lines, f.start);
  const end = position(parsed.lines, f.end);
  const fixes = fixesFor(analysis, f);
  const fix = fixes.find((x) => x.preferred) ?? fixes[0];
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    rule: f.code,
    severity: f.severity,
    message: f.message,
    fix: fix
      ? {
          title: fix.title,
          edits: fix.edits.map((e) => {
            const a = position(parsed.lines, e.start);
            const b = position(parsed.lines, e.end);
            return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, newText: e.newText };
          }),
        }
      : null,
  };
}

const why = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** A Markdown file found in a folder, with its text (read once). */
interface FoundRecap {
  path: string;
  text: string;
}

/**
 * Markdown files under a folder, sorted: whether each is a recap needs the
 * index (see recognizeRecap.ts), and is decided when it is linted. Nothing is opened
 * before lstat/stat says it is a regular file (a FIFO would block the run);
 * each folder is walked once by its real path (links to a parent end, no
 * ELOOP); an entry that cannot be used is skipped with one warning and the
 * walk goes on.
 */
function recapsIn(
  dir: string,
  walked: Set<string>,
  warn: (path: string, reason: string) => void,
  unreadable: (path: string, err: unknown) => void,
): FoundRecap[] {
  const out: FoundRecap[] = [];
  const visit = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (err) {
      warn(d, `cannot list the folder (${why(err)})`);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(d, name);
      let st: Stats;
      try {
        st = lstatSync(p);
      } catch (err) {
        warn(p, `cannot stat (${why(err)})`);
        continue;
      }
      if (st.isSymbolicLink()) {
        try {
          st = statSync(p);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          let target = '';
          try {
            target = ` to ${readlinkSync(p)}`;
          } catch {
            // the link's own text is only for the message
          }
          warn(
            p,
            code === 'ENOENT' ? `broken link${target}` : code === 'ELOOP' ? `link${target} that loops` : `link${target} cannot be followed (${why(err)})`,
          );
          continue;
        }
      }
      if (st.isDirectory()) {
        let real: string;
        try {
          real = realpathSync(p);
        } catch (err) {
          warn(p, `cannot resolve the folder (${why(err)})`);
          continue;
        }
        if (walked.has(real)) {
          warn(p, `link to a folder already walked (${real})`);
          continue;
        }
        walked.add(real);
        visit(p);
      } else if (!st.isFile()) {
        warn(
          p,
          `not a regular file (${st.isFIFO() ? 'a named pipe' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a file'}); not opened`,
        );
      } else if (MARKDOWN.test(name)) {
        let text: string;
        try {
          text = readFileSync(p, 'utf8');
        } catch (err) {
          unreadable(p, err);
          continue;
        }
        out.push({ path: p, text });
      }
    }
  };
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    real = dir;
  }
  if (walked.has(real)) return out;
  walked.add(real);
  visit(dir);
  return out;
}

export const lintCommand: CliCommand = {
  summary: 'check recaps: talks without video, unknown talks, speakers, frontmatter',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, {
      index: { type: 'string', multiple: true, default: [] },
      format: { type: 'string', default: 'text' },
    });
    if (positionals.length === 0) throw new UsageError('name one or more recap files or folders');
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format takes text or json, got '${values.format}'`);

    // Expand folders first, so a missing path is reported before the index loads.
    let status = 0;
    // `folder`: the argument a file was found under (it is linted only if it is a recap); none for files named.
    const files: { shown: string; path: string; text?: string; folder?: string }[] = [];
    const folders: string[] = [];
    const walked = new Set<string>();
    for (const arg of positionals) {
      const path = resolve(io.cwd, arg);
      let st;
      try {
        st = statSync(path);
      } catch (err) {
        io.err(`${arg}: cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        status = 2;
        continue;
      }
      const shownOf = (p: string) => join(arg, relative(path, p));
      if (st.isDirectory()) {
        const found = recapsIn(
          path,
          walked,
          (p, reason) => io.err(`skipped ${shownOf(p)}: ${reason}`),
          (p, err) => {
            io.err(`${shownOf(p)}: cannot read: ${why(err)}`);
            status = 2;
          },
        );
        folders.push(arg);
        for (const f of found) files.push({ shown: shownOf(f.path), path: f.path, text: f.text, folder: arg });
      } else if (!st.isFile()) {
        io.err(`${arg}: not a regular file; not opened`);
        status = 2;
      } else files.push({ shown: arg, path });
    }

    const { index } = loadCliIndex(values.index ?? [], io);
    const search = new SessionSearch(index);
    const results: Located[] = [];
    const withRecaps = new Set<string>();
    // One analysis per file, as the editor has one per open document.
    const analyses = new RecapAnalyses();
    for (const { shown, path, text: found, folder } of files) {
      const text = found ?? readInput(io, shown, path);
      if (text === undefined) {
        status = 2;
        continue;
      }
      const analysis = analyses.analyze({ key: path, version: 0, path, text: () => text }, { index, search, onlyRecaps: folder !== undefined });
      analyses.forget(path);
      if (folder !== undefined && analysis.result.recognition?.isRecap) withRecaps.add(folder);
      for (const f of analysis.result.findings) results.push(locate(shown, analysis, f));
    }
    for (const folder of folders) if (!withRecaps.has(folder)) io.err(`${folder}: no recaps found`);

    if (values.format === 'json') io.out(JSON.stringify(results, null, 2));
    else {
      for (const r of results) io.out(`${r.file}:${r.line}:${r.column} ${r.rule} ${r.message}`);
      if (results.length > 0)
        io.err(`A rule's documentation: recap rules <rule> (e.g. recap rules ${results[0]!.rule}), or docs/rules/<rule>.md in the package.`);
    }
    const failing = results.some((r) => r.severity === 'error' || r.severity === 'warning');
    return Math.max(status, failing ? 1 : 0);
  },
};
