/** The setting that sets the preview's size limit (in megabytes). */
export const PREVIEW_MAX_SIZE_SETTING = 'recap.preview.maxSize';

/** The page shown instead of a preview too large to be useful: what happened, and the setting that changes it. */
export function tooLargePage(length: number, limit: number): string {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(n < 10_000_000 ? 1 : 0)} MB`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>Recap too large to preview</title>
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1.5em;max-width:40em;line-height:1.5}code{font-family:var(--vscode-editor-font-family)}</style>
</head><body>
<h2>This recap is too large to preview</h2>
<p>It is ${mb(length)}; the preview renders recaps up to ${mb(limit)}. Rendering it would take many seconds and gigabytes of memory, and the page would be too long to read.</p>
<p>To preview it anyway, raise the setting <code>${PREVIEW_MAX_SIZE_SETTING}</code> (in megabytes), or split the recap into smaller files. The Problems panel still checks the whole recap.</p>
</body></html>`;
}
