import type { nlMoreIssues, nlMoreReasons } from './nl-error-codes';

export const enMoreIssues: Record<keyof typeof nlMoreIssues, string> = {
  ID_EMPTY: 'id is missing',
  ID_TOO_LONG: 'id is too long (at most 64 characters)',
  TEXT_EMPTY: 'text is missing',
  DUPLICATE_ID: 'this id occurs twice',
  DUPLICATE_PAIR: 'this combination occurs twice',
  FIELD_NOT_FOR_KIND: 'this field does not belong to this kind of relation',
  REFERENCE_UNKNOWN: 'refers to a record that does not exist',
  JSON_INVALID: 'not valid JSON',
  FORMAT_UNKNOWN: 'not a Ledenbeheer export (field "format" missing or wrong)',
  VERSION_UNSUPPORTED: 'this version of the export format is not supported',
  SECTION_UNKNOWN: 'unknown section',
  FILE_SIZE_MISMATCH: 'file does not match its size (damaged or edited)',
  FILE_HASH_MISMATCH: 'file does not match its checksum (damaged or edited)',
  SECTION_DUPLICATE: 'this section occurs twice',
  SECTION_NOT_AN_ARRAY: 'this section is not a list',
  TIMESTAMP_INVALID: 'invalid timestamp',
  INPUT_INVALID_FORMAT: 'invalid format',
  INPUT_NOT_MULTIPLE_OF: 'not an allowed value',
  INPUT_UNRECOGNIZED_KEYS: 'unknown field',
  INPUT_INVALID_UNION: 'invalid input: none of the allowed kinds (for example an unknown part of a condition)',
  INPUT_INVALID_KEY: 'invalid key',
  INPUT_INVALID_ELEMENT: 'invalid element in the list',
  INPUT_INVALID_VALUE: 'invalid value',
  INPUT_CUSTOM: 'invalid value',
  CONDITION_INVALID: 'not a valid condition',
  JSON_TEXT_INVALID: 'not valid JSON text',
  RECIPIENTS_INVALID: 'not a list of relation ids',
};

export const enMoreReasons: Record<keyof typeof nlMoreReasons, string> = {
  ADMINISTRATION_NOT_EMPTY: 'the administration is not empty ({{relations}} relations); choose a new file',
  FILE_EXISTS: '{{file}} already exists; choose another name',
  BACKUP_INTEGRITY_FAILED: 'the backup is not sound and was not kept; check the disk and try again',
  BACKUP_NOT_AN_ADMINISTRATION: 'this file is not a Ledenbeheer administration',
};
