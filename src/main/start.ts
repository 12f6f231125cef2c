import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { defaultDataDir } from './default-administration';
import { createSession } from './administrations/session';
import { startWebHost } from './web/web-host';

/**
 * `npm start`: builds and starts the desktop app on its start screen (new, open, recent, demo). Where Electron's binary cannot be had (it is downloaded on first run,
 * which fails offline), it says so and serves the same app through the local web host.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' ? binary : null;
  } catch {
    return null;
  }
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main(): Promise<void> {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const electron = electronBinary();
  if (electron) {
    run(npx, ['electron-vite', 'build']);
    const child = spawn(electron, [path.join(root, 'out', 'main', 'index.js')], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log(
    'Electron is op deze machine niet beschikbaar (het programmabestand kon niet worden gedownload).\n' +
      'Ledenbeheer start daarom in de browser via de lokale webhost (alleen bereikbaar op deze computer).',
  );
  run(npx, ['vite', 'build', '--logLevel', 'warn']);
  const core = createSession({ dataDir: defaultDataDir() });
  const host = await startWebHost({ core, staticDir: path.join(root, 'out', 'renderer'), token: randomBytes(24).toString('base64url'), port: Number(process.env.PORT ?? 4310) });
  console.log(`Open: ${host.url}`);
  const stop = () => void host.close().then(() => core.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
