import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { PyvideoFolder } from '../core/importers/pyvideo';
import { ImportError } from '../core/importers/types';
import { isFolder } from './io';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ImportError(`${path}: not readable JSON (${(err as Error).message})`);
  }
}

function isEventFolder(path: string): boolean {
  return existsSync(join(path, 'category.json')) || isFolder(join(path, 'videos'));
}

function readEvent(path: string): PyvideoFolder {
  const videosDir = join(path, 'videos');
  const names = isFolder(videosDir)
    ? readdirSync(videosDir)
        .filter((n) => n.endsWith('.json'))
        .sort()
    : [];
  return {
    folder: basename(path),
    category: existsSync(join(path, 'category.json')) ? readJson(join(path, 'category.json')) : undefined,
    videos: names.map((n) => ({ file: `videos/${n}`, data: readJson(join(videosDir, n)) })),
  };
}

/**
 * A pyvideo data folder as the importer takes it: one event folder
 * (`category.json` + `videos/*.json`) or the whole tree (a folder of them),
 * with the tree's NO_PUBLISH.json (beside the event folders). Undefined when
 * the folder is neither.
 */
export function readPyvideoFolder(path: string): { folders: PyvideoFolder[]; noPublish: unknown } | undefined {
  let folders: PyvideoFolder[];
  let treeRoot: string;
  if (isEventFolder(path)) {
    folders = [readEvent(path)];
    treeRoot = dirname(path);
  } else {
    const events = readdirSync(path)
      .filter((n) => !n.startsWith('.'))
      .sort()
      .map((n) => join(path, n))
      .filter((p) => isFolder(p) && isEventFolder(p));
    if (events.length === 0) return undefined;
    folders = events.map(readEvent);
    treeRoot = path;
  }
  const noPublishPath = join(treeRoot, 'NO_PUBLISH.json');
  return { folders, noPublish: existsSync(noPublishPath) ? readJson(noPublishPath) : undefined };
}
