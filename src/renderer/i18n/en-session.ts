import type { nlSession } from './nl-session';
import type { Shape } from './shape';

export const enSession: Shape<typeof nlSession> = {
  session: {
    prompt: {
      title: 'Unlock administration',
      lockedTitle: 'Locked',
      intro: '{{file}} is encrypted. Enter the password to continue.',
      lockedIntro: 'The administration was locked because it was not used for a while. Enter the password to continue.',
      password: 'Password',
      remember: "Remember on this computer (in the operating system's keychain)",
      unlock: 'Unlock',
      other: 'Choose another administration',
    },
    create: {
      password: 'Password (optional)',
      passwordHint: 'With a password the administration is encrypted (at least 8 characters). Keep it safe: it cannot be recovered.',
    },
    settings: {
      tab: 'Security',
      title: 'Encryption',
      plainIntro: 'This administration is not encrypted: anyone who gets hold of the file or a backup can read everything. A password encrypts the file (SQLCipher), and its backups too: the backups made before encrypting are encrypted then as well (their plain contents overwritten). Loose copies elsewhere ("backup --out" or copied by hand) stay readable: remove those yourself.',
      encryptedIntro: 'This administration is encrypted. Without the password the file, a backup included, cannot be opened: keep the password safe, it cannot be recovered.',
      newPassword: 'New password',
      repeat: 'New password (again)',
      current: 'Current password',
      encrypt: 'Encrypt',
      change: 'Change password',
      encrypted: 'The administration is encrypted, and so are the backups in the backups folder.',
      changed: 'The password was changed.',
      idleTitle: 'Lock when not in use',
      idleMinutes: 'Lock after (minutes, 0 = never)',
      idleSaved: 'Saved.',
      save: 'Save',
      forget: 'Forget the remembered password',
      cannotRemember: 'This computer has no safe keychain, so the password is not remembered.',
    },
  },
};
