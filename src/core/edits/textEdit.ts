/** A replacement of `start..end` (offsets in the document's text) by `newText`: what fixes, completion and commands hand to an editor. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}
