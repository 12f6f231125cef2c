/** Encrypted administrations: the password prompt, locking and Settings → Beveiliging. */
export const nlSession = {
  session: {
    prompt: {
      title: 'Administratie ontgrendelen',
      lockedTitle: 'Vergrendeld',
      intro: '{{file}} is versleuteld. Geef het wachtwoord om verder te werken.',
      lockedIntro: 'De administratie is vergrendeld omdat ze een tijd niet is gebruikt. Geef het wachtwoord om verder te werken.',
      password: 'Wachtwoord',
      remember: 'Onthouden op deze computer (in de sleutelhanger van het besturingssysteem)',
      unlock: 'Ontgrendelen',
      other: 'Andere administratie kiezen',
    },
    create: {
      password: 'Wachtwoord (niet verplicht)',
      passwordHint: 'Met een wachtwoord wordt de administratie versleuteld (minstens 8 tekens). Bewaar het goed: het kan niet worden teruggehaald.',
    },
    settings: {
      tab: 'Beveiliging',
      title: 'Versleuteling',
      plainIntro: 'Deze administratie is niet versleuteld: wie het bestand of een reservekopie in handen krijgt, kan alles lezen. Met een wachtwoord wordt het bestand versleuteld (SQLCipher), en de reservekopieën ook: ook de kopieën van vóór het versleutelen worden dan versleuteld (hun onversleutelde inhoud wordt overschreven). Losse kopieën elders (met "backup --out" of zelf gekopieerd) blijven leesbaar: verwijder die zelf.',
      encryptedIntro: 'Deze administratie is versleuteld. Zonder het wachtwoord is het bestand, ook een reservekopie, niet te openen: bewaar het wachtwoord goed, het kan niet worden teruggehaald.',
      newPassword: 'Nieuw wachtwoord',
      repeat: 'Nieuw wachtwoord (nogmaals)',
      current: 'Huidig wachtwoord',
      encrypt: 'Versleutelen',
      change: 'Wachtwoord wijzigen',
      encrypted: 'De administratie is versleuteld, en de reservekopieën in de map met reservekopieën ook.',
      changed: 'Het wachtwoord is gewijzigd.',
      idleTitle: 'Vergrendelen bij niet gebruiken',
      idleMinutes: 'Vergrendelen na (minuten, 0 = nooit)',
      idleSaved: 'Opgeslagen.',
      save: 'Opslaan',
      forget: 'Onthouden wachtwoord vergeten',
      cannotRemember: 'Deze computer heeft geen veilige sleutelhanger; het wachtwoord wordt daarom niet onthouden.',
    },
  },
};
