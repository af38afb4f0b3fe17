import * as vscode from 'vscode';
import { RecapAnalyses, type DocumentVersion } from '../core/analysis/recapAnalyses';
import { FenceTracker, fenceLineNumbers, isFenceLine } from '../core/markdown/fenceAt';
import { splitFrontmatter } from '../core/recap/frontmatter';
import { parseRecap, type ParsedRecap } from '../core/recap/parseRecap';
import { settings } from './settings';

/**
 * Recaps longer than this (in characters) are never parsed as Markdown in the
 * extension host on a keystroke: their Problems are found in a worker thread
 * (see recapLinter.ts), and completion learns whether the cursor is in code
 * from the fences alone. Reading a megabyte of Markdown takes longer than a
 * keystroke may keep the host busy.
 */
export const LARGE_RECAP_CHARS = 200_000;

/** The document's current version as the analyses take it (its text copied out only when they need it). */
export function versionOf(document: vscode.TextDocument): DocumentVersion {
  return { key: document.uri.toString(), version: document.version, path: document.uri.fsPath || document.uri.path, text: () => document.getText() };
}

/** The document's length without copying its text out. */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

export function isLargeRecap(document: vscode.TextDocument): boolean {
  return documentLength(document) > LARGE_RECAP_CHARS;
}

/**
 * The parse completion reads at a cursor: its offset there, and where an
 * offset of the parse is in the document (a large recap's parse is of its
 * head and the cursor's line alone, so its offsets are not the document's).
 */
export interface CursorParse {
  parsed: ParsedRecap;
  offset: number;
  positionAt(offset: number): vscode.Position;
}

/** A large recap's frontmatter with the line break after it (its line count), and its parse. */
interface Head {
  text: string;
  lines: number;
  parsed: ParsedRecap;
}

/**
 * A large recap's fence state every FENCE_STEP lines of its body (open[k]:
 * the fence open after head.lines + k * FENCE_STEP lines), read ahead in the
 * background, so whether the cursor's line is code takes at most one step of
 * lines to answer.
 */
interface FenceMarks {
  head: Head;
  open: (string | undefined)[];
  /** The lines read so far that may open or close a fence (an edit elsewhere on a line leaves every mark as it is). */
  fenceLines: Set<number>;
  warming: boolean;
}

const FENCE_STEP = 1_000;

/** The first line the marks have not read: where the last mark stands. */
function unreadFrom(marks: FenceMarks): number {
  return marks.head.lines + (marks.open.length - 1) * FENCE_STEP;
}

// How far hover and Go to Definition read around the cursor in a large recap, each way.
const BLOCK_LINES = 200;

// Lines read at a time, and the pause between reads, so copying out a large recap never holds the host.
const SLICE_LINES = 2_000;

/**
 * The document's text in slices of lines, each read in its own turn of the
 * event loop and handed to `take` (a 10 MB document copied out at once keeps
 * the host busy for about 100 ms); false when the document changed or
 * closed meanwhile.
 */
export async function textInSlices(document: vscode.TextDocument, take: (part: string) => void): Promise<boolean> {
  const version = document.version;
  for (let line = 0; line < document.lineCount; line += SLICE_LINES) {
    if (line > 0) await new Promise((resolve) => setImmediate(resolve));
    if (document.isClosed || document.version !== version) return false;
    const end = Math.min(line + SLICE_LINES, document.lineCount);
    const range = end === document.lineCount ? new vscode.Range(line, 0, end - 1, document.lineAt(end - 1).text.length) : new vscode.Range(line, 0, end, 0);
    take(document.getText(range));
  }
  return true;
}

/**
 * The one parse of each open recap, shared by completion, hover, lint and
 * the preview: parsed again only when the document's version changes, and
 * then from the previous version's parse (only the changed blocks again).
 */
export class RecapDocuments implements vscode.Disposable {
  /** The one analysis of each open document (its parse here; its lint for RecapLinter). */
  readonly analyses = new RecapAnalyses(() => settings.recapFiles());
  /** Large recaps: the last head read and its parse. */
  private readonly heads = new Map<string, Head>();
  /** Large recaps: the fence state after the body's lines up to `line`, for the head it was read under. */
  private readonly fences = new Map<string, FenceMarks>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Marks past a change may have moved or changed: dropped, and read again in the background;
        // unless the change stays on a line that neither was nor is a fence (typing in prose).
        const marks = this.fences.get(e.document.uri.toString());
        if (!marks) return;
        for (const c of e.contentChanges) {
          const { line } = c.range.start;
          const inLine = line === c.range.end.line && !c.text.includes('\n') && !c.text.includes('\r');
          if (inLine && !marks.fenceLines.has(line) && !isFenceLine(e.document.lineAt(line).text)) continue;
          marks.open.length = Math.max(1, Math.min(marks.open.length, Math.floor((line - marks.head.lines) / FENCE_STEP) + 1));
          const from = unreadFrom(marks);
          for (const l of marks.fenceLines) if (l >= from) marks.fenceLines.delete(l);
        }
        this.warmFences(e.document, marks);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.analyses.forget(d.uri.toString());
        this.heads.delete(d.uri.toString());
        this.fences.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('recap.recapFiles')) {
          this.analyses.clear();
          this.heads.clear();
          this.fences.clear();
        }
      }),
    ];
  }

  get(document: vscode.TextDocument): ParsedRecap {
    return this.analyses.parse(versionOf(document));
  }

  /**
   * The parse as completion reads it at `position`, with the conversions
   * between its offsets and the document's positions. A large recap is
   * never copied out whole on a keystroke: what completion reads is its
   * head (the frontmatter) and the cursor's line right after it, and whether
   * that line is code comes from the fences above it.
   */
  atCursor(document: vscode.TextDocument, position: vscode.Position): CursorParse {
    if (!isLargeRecap(document)) return this.whole(document, position, this.get(document));
    const head = this.head(document);
    if (position.line < head.lines) return this.whole(document, position, head.parsed);
    return this.window(document, head, position, position.line, position.line);
  }

  /**
   * The parse hover and Go to Definition read at `position`: for a large
   * recap, its head and the block of lines around the position (up to the
   * blank lines, at most BLOCK_LINES each way); undefined inside a fence.
   */
  aroundCursor(document: vscode.TextDocument, position: vscode.Position): CursorParse | undefined {
    if (!isLargeRecap(document)) return this.whole(document, position, this.get(document));
    const head = this.head(document);
    if (position.line < head.lines) return this.whole(document, position, head.parsed);
    if (this.fencesAbove(document, head, position.line)) return undefined;
    const blank = (l: number) => document.lineAt(l).isEmptyOrWhitespace;
    let first = position.line;
    while (first > head.lines && first > position.line - BLOCK_LINES && !blank(first - 1)) first--;
    let last = position.line;
    while (last + 1 < document.lineCount && last < position.line + BLOCK_LINES && !blank(last + 1)) last++;
    return this.window(document, head, position, first, last);
  }

  /** A parse whose offsets are the document's: a small recap's whole parse, or a large one's head. */
  private whole(document: vscode.TextDocument, position: vscode.Position, parsed: ParsedRecap): CursorParse {
    return { parsed, offset: document.offsetAt(position), positionAt: (o) => document.positionAt(o) };
  }

  /** A large recap's parse of its head and body lines `first`..`last`, at `position` (a body line among them). */
  private window(document: vscode.TextDocument, head: Head, position: vscode.Position, first: number, last: number): CursorParse {
    // Line `first` is the parse's line `head.lines`: offsets past the head move down by `shift` lines.
    const shift = first - head.lines;
    const lines: string[] = [];
    for (let l = first; l <= last; l++) lines.push(document.lineAt(l).text);
    const code = first === last && this.fencesAbove(document, head, position.line);
    const path = document.uri.fsPath || document.uri.path;
    const window = parseRecap(path, head.text + lines.join('\n'), settings.recapFiles(), head.parsed);
    const parsed = code ? (Object.create(window, { codeLines: { value: new Set([head.lines]), enumerable: true } }) as ParsedRecap) : window;
    const character = Math.min(position.character, lines[position.line - first]!.length);
    return {
      parsed,
      offset: window.lines.offsetAt({ line: position.line - shift, character }),
      positionAt: (o) => {
        const p = window.lines.positionAt(o);
        return new vscode.Position(p.line >= head.lines ? p.line + shift : p.line, p.character);
      },
    };
  }

  /**
   * Whether the body's lines above `line` leave a fence open. Read on from
   * where the last answer stopped while typing stays at or below it (a
   * change above forgets it; see the constructor), so typing on one line
   * reads no other line.
   */
  private fencesAbove(document: vscode.TextDocument, head: Head, line: number): boolean {
    const marks = this.marksFor(document, head);
    const k = Math.floor((line - head.lines) / FENCE_STEP);
    // Marks not read yet up to here (the background has not got there): read now, one step at a time.
    while (marks.open.length <= k) this.readStep(document, marks);
    const from = head.lines + k * FENCE_STEP;
    const tracker = new FenceTracker(marks.open[k]);
    if (from < line) tracker.feedText(document.getText(new vscode.Range(from, 0, line, 0)));
    return tracker.inCode;
  }

  /** A large recap opened: its head is read and its fence marks start reading in the background. */
  warm(document: vscode.TextDocument): void {
    if (isLargeRecap(document)) this.marksFor(document, this.head(document));
  }

  private marksFor(document: vscode.TextDocument, head: Head): FenceMarks {
    const key = document.uri.toString();
    let marks = this.fences.get(key);
    if (!marks || marks.head !== head) {
      marks = { head, open: [undefined], fenceLines: new Set(), warming: false };
      this.fences.set(key, marks);
      this.warmFences(document, marks);
    }
    return marks;
  }

  /** The next mark: the fence state FENCE_STEP lines past the last one (one copy of those lines, scanned for fences only). */
  private readStep(document: vscode.TextDocument, marks: FenceMarks): void {
    const from = unreadFrom(marks);
    const to = Math.min(from + FENCE_STEP, document.lineCount);
    const text = document.getText(new vscode.Range(from, 0, to, 0));
    marks.open.push(new FenceTracker(marks.open[marks.open.length - 1]).feedText(text).state);
    for (const l of fenceLineNumbers(text)) marks.fenceLines.add(from + l);
  }

  /** Reads the marks of a large recap to its end, a step per turn of the event loop, so a keystroke finds them read. */
  private warmFences(document: vscode.TextDocument, marks: FenceMarks): void {
    if (marks.warming) return;
    marks.warming = true;
    const step = () => {
      const done = document.isClosed || this.fences.get(document.uri.toString()) !== marks;
      const end = unreadFrom(marks) >= document.lineCount;
      if (done || end) {
        marks.warming = false;
        return;
      }
      this.readStep(document, marks);
      setImmediate(step);
    };
    setImmediate(step);
  }

  /**
   * What the frontmatter says (events, talks, whether the recap features
   * apply), with offsets into the document: for a large recap, a parse of
   * its head alone.
   */
  frontmatterOf(document: vscode.TextDocument): ParsedRecap {
    return isLargeRecap(document) ? this.head(document).parsed : this.get(document);
  }

  /**
   * A large recap's frontmatter and the line break after it: read in growing
   * prefixes until it is closed, and parsed again only when it changed.
   */
  private head(document: vscode.TextDocument): Head {
    const key = document.uri.toString();
    const hit = this.heads.get(key);
    // Typing in the body leaves a closed frontmatter as it was: one comparison, no YAML read again.
    if (hit?.text && document.getText(new vscode.Range(0, 0, hit.lines, 0)) === hit.text) return hit;
    let text: string;
    for (let lines = 256; ; lines *= 4) {
      const end = Math.min(lines, document.lineCount);
      const prefix = document.getText(new vscode.Range(0, 0, end, 0));
      const split = splitFrontmatter(prefix);
      const unclosed = split.frontmatter === undefined && split.problems.length > 0;
      if (!unclosed || end === document.lineCount) {
        text = prefix.slice(0, split.bodyStart);
        break;
      }
    }
    if (hit?.text === text) return hit;
    const lines = text.split('\n').length - 1;
    const head = { text, lines, parsed: parseRecap(document.uri.fsPath || document.uri.path, text, settings.recapFiles()) };
    this.heads.set(key, head);
    return head;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.analyses.clear();
    this.heads.clear();
    this.fences.clear();
  }
}
