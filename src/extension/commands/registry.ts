import * as vscode from 'vscode';

/** One command per file, as in VS Code's Markdown extension; ids match package.json. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

export function registerCommands(context: vscode.ExtensionContext, commands: readonly Command[]): void {
  for (const command of commands) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
  }
}
