import { join } from 'node:path';
import { ruleDocsPath, ruleInfo, ruleInfos } from '../../core/lint/registry';
import { parseCliArgs, readInput, UsageError, type CliCommand } from '../io';

const HELP = `Usage: recap rules [RULE]
Without RULE: every lint rule, its default severity and what it finds.
With RULE: that rule's documentation (the page the editor's diagnostics link
to; it ships with the package as docs/rules/RULE.md).`;

/** The package root: the bundle lives in dist/, the pages in docs/rules/ beside it. */
export function packageRoot(): string {
  return process.env.RECAP_PACKAGE_ROOT ?? join(__dirname, '..');
}

export const rulesCommand: CliCommand = {
  summary: "list the lint rules, or print one rule's documentation",
  help: HELP,
  async run(args, io) {
    const { positionals } = parseCliArgs(args, {});
    if (positionals.length > 1) throw new UsageError('one rule at a time');
    const [id] = positionals;
    if (id === undefined) {
      const infos = ruleInfos();
      const width = Math.max(...infos.map((r) => r.id.length));
      for (const r of infos) io.out(`${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}`);
      io.out('');
      io.out("recap rules RULE prints a rule's documentation.");
      return 0;
    }
    if (!ruleInfo(id)) throw new UsageError(`no rule '${id}' (recap rules lists them)`);
    const path = join(packageRoot(), ...ruleDocsPath(id).split('/'));
    const text = readInput(io, ruleDocsPath(id), path);
    if (text === undefined) return 2;
    io.out(text.trimEnd());
    return 0;
  },
};
