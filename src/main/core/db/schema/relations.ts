import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Relations: persons and organisations in one table, so links, groups, search and audit
 * treat them alike. Columns of the other kind stay NULL.
 * Dates are 'YYYY-MM-DD' text; validity periods are half-open [valid_from, valid_to):
 * valid_to is the first day the fact no longer holds, NULL means open-ended.
 */
export const relations = sqliteTable(
  'relations',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['person', 'organisation'] }).notNull(),
    number: integer('number').notNull(),
    // person
    initials: text('initials'),
    firstName: text('first_name'),
    infix: text('infix'),
    lastName: text('last_name'),
    exactName: integer('exact_name', { mode: 'boolean' }).notNull().default(false),
    gender: text('gender', { enum: ['m', 'v', 'x'] }),
    addressForm: text('address_form', { enum: ['heer', 'mevrouw', 'neutraal'] }),
    birthDate: text('birth_date'),
    deathDate: text('death_date'),
    // organisation
    name: text('name'),
    legalForm: text('legal_form'),
    kvkNumber: text('kvk_number'),
    emailDomain: text('email_domain'),
    // both
    email: text('email'),
    email2: text('email2'),
    phone: text('phone'),
    mobile: text('mobile'),
    website: text('website'),
    socialLinks: text('social_links'),
    iban: text('iban'),
    bic: text('bic'),
    notes: text('notes'),
    // derived by the core on every write (not audited): what lists show and sort on
    displayName: text('display_name').notNull(),
    sortKey: text('sort_key').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    uniqueIndex('relations_number_uq').on(t.number),
    index('relations_list_idx').on(t.deletedAt, t.sortKey, t.id),
    // Covering (they end in id) so a deep page is an index walk, not 50,000 row lookups.
    index('relations_list_number_idx').on(t.deletedAt, t.number, t.id),
    index('relations_list_updated_idx').on(t.deletedAt, t.updatedAt, t.id),
    index('relations_list_kind_idx').on(t.deletedAt, t.kind, t.sortKey, t.id),
    index('relations_email_idx').on(t.email),
    index('relations_email_domain_idx').on(t.emailDomain),
    index('relations_birth_idx').on(t.lastName, t.birthDate),
  ],
);

export const addresses = sqliteTable(
  'addresses',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['home', 'postal', 'business'] }).notNull(),
    street: text('street'),
    houseNumber: integer('house_number'),
    houseLetter: text('house_letter'),
    houseNumberSuffix: text('house_number_suffix'),
    poBox: text('po_box'),
    postcode: text('postcode'),
    city: text('city'),
    municipality: text('municipality'),
    province: text('province'),
    country: text('country').notNull().default('NL'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('addresses_relation_idx').on(t.relationId, t.validFrom)],
);

export const relationTypes = sqliteTable(
  'relation_types',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    appliesTo: text('applies_to', { enum: ['person', 'organisation', 'both'] }).notNull().default('both'),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('relation_types_code_uq').on(t.code)],
);

export const relationTypeAssignments = sqliteTable(
  'relation_type_assignments',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    typeId: text('type_id')
      .notNull()
      .references(() => relationTypes.id, { onDelete: 'restrict' }),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('rta_relation_idx').on(t.relationId),
    index('rta_type_idx').on(t.typeId, t.relationId),
  ],
);

export const linkTypes = sqliteTable(
  'link_types',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    /** Seen from the "from" side: "werkt bij", "ouder van". */
    name: text('name').notNull(),
    /** Seen from the "to" side: "heeft als medewerker", "kind van". */
    reverseName: text('reverse_name').notNull(),
    fromKind: text('from_kind', { enum: ['person', 'organisation', 'both'] }).notNull().default('both'),
    toKind: text('to_kind', { enum: ['person', 'organisation', 'both'] }).notNull().default('both'),
    symmetric: integer('symmetric', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('link_types_code_uq').on(t.code)],
);

export const relationLinks = sqliteTable(
  'relation_links',
  {
    id: text('id').primaryKey(),
    linkTypeId: text('link_type_id')
      .notNull()
      .references(() => linkTypes.id, { onDelete: 'restrict' }),
    fromRelationId: text('from_relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    toRelationId: text('to_relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    function: text('function'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    notes: text('notes'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('links_from_idx').on(t.fromRelationId),
    index('links_to_idx').on(t.toRelationId),
    index('links_type_idx').on(t.linkTypeId),
  ],
);

export const customFields = sqliteTable(
  'custom_fields',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    appliesTo: text('applies_to', { enum: ['person', 'organisation', 'both'] }).notNull().default('both'),
    dataType: text('data_type', { enum: ['text', 'number', 'date', 'boolean', 'choice'] }).notNull(),
    /** JSON array of allowed values for 'choice'. */
    options: text('options'),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('custom_fields_code_uq').on(t.code)],
);

export const customValues = sqliteTable(
  'custom_values',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    fieldId: text('field_id')
      .notNull()
      .references(() => customFields.id, { onDelete: 'cascade' }),
    /** Canonical text: numbers as decimal, dates ISO, booleans 'true'/'false'. */
    value: text('value').notNull(),
  },
  (t) => [
    uniqueIndex('custom_values_uq').on(t.relationId, t.fieldId),
    index('custom_values_field_idx').on(t.fieldId, t.value),
  ],
);

export const tags = sqliteTable(
  'tags',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnySQLiteColumn => tags.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('tags_parent_idx').on(t.parentId)],
);

export const relationTags = sqliteTable(
  'relation_tags',
  {
    id: text('id').primaryKey(),
    relationId: text('relation_id')
      .notNull()
      .references(() => relations.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('relation_tags_uq').on(t.relationId, t.tagId), index('relation_tags_tag_idx').on(t.tagId)],
);
