/** yaml's first message line, without its "at line X, column Y": our problems carry the position themselves. */
export function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
