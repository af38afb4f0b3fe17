// Reads the regular files of a .tar.gz in memory (ustar, GNU long names and
// pax paths): the generator reads ../shared/data/pyvideo's archive in place
// and never unpacks it into the project.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export function* tarGzFiles(path: string): Generator<{ name: string; data: Buffer }> {
  const tar = gunzipSync(readFileSync(path));
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, len: number) =>
      header
        .subarray(from, from + len)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    const prefix = field(345, 155);
    const data = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (m) longName = m[1];
      continue;
    }
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type === '0' || type === '\0') yield { name: name.replace(/^\.\//, ''), data };
  }
}
