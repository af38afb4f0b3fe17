import * as vscode from 'vscode';

/**
 * Writes a file whole or not at all through vscode.workspace.fs (so it works
 * on remote and virtual workspaces too): the bytes go to a temporary file in
 * the target's folder, which is renamed over the target only once written.
 * A failed write removes the temporary file and leaves the target as it was.
 * (workspace.fs offers no fsync; the file system provider flushes on close.)
 */
export async function writeFileAtomic(
  target: vscode.Uri,
  bytes: Uint8Array,
  fs: Pick<vscode.FileSystem, 'writeFile' | 'rename' | 'delete'> = vscode.workspace.fs,
): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target, { overwrite: true });
  } catch (err) {
    await Promise.resolve(fs.delete(temp, { useTrash: false })).catch(() => undefined);
    throw err;
  }
}
