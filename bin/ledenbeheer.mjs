#!/usr/bin/env node
// The `ledenbeheer` command: runs the built CLI when there is one, else the TypeScript
// source through tsx (a dependency). Nothing else lives here: see src/main/cli.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  // better-sqlite3 13 needs a newer Node; on Node 20 it crashes instead of reporting an error.
  process.stderr.write(`ledenbeheer: fout: Node.js 22.12 of nieuwer is nodig (dit is ${process.version})\n`);
  process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'main', 'cli.js');
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'main', 'cli.ts')).href);
}
