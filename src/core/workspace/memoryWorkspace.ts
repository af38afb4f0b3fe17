import type { Disposable, FileWatchListener, RecapWorkspace } from './workspace';

/**
 * A workspace held in memory, for tests: files by uri (a relative path such
 * as `.recap/kubecon.yaml`, also its name in messages), and watchers told of
 * every `write` and `delete` their globs match, synchronously.
 */
export class MemoryWorkspace implements RecapWorkspace {
  private readonly files = new Map<string, string>();
  private readonly watchers = new Set<{ matches: (uri: string) => boolean; listener: FileWatchListener }>();

  constructor(files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.files.set(uri, text);
  }

  write(uri: string, text: string): void {
    const existed = this.files.has(uri);
    this.files.set(uri, text);
    for (const w of this.watchers) if (w.matches(uri)) (existed ? w.listener.changed : w.listener.created)(uri);
  }

  delete(uri: string): void {
    if (!this.files.delete(uri)) return;
    for (const w of this.watchers) if (w.matches(uri)) w.listener.deleted(uri);
  }

  /** How many watchers are live (a test checks they are disposed). */
  get watcherCount(): number {
    return this.watchers.size;
  }

  async findFiles(globs: readonly string[]): Promise<string[]> {
    const matches = matcher(globs);
    return [...this.files.keys()].filter(matches);
  }

  async readText(uri: string): Promise<string> {
    const text = this.files.get(uri);
    if (text === undefined) throw new Error(`no such file: ${uri}`);
    return text;
  }

  watch(globs: readonly string[], listener: FileWatchListener): Disposable {
    const watcher = { matches: matcher(globs), listener };
    this.watchers.add(watcher);
    return { dispose: () => this.watchers.delete(watcher) };
  }

  asRelativePath(uri: string): string {
    return uri;
  }

  fsPath(uri: string): string {
    return uri;
  }
}

function matcher(globs: readonly string[]): (uri: string) => boolean {
  const res = globs.map(globRegExp);
  return (uri) => res.some((re) => re.test(uri));
}

/** The globs VS Code's findFiles takes, as far as tests write them: `**`, `*`, `?` and `{a,b}`. */
function globRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
