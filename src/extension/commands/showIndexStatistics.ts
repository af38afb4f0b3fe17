import * as vscode from 'vscode';
import type { IndexStats } from '../../core/index/sessionIndex';
import type { IndexService } from '../sessionIndex/indexService';
import type { Command } from './registry';

export class ShowIndexStatisticsCommand implements Command {
  readonly id = 'recap.showIndexStatistics';

  constructor(private readonly service: IndexService, private readonly log: vscode.LogOutputChannel) {}

  async execute(): Promise<IndexStats & { builtInMs: number }> {
    const { index, builtInMs } = await this.service.snapshot();
    const stats = { ...index.stats(), builtInMs };
    const summary =
      `Session index: ${stats.events} events, ${stats.sessions} sessions (${stats.sessionsWithVideo} with video, ` +
      `${stats.sessionsWithSlides} with slides), ${stats.speakers} speakers; ${stats.workspaceFiles} workspace index file(s).`;
    this.log.info(`${summary} Built in ${builtInMs.toFixed(0)} ms.`);
    void vscode.window.showInformationMessage(summary, 'Show Log').then((choice) => choice && this.log.show());
    return stats;
  }
}
