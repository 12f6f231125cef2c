/**
 * The words of the default invoice and reminder letters, with their placeholders: one source
 * for the .docx templates shipped in resources/templates (written from these by
 * scripts/make-document-templates.ts) and for the PDF the app lays out itself, so the two
 * say the same. A user's own Word template replaces the .docx, not these.
 */
export type LetterKind = 'factuur' | 'herinnering' | 'tweede_herinnering' | 'aanmaning';

export interface LetterText {
  /** File name of the shipped template, without .docx. */
  file: string;
  title: string;
  /** Paragraphs before the table of invoice lines. */
  before: string[];
  /** Paragraphs after it (payment instruction, the WIK statement). */
  after: string[];
}

const PAID_ALREADY = 'Hebt u inmiddels betaald? Dan kunt u deze brief als niet verzonden beschouwen.';

export const LETTERS: Record<LetterKind, LetterText> = {
  factuur: {
    file: 'factuur',
    title: '{documentsoort}',
    before: ['{aanhef},', '{inleiding}'],
    after: ['{betaalinstructie}', '{termijnen}'],
  },
  herinnering: {
    file: 'herinnering',
    title: 'Herinnering',
    before: [
      '{aanhef},',
      'Volgens onze administratie is factuur {factuurnummer} van {factuurdatum} nog niet (helemaal) betaald. Misschien is het u ontschoten. Het openstaande bedrag is {factuur_open}.',
    ],
    after: ['Wilt u dit bedrag uiterlijk {betalen_voor} betalen? {betaalinstructie}', PAID_ALREADY],
  },
  tweede_herinnering: {
    file: 'tweede-herinnering',
    title: 'Tweede herinnering',
    before: [
      '{aanhef},',
      'Op {vorige_herinnering} stuurden wij u een herinnering voor factuur {factuurnummer} van {factuurdatum}. Wij hebben het openstaande bedrag van {factuur_open} nog niet ontvangen.',
    ],
    after: ['Wij verzoeken u dringend dit bedrag uiterlijk {betalen_voor} te betalen. {betaalinstructie}', PAID_ALREADY],
  },
  aanmaning: {
    file: 'aanmaning',
    title: 'Aanmaning',
    before: [
      '{aanhef},',
      'Ondanks onze eerdere herinneringen hebben wij het bedrag van {factuur_open} voor factuur {factuurnummer} van {factuurdatum} nog niet van u ontvangen.',
    ],
    // The WIK "veertiendagenbrief" (art. 6:96 lid 6 BW): a free letter that names the costs
    // and gives 14 days, counted from the day after it is received, before they may be charged.
    after: [
      'Wij geven u de gelegenheid het bedrag alsnog te betalen binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief: uiterlijk {betalen_voor}. {betaalinstructie}',
      'Betaalt u niet binnen deze termijn, dan zijn wij genoodzaakt incassokosten in rekening te brengen. Die bedragen {incassokosten}, berekend volgens het Besluit vergoeding voor buitengerechtelijke incassokosten. Daarnaast kunnen wij dan de wettelijke rente in rekening brengen.',
      'Deze brief zelf kost u niets.',
      PAID_ALREADY,
    ],
  },
};

export const LETTER_OF_STAGE: Record<1 | 2 | 3, LetterKind> = { 1: 'herinnering', 2: 'tweede_herinnering', 3: 'aanmaning' };

/** The fields a line of the invoice table repeats (a Word table row holding them repeats per line). */
export const LINE_FIELDS = ['regel_omschrijving', 'regel_lid', 'regel_bedrag', 'regel_btw'] as const;

/** The placeholder that becomes the EPC payment QR code, and the caption that goes with it. */
export const QR_FIELD = 'betaal_qr';
export const QR_CAPTION = 'Scan met uw bank-app om te betalen';

/** Every document field, with its Dutch label (docs/contributions.md lists them). */
export const DOCUMENT_FIELDS: [key: string, label: string][] = [
  ['documentsoort', 'Factuur of Creditnota'],
  ['factuurnummer', 'Factuurnummer'],
  ['factuurdatum', 'Factuurdatum'],
  ['vervaldatum', 'Te betalen vóór (vervaldatum)'],
  ['factuur_omschrijving', 'Omschrijving van de factuur'],
  ['totaal', 'Totaal van de factuur'],
  ['btw_totaal', 'Waarvan btw (leeg zonder btw)'],
  ['betaald', 'Al betaald'],
  ['factuur_open', 'Nog te betalen op deze factuur'],
  ['betalingskenmerk', 'Betalingskenmerk of RF-referentie'],
  ['inleiding', 'Inleidende zin (periode of omschrijving)'],
  ['betaalinstructie', 'Hoe te betalen (overmaken, incasso of contant)'],
  ['termijnen', 'Termijnen met hun vervaldatum'],
  ['afzender_naam', 'Naam van de vereniging'],
  ['afzender_adres', 'Adres van de vereniging (regels)'],
  ['afzender_iban', 'IBAN van de vereniging'],
  ['afzender_email', 'E-mail van de vereniging'],
  ['betaal_qr', 'QR-code om te betalen (plaatje, eigen alinea)'],
  ['betaal_qr_tekst', 'Bijschrift bij de QR-code (leeg zonder QR-code)'],
  ['herinneringsdatum', 'Datum van de herinnering of aanmaning'],
  ['vorige_herinnering', 'Datum van de vorige herinnering'],
  ['betalen_voor', 'Uiterste betaaldatum in de herinnering of aanmaning'],
  ['incassokosten', 'Incassokosten volgens de WIK (aanmaning)'],
  ['regel_omschrijving', 'Factuurregel: omschrijving (herhaalt per regel)'],
  ['regel_lid', 'Factuurregel: voor wie'],
  ['regel_bedrag', 'Factuurregel: bedrag'],
  ['regel_btw', 'Factuurregel: btw-tarief'],
];
