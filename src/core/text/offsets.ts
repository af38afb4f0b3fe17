/** End of the line holding `offset`, before its line break. */
export function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return end > offset && text[end - 1] === '\r' ? end - 1 : end;
}

/** Offset just after the last non-space character before `end`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
