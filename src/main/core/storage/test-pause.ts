import fs from 'node:fs';

/**
 * A test-only hook: with LEDENBEHEER_TEST_PAUSE=<point>, the process says so on stderr and
 * stops at that point for a minute, so a test can kill it there with SIGKILL and prove that
 * what it leaves behind is harmless. Without the variable nothing happens.
 */
export function testPause(point: string): void {
  if (process.env['LEDENBEHEER_TEST_PAUSE'] !== point) return;
  fs.writeSync(2, `LEDENBEHEER_TEST_PAUSED ${point}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
