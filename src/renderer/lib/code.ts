import { foldDiacritics } from '../../shared/dutch/text';

/** A code from a name: 'Oud-lid (België)' → 'oud-lid-belgie'. Matches the core's /^[a-z0-9][a-z0-9_-]*$/. */
export function codeFromName(name: string): string {
  return foldDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 60);
}
