const FENCE = /^ {0,3}(`{3,}|~{3,})/gm;

/**
 * Whether a run of lines leaves a fenced code block open, fed one line at a
 * time: the same rule for a whole text (inFencedCode) and for the lines an
 * editor hands out one by one.
 */
export class FenceTracker {
  /** `state` is another tracker's: the fence it left open, if any. */
  constructor(private open: string | undefined = undefined) {}

  /** The fence left open (to start another tracker from), if any. */
  get state(): string | undefined {
    return this.open;
  }

  get inCode(): boolean {
    return this.open !== undefined;
  }

  /** Every line of `text` (whole lines) before `end`: only the lines that start with a fence are looked at. */
  feedText(text: string, end = text.length): this {
    FENCE.lastIndex = 0;
    for (let m = FENCE.exec(text); m && m.index < end; m = FENCE.exec(text)) {
      const lineEnd = text.indexOf('\n', m.index);
      this.feed(text.slice(m.index, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, ''));
    }
    return this;
  }

  /** One line, without its line break. */
  feed(line: string): void {
    const m = LINE_FENCE.exec(line);
    if (!m) return;
    const fence = m[1]!;
    const rest = line.slice(m[0].length);
    if (!this.open) {
      // A backtick fence's info string may not contain a backtick.
      if (fence[0] !== '`' || !rest.includes('`')) this.open = fence;
    } else if (fence[0] === this.open[0] && fence.length >= this.open.length && rest.trim() === '') {
      this.open = undefined;
    }
  }
}

const LINE_FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Whether a line (without its break) may open or close a fence: only such a line changes a tracker's state. */
export function isFenceLine(line: string): boolean {
  return LINE_FENCE.test(line);
}

/** The numbers (from 0) of the lines of `text` that may open or close a fence. */
export function fenceLineNumbers(text: string): number[] {
  const out: number[] = [];
  let line = 0;
  let at = 0;
  FENCE.lastIndex = 0;
  for (let m = FENCE.exec(text); m; m = FENCE.exec(text)) {
    for (let nl = text.indexOf('\n', at); nl !== -1 && nl < m.index; nl = text.indexOf('\n', nl + 1)) line++;
    at = m.index;
    out.push(line);
  }
  return out;
}

/**
 * Whether `offset` lies inside a fenced code block, from the fences alone (no
 * Markdown parse): one regular scan of the text before the offset's line.
 * An approximation of markdown-it's answer (fences inside lists and block
 * quotes are not told apart) for recaps too large to parse on a keystroke.
 */
export function inFencedCode(text: string, offset: number): boolean {
  // The offset's own line closes the block only after its fence; on it, the cursor is still in code.
  return new FenceTracker().feedText(text, text.lastIndexOf('\n', offset - 1) + 1).inCode;
}
