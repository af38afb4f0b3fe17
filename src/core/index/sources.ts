import type { LoadedIndexFile } from './loadIndexFile';
import type { EventFile } from './model';
import type { IndexSource } from './sessionIndex';

/** The bundled index's events as index sources, marked bundled so workspace files override them. */
export function bundledSources(files: readonly EventFile[], file: string): IndexSource[] {
  return files.map((f) => ({ origin: { file, bundled: true }, event: f.event, sessions: f.sessions }));
}

/** A loaded index file as a source (none when its event could not be read); `file` defaults to its path. */
export function fileSources(loaded: LoadedIndexFile, file = loaded.path): IndexSource[] {
  return loaded.event ? [{ origin: { file }, event: loaded.event, sessions: loaded.sessions, sessionLines: loaded.sessionLines }] : [];
}
