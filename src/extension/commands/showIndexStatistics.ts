import * as vscode from 'vscode';
import { indexStatistics, perEventLines, statisticsSummary, type IndexStatistics } from '../../core/index/indexStatistics';
import type { IndexService } from '../sessionIndex/indexService';
import type { Command } from './registry';

/** The numbers `recap stats` prints: totals in a message, the per-event table in the log. */
export class ShowIndexStatisticsCommand implements Command {
  readonly id = 'recap.showIndexStatistics';

  constructor(
    private readonly service: IndexService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async execute(): Promise<IndexStatistics & { builtInMs: number }> {
    const { index, builtInMs } = await this.service.snapshot();
    const stats = { ...indexStatistics(index), builtInMs };
    const summary = `Session index: ${statisticsSummary(stats)}; ${stats.workspaceFiles} workspace index file(s).`;
    this.log.info(`${summary} Built in ${builtInMs.toFixed(0)} ms.\n${perEventLines(stats.perEvent).join('\n')}`);
    void vscode.window.showInformationMessage(summary, 'Show Log').then((choice) => choice && this.log.show());
    return stats;
  }
}
