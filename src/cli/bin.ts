import { main } from './main';

/**
 * A reader that goes away (`recap lint … | head -1`) closes the pipe: what is
 * still to be written is dropped, with no stack trace, and the run ends with
 * its normal exit code.
 */
const closed = { out: false, err: false };
function quietOnClose(stream: NodeJS.WriteStream, which: keyof typeof closed): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      closed[which] = true;
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
