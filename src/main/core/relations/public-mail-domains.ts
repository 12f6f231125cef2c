/**
 * Providers whose addresses belong to private people: a person writing from gmail.com
 * works for no organisation "gmail.com", so these never link to or define an organisation.
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.nl', 'outlook.com', 'outlook.nl', 'live.nl', 'live.com',
  'msn.com', 'yahoo.com', 'yahoo.nl', 'icloud.com', 'me.com', 'mac.com', 'ziggo.nl', 'kpnmail.nl', 'kpnplanet.nl',
  'planet.nl', 'home.nl', 'xs4all.nl', 'hetnet.nl', 'casema.nl', 'upcmail.nl', 'chello.nl', 'telfort.nl',
  'tele2.nl', 'online.nl', 'quicknet.nl', 'zeelandnet.nl', 'solcon.nl', 'caiway.nl', 'delta.nl', 'proton.me',
  'protonmail.com', 'gmx.net', 'gmx.de', 'web.de', 'telenet.be', 'skynet.be', 'aol.com',
]);

export function isPublicMailDomain(domain: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(domain.toLowerCase());
}
