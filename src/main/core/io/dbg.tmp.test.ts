import { it } from 'vitest';
import PizZip from 'pizzip';
import { createTestCore } from '../../../../test/support/test-core';
import { ioClient } from './testing/io-test-kit';
import { seedMembers } from './testing/seed-members';
it('dbg', async () => {
  const core = createTestCore();
  await seedMembers(core);
  const io = ioClient(core);
  const l = await io('io.labels', { source: { kind: 'all' }, sheet: 'a4-3x8', households: true });
  const x = new PizZip(Buffer.from(l.bytes, 'base64')).file('word/document.xml')?.asText() ?? '';
  console.log(x.match(/<w:trHeight[^>]*>/g)?.slice(0,2), x.match(/<w:gridCol[^>]*>/g), x.match(/<w:pgMar[^>]*>/g), x.slice(x.indexOf('<w:tc>'), x.indexOf('<w:tc>') + 1500));
});
