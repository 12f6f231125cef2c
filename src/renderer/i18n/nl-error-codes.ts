/**
 * Codes from the JSON exchange, backups and the generic input checks, so every code the core
 * or the CLI can report reads as Dutch (test/i18n/error-texts.test.ts finds them in the source).
 */
export const nlMoreIssues = {
  ID_EMPTY: 'id ontbreekt',
  PASSWORD_TOO_SHORT: 'het wachtwoord is te kort (minstens {{min}} tekens)',
  PASSWORDS_DIFFER: 'de twee wachtwoorden zijn niet gelijk',
  ID_TOO_LONG: 'id is te lang (hoogstens 64 tekens)',
  TEXT_EMPTY: 'tekst ontbreekt',
  DUPLICATE_ID: 'dit id komt twee keer voor',
  DUPLICATE_PAIR: 'deze combinatie komt twee keer voor',
  FIELD_NOT_FOR_KIND: 'dit veld hoort niet bij deze soort relatie',
  REFERENCE_UNKNOWN: 'verwijst naar een record dat niet bestaat',
  JSON_INVALID: 'geen geldige JSON',
  FORMAT_UNKNOWN: 'geen Ledenbeheer-export (veld "format" ontbreekt of klopt niet)',
  VERSION_UNSUPPORTED: 'deze versie van het exportformaat wordt niet ondersteund',
  SECTION_UNKNOWN: 'onbekend onderdeel',
  FILE_SIZE_MISMATCH: 'bestand klopt niet met zijn grootte (beschadigd of bewerkt)',
  FILE_HASH_MISMATCH: 'bestand klopt niet met zijn controlegetal (beschadigd of bewerkt)',
  SECTION_DUPLICATE: 'dit onderdeel komt twee keer voor',
  SECTION_NOT_AN_ARRAY: 'dit onderdeel is geen lijst',
  TIMESTAMP_INVALID: 'ongeldig tijdstip',
  INPUT_INVALID_FORMAT: 'ongeldige vorm',
  INPUT_NOT_MULTIPLE_OF: 'geen toegestane waarde',
  INPUT_UNRECOGNIZED_KEYS: 'onbekend veld',
  INPUT_INVALID_UNION: 'ongeldige invoer: geen van de toegestane soorten (bijvoorbeeld een onbekend onderdeel van een voorwaarde)',
  INPUT_INVALID_KEY: 'ongeldige sleutel',
  INPUT_INVALID_ELEMENT: 'ongeldig element in de lijst',
  INPUT_INVALID_VALUE: 'ongeldige waarde',
  INPUT_CUSTOM: 'ongeldige waarde',
  CONDITION_INVALID: 'geen geldige voorwaarde',
  JSON_TEXT_INVALID: 'geen geldige JSON-tekst',
  RECIPIENTS_INVALID: "geen lijst van relatie-id's",
  PMT_INF_IDS_INVALID: "geen lijst van betaalopdrachten (PmtInfId's)",
};

export const nlMoreReasons = {
  ADMINISTRATION_NOT_EMPTY: 'de administratie is niet leeg ({{relations}} relaties); kies een nieuw bestand',
  FILE_EXISTS: '{{file}} bestaat al; kies een andere naam',
  BACKUP_INTEGRITY_FAILED: 'de reservekopie is niet in orde en is niet bewaard; controleer de schijf en probeer het opnieuw',
  BACKUP_NOT_AN_ADMINISTRATION: 'dit bestand is geen Ledenbeheer-administratie',
};
