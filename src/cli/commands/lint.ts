import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Finding } from '../../core/lint/finding';
import { lintRecap } from '../../core/lint/lintRecap';
import { parseRecap, type ParsedRecap } from '../../core/recap/parseRecap';
import { SessionSearch } from '../../core/search/sessionSearch';
import type { LineIndex } from '../../core/text/lineIndex';
import { parseCliArgs, readInput, UsageError, type CliCommand } from '../io';
import { loadCliIndex } from '../loadIndex';

const HELP = `Usage: recap lint FILE|DIR... [--index FILE]... [--format text|json]
Checks recaps against the bundled session index plus the given index files:
talks without a video link, unknown talk ids, speakers that differ from the
index, frontmatter errors. A DIR means every recap in it (Markdown files with
an \`event:\` or \`talks:\` frontmatter key, or inside a recaps/ folder),
recursively, skipping node_modules and dot-folders.
Text output: file:line:col rule message (1-based). JSON: an array of
{file, line, column, endLine, endColumn, rule, severity, message, fix}.
A rule's documentation: recap rules RULE (the package's docs/rules/RULE.md).
Exit status: 0 clean (infos and hints alone are clean), 1 a warning or error
was found, 2 usage or I/O error.`;

const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i;

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

function locate(file: string, parsed: ParsedRecap, f: Finding): Located {
  const start = position(parsed.lines, f.start);
  const end = position(parsed.lines, f.end);
  const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
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

/** Markdown files under a folder that are recaps, sorted; node_modules and dot-folders are skipped. */
function recapsIn(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (name !== 'node_modules' && !name.startsWith('.')) visit(p);
      } else if (MARKDOWN.test(name)) {
        // parseRecap reads only the frontmatter until tokens are asked for; it also knows a recap whose YAML is broken.
        if (parseRecap(p, readFileSync(p, 'utf8')).isRecap) out.push(p);
      }
    }
  };
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
    const files: { shown: string; path: string }[] = [];
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
      if (st.isDirectory()) {
        const found = recapsIn(path);
        if (found.length === 0) io.err(`${arg}: no recaps found`);
        for (const p of found) files.push({ shown: join(arg, relative(path, p)), path: p });
      } else files.push({ shown: arg, path });
    }

    const { index } = loadCliIndex(values.index ?? [], io);
    const search = new SessionSearch(index);
    const results: Located[] = [];
    for (const { shown, path } of files) {
      const text = readInput(io, shown, path);
      if (text === undefined) {
        status = 2;
        continue;
      }
      const parsed = parseRecap(path, text);
      for (const f of lintRecap(parsed, { index, search }).findings) results.push(locate(shown, parsed, f));
    }

    if (values.format === 'json') io.out(JSON.stringify(results, null, 2));
    else {
      for (const r of results) io.out(`${r.file}:${r.line}:${r.column} ${r.rule} ${r.message}`);
      if (results.length > 0) io.err(`A rule's documentation: recap rules <rule> (e.g. recap rules ${results[0]!.rule}), or docs/rules/<rule>.md in the package.`);
    }
    const failing = results.some((r) => r.severity === 'error' || r.severity === 'warning');
    return Math.max(status, failing ? 1 : 0);
  },
};
