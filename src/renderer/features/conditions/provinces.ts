import { provinceDisplayName } from '../../../shared/dutch/pc4';

/**
 * The twelve provinces as the PC4 table (and so the stored addresses) spells them; the label
 * uses the official name (Fryslân). Province names are proper names, not translated.
 */
const STORED = [
  'Drenthe',
  'Flevoland',
  'Friesland',
  'Gelderland',
  'Groningen',
  'Limburg',
  'Noord-Brabant',
  'Noord-Holland',
  'Overijssel',
  'Utrecht',
  'Zeeland',
  'Zuid-Holland',
];

export const PROVINCE_OPTIONS = STORED.map((p) => ({ value: p, label: provinceDisplayName(p) }));
