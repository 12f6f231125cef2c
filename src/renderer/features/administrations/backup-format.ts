/** '15-06-2026 10:04' in the user's time zone; sizes as '1,2 MB'. */
export function formatWhen(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatBytes(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'nl-NL';
  if (bytes < 1e6) return `${(bytes / 1e3).toLocaleString(locale, { maximumFractionDigits: 0 })} kB`;
  return `${(bytes / 1e6).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
