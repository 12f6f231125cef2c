import { pdfLibrary } from '../io/document-libraries';
import type { RequestField } from '../../../shared/contract';
import { formatDutchDate } from '../../../shared/dutch/dates';
import { formatIban } from '../../../shared/dutch/iban';

/** The hidden field that carries the values the member saw, so the return shows what they changed. */
export const ORIGINALS_FIELD = 'ledenbeheer_origineel';

/**
 * The form's fields, named with the Dutch headers the importer recognises: reading a
 * returned form is reading a one-row table.
 */
export const FORM_FIELDS: { name: string; field: RequestField }[] = [
  { name: 'Voorletters', field: 'initials' },
  { name: 'Roepnaam', field: 'firstName' },
  { name: 'Tussenvoegsel', field: 'infix' },
  { name: 'Achternaam', field: 'lastName' },
  { name: 'Geboortedatum', field: 'birthDate' },
  { name: 'Straat', field: 'street' },
  { name: 'Huisnummer', field: 'houseNumber' },
  { name: 'Huisletter', field: 'houseLetter' },
  { name: 'Toevoeging', field: 'houseNumberSuffix' },
  { name: 'Postcode', field: 'postcode' },
  { name: 'Woonplaats', field: 'city' },
  { name: 'E-mail', field: 'email' },
  { name: 'Telefoon', field: 'phone' },
  { name: 'Mobiel', field: 'mobile' },
  { name: 'IBAN', field: 'iban' },
];

export interface FormPerson {
  number: number;
  displayName: string;
  /** "Geachte heer De Vries": the letter's opening, as the mail merge writes it. */
  salutation: string;
  values: Record<RequestField, string | null>;
}

function shown(field: RequestField, value: string | null): string {
  if (value === null) return '';
  if (field === 'birthDate') return formatDutchDate(value);
  if (field === 'iban') return formatIban(value);
  return value;
}

/** One member's change form: prefilled AcroForm fields, the member number read-only. */
export async function buildChangeForm(person: FormPerson, association: string): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await pdfLibrary.load();
  const doc = await PDFDocument.create();
  doc.setTitle(`Wijzigingsformulier ${person.number}`);
  doc.setCreator('Ledenbeheer');
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const form = doc.getForm();
  let y = 780;
  page.drawText('Wijzigingsformulier', { x: 50, y, size: 20, font: bold });
  y -= 22;
  page.drawText(association, { x: 50, y, size: 11, font, color: rgb(0.3, 0.3, 0.3) });
  y -= 30;
  const intro = [
    `${person.salutation},`,
    'Hieronder staan uw gegevens zoals wij ze kennen. Klopt er iets niet, verbeter het dan in het',
    'vak en stuur dit formulier terug (per e-mail of post). Laat ongewijzigde velden zoals ze zijn.',
  ];
  for (const line of intro) {
    page.drawText(line, { x: 50, y, size: 10, font });
    y -= 14;
  }
  y -= 16;
  const row = (label: string, name: string, value: string, readOnly = false) => {
    page.drawText(label, { x: 50, y: y + 6, size: 10, font });
    const f = form.createTextField(name);
    f.setText(value);
    f.addToPage(page, { x: 190, y, width: 340, height: 20, font, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 1 });
    f.setFontSize(10);
    if (readOnly) f.enableReadOnly();
    y -= 28;
  };
  row('Lidnummer', 'Lidnummer', String(person.number), true);
  for (const { name, field } of FORM_FIELDS) row(name, name, shown(field, person.values[field]));
  y -= 8;
  row('Datum', 'Datum', '');
  y -= 4;
  const notes = [
    'Een nieuw rekeningnummer (IBAN) vraagt ook een ondertekende machtiging voor de automatische incasso.',
    'Uw gegevens worden alleen voor de ledenadministratie gebruikt.',
  ];
  for (const line of notes) {
    page.drawText(line, { x: 50, y, size: 8.5, font, color: rgb(0.3, 0.3, 0.3) });
    y -= 12;
  }
  const originals = form.createTextField(ORIGINALS_FIELD);
  originals.setText(JSON.stringify(person.values));
  originals.enableReadOnly();
  form.updateFieldAppearances(font);
  return doc.save();
}
