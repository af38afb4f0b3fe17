/** The text of a fresh recap; `today` is YYYY-MM-DD. */
export function newRecapText(today: string, eventId = ''): string {
  return ['---', 'title: ""', `event: ${eventId}`, `date: ${today}`, 'author: ', 'talks: []', '---', '', '## The talks worth your time', ''].join('\n');
}
