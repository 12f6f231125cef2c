import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl';
import { en } from './en';
import { numberFormatter } from './number-format';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ledenbeheer.language';

function storedLanguage(): Language {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'nl';
}

/** Dutch is the default; English is the second language. Resources are bundled (offline). */
export function initI18n() {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).use(numberFormatter).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng,
    fallbackLng: 'nl',
    // alwaysFormat: every interpolated number goes through numberFormatter (Dutch thousands).
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
  return i18next;
}

export function setLanguage(lng: Language): void {
  window.localStorage.setItem(STORAGE_KEY, lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}
