import { main } from './main';

/**
 * A reader that goes away (`recap lint … | head -1`) closes the pipe. Once
 * standard output is gone the run ends at once, quietly, with code 0: the
 * reader asked for no more (as with SIGPIPE in C tools, minus the signal
 * status that would fail a `set -o pipefail` script). A closed standard
 * error only drops what was left to say there.
 */
const closed = { out: false, err: false };
function quietOnClose(stream: NodeJS.WriteStream, which: keyof typeof closed): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      closed[which] = true;
      if (which === 'out') process.exit(0);
      return;
    }
    throw err;
  });
}
quietOnClose(process.stdout, 'out');
quietOnClose(process.stderr, 'err');

main(process.argv.slice(2), {
  out: (text) => {
    if (!closed.out) process.stdout.write(text + '\n');
  },
  err: (text) => {
    if (!closed.err) process.stderr.write(text + '\n');
  },
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (!closed.err) process.stderr.write(`recap: ${String(err)}\n`);
    process.exitCode = 2;
  },
);
