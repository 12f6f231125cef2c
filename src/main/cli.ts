/**
 * The Ledenbeheer command line: the same core as the app, without Electron.
 * Run with `npm run cli -- <opdracht>` or the `ledenbeheer` bin (bin/ledenbeheer.mjs).
 */
import { runCli } from './cli/run-cli';

/**
 * Output into a pipe whose reader has gone (`ledenbeheer search … | head`): the reader has
 * what it wanted, so the rest is dropped and the command ends quietly, without a stack trace.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(`${text}\n`);
  };
}

process.exitCode = await runCli(process.argv.slice(2), { out: quietWhenClosed(process.stdout), err: quietWhenClosed(process.stderr) });
