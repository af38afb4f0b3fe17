// Moved to ../edits/yamlEdits.ts (edit helpers sit below the features that use them); kept until the last rule imports it from there.
export * from '../edits/yamlEdits';
