import type { Shape } from './shape';
import type { nlPrivacy } from './nl-privacy';

export const enPrivacy: Shape<typeof nlPrivacy> = {
  privacy: {
    document: { createdAt: 'Created', updatedAt: 'Changed', fromRelation: 'From', toRelation: 'To', payerRelation: 'Paid by', relationTypes: 'Relation type', subscriptionTypes: 'Subscription', tags: 'Tag', customFields: 'Field', linkTypes: 'Link', groups: 'Group', groupRoles: 'Role', units: 'Unit', membershipTypes: 'Membership type', invoices: 'Invoice' },
    card: {
      export: 'Export everything about this person',
      anonymise: 'Anonymise',
      anonymised: 'Anonymised',
    },
    anonymise: {
      title: 'Anonymise {{name}}?',
      message:
        'All personal data of {{name}} is erased for good: name, date of birth, addresses, e-mail, phone, IBAN, links, groups, subscriptions, memberships, contacts, tasks and change requests. Also from History, the search index and the file itself. Invoices and payments are kept for 7 years under the name "Geanonimiseerd" (fiscal retention). Restoring a backup does not bring the data back.',
      preview: 'What will happen: {{deleted}} records are erased, {{kept}} financial records are kept under a pseudonym and {{history}} History lines are cleared.',
      these: 'these relations',
      tip: 'Want a copy for the person first? Use "Export everything about this person" first.',
      check: 'I understand this cannot be undone',
      confirm: 'Anonymise for good',
      done: '{{count}} relation(s) anonymised; {{kept}} financial records kept under a pseudonym.',
    },
    retention: {
      tab: 'Privacy (GDPR)',
      title: 'Former members past the retention period',
      intro: 'Relations with no relation type left who left longer ago than the chosen period. Review the list and anonymise whom you no longer need to keep; this never happens by itself.',
      years: 'Left longer ago than (years)',
      none: 'No former members who left more than {{years}} years ago.',
      count: '{{count}} former members left before {{date}}',
      number: 'No.',
      name: 'Name',
      types: 'Was',
      leftOn: 'Left on',
      openInvoices: 'Open invoices',
      selectAll: 'Select all',
      anonymiseSelected: 'Anonymise selected ({{count}})',
      anonymised: '{{count}} relation(s) anonymised.',
      confirmTitle: 'Anonymise {{count}} relation(s)?',
    },
  },
};
