// Prints, as JSON, the npm packages a core loads to start (argv[2]: create-core's path), by
// watching every module resolution. Run under `node --import tsx` (document-libraries.test.ts).
import { registerHooks } from 'node:module';

const seen = new Set();
registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(resolved.url ?? '');
    if (m) seen.add(m[1]);
    return resolved;
  },
});
const { createCore } = await import(process.argv[2]);
const core = createCore({ file: ':memory:', actor: 'test' });
core.close();
process.stdout.write(JSON.stringify([...seen].sort()));
