/** Privacy (AVG): the export of everything about one person, anonymising, the retention review. */
export const nlPrivacy = {
  privacy: {
    /** Extra column labels of the readable export (the rest are History's). */
    document: { createdAt: 'Aangemaakt', updatedAt: 'Gewijzigd', fromRelation: 'Van', toRelation: 'Naar', payerRelation: 'Betaald door', relationTypes: 'Relatietype', subscriptionTypes: 'Abonnement', tags: 'Kenmerk', customFields: 'Veld', linkTypes: 'Koppeling', groups: 'Groep', groupRoles: 'Rol', units: 'Onderdeel', membershipTypes: 'Lidmaatschapstype', invoices: 'Factuur' },
    card: {
      export: 'Alles over deze persoon exporteren',
      anonymise: 'Anonimiseren',
      anonymised: 'Geanonimiseerd',
    },
    anonymise: {
      title: '{{name}} anonimiseren?',
      message:
        'Alle persoonsgegevens van {{name}} worden definitief gewist: naam, geboortedatum, adressen, e-mail, telefoon, IBAN, koppelingen, groepen, abonnementen, lidmaatschappen, contacten, taken en wijzigingsverzoeken. Ook uit de historie, de zoekindex en het bestand zelf. Facturen en betalingen blijven 7 jaar bewaard onder de naam "Geanonimiseerd" (fiscale bewaarplicht). Een reservekopie terugzetten brengt de gegevens niet terug.',
      preview: 'Wat er gebeurt: {{deleted}} gegevens worden gewist, {{kept}} financiële gegevens blijven bewaard onder pseudoniem en {{history}} regels in de historie worden leeggemaakt.',
      these: 'deze relaties',
      tip: 'Wilt u eerst een kopie voor de persoon zelf? Gebruik dan eerst "Alles over deze persoon exporteren".',
      check: 'Ik begrijp dat dit niet ongedaan kan worden gemaakt',
      confirm: 'Definitief anonimiseren',
      done: '{{count}} relatie(s) geanonimiseerd; {{kept}} financiële gegevens bewaard onder pseudoniem.',
    },
    retention: {
      tab: 'Privacy (AVG)',
      title: 'Oud-leden na de bewaartermijn',
      intro:
        'Relaties die geen relatietype meer hebben en langer dan de gekozen termijn geleden vertrokken. Bekijk de lijst en anonimiseer wie u niet meer hoeft te bewaren; dit gebeurt nooit vanzelf.',
      years: 'Vertrokken langer geleden dan (jaar)',
      none: 'Geen oud-leden die langer dan {{years}} jaar geleden vertrokken.',
      count: '{{count}} oud-leden vertrokken vóór {{date}}',
      number: 'Nr.',
      name: 'Naam',
      types: 'Was',
      leftOn: 'Vertrokken op',
      openInvoices: 'Open facturen',
      selectAll: 'Alles selecteren',
      anonymiseSelected: 'Geselecteerde anonimiseren ({{count}})',
      anonymised: '{{count}} relatie(s) geanonimiseerd.',
      confirmTitle: '{{count}} relatie(s) anonimiseren?',
    },
  },
};
