import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startWebHost } from './web-host';
import { resourcesDir } from '../paths';
import { createSession } from '../administrations/session';
import { defaultDataDir } from '../default-administration';

const USAGE = 'Gebruik: npm run web -- [--db BESTAND] [--data MAP] [--port N] [--demo N] [--demo-size N] [--reset] [--today JJJJ-MM-DD]';

function fail(message: string): never {
  console.error(`Fout: ${message}\n${USAGE}`);
  process.exit(2);
}

/**
 * `npm run web -- --db FILE --port N`: the core and the renderer on 127.0.0.1 for tests and
 * development. The first line printed is the URL to open, token included.
 */
async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string' },
        /** The app's data folder (recent list, demo); without --db the app starts on the start screen. */
        data: { type: 'string' },
        'demo-size': { type: 'string' },
        port: { type: 'string', default: '0' },
        demo: { type: 'string' },
        reset: { type: 'boolean', default: false },
        token: { type: 'string' },
        static: { type: 'string' },
        /** A test date: the core's clock starts on it, so tests do not break at a month or year end. */
        today: { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`ongeldige poort: ${values.port}`);
  const demo = values.demo === undefined ? 0 : Number(values.demo);
  if (!Number.isInteger(demo) || demo < 0) fail(`ongeldig aantal demorelaties: ${values.demo}`);
  const staticDir = values.static ?? path.join(path.dirname(resourcesDir()), 'out', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) fail(`geen gebouwde renderer in ${staticDir} (eerst: npm run build)`);

  const demoSize = values['demo-size'] === undefined ? 5000 : Number(values['demo-size']);
  if (!Number.isInteger(demoSize) || demoSize < 1) fail(`ongeldig aantal demorelaties: ${values['demo-size']}`);
  if (values.reset && values.db) for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(values.db + suffix, { force: true });
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail(`ongeldige testdatum: ${values.today}`);
  const dataDir = path.resolve(values.data ?? (values.db ? path.dirname(values.db) : defaultDataDir()));
  const core = createSession({ dataDir, demoRelations: demoSize, ...(values.today ? { today: values.today } : {}) });
  // With a file named it is opened (created when missing); a fault lands on the start screen.
  if (values.db) await core.openAtStart(values.db, { demoIfEmpty: demo });
  const token = values.token ?? randomBytes(24).toString('base64url');
  const host = await startWebHost({ core, staticDir, token, port });
  console.log(host.url);
  const stop = () => void host.close().then(() => core.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
