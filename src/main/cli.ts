/**
 * The Ledenbeheer command line: the same core as the app, without Electron.
 * Run with `npm run cli -- <opdracht>` or the `ledenbeheer` bin (bin/ledenbeheer.mjs).
 */
import { runCli } from './cli/run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
