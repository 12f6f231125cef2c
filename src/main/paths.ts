import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The resources folder (migrations, reference data, templates). Found by walking up from
 * this file, so it works from src/ under tsx and from out/ after a build; a packaged app
 * passes process.resourcesPath explicitly instead.
 */
export function resourcesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'migrations'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('resources folder with migrations not found');
}
