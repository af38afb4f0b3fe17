const FENCE = /^ {0,3}(`{3,}|~{3,})/gm;

/**
 * Whether `offset` lies inside a fenced code block, from the fences alone (no
 * Markdown parse): one regular scan of the text before the offset's line.
 * An approximation of markdown-it's answer (fences inside lists and block
 * quotes are not told apart) for recaps too large to parse on a keystroke.
 */
export function inFencedCode(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let open: string | undefined;
  FENCE.lastIndex = 0;
  for (let m = FENCE.exec(text); m && m.index < lineStart; m = FENCE.exec(text)) {
    const fence = m[1]!;
    if (!open) {
      // A backtick fence's info string may not contain a backtick.
      const lineEnd = text.indexOf('\n', m.index);
      if (fence[0] === '`' && text.slice(m.index + m[0].length, lineEnd < 0 ? text.length : lineEnd).includes('`')) continue;
      open = fence;
    } else if (fence[0] === open[0] && fence.length >= open.length) {
      const lineEnd = text.indexOf('\n', m.index);
      if (text.slice(m.index + m[0].length, lineEnd < 0 ? text.length : lineEnd).trim() === '') open = undefined;
    }
  }
  // The offset's own line closes the block only after its fence; on it, the cursor is still in code.
  return open !== undefined;
}
