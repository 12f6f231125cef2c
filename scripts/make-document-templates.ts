/**
 * Writes the default invoice and reminder templates to resources/templates from the letter
 * texts in src/main/core/contributions/documents/letter-texts.ts (one source with the PDF):
 *   node --import tsx scripts/make-document-templates.ts
 * The .docx files are committed; a test checks they are what this script writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLetterTemplate } from '../src/main/core/contributions/documents/letter-template';
import { LETTERS } from '../src/main/core/contributions/documents/letter-texts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'templates');
fs.mkdirSync(dir, { recursive: true });
for (const [kind, letter] of Object.entries(LETTERS)) {
  const file = path.join(dir, `${letter.file}.docx`);
  fs.writeFileSync(file, await buildLetterTemplate(kind as keyof typeof LETTERS));
  console.log(file);
}
