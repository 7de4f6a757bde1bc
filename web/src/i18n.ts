import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { locales, resources, type Locale, type Messages } from '../../common/i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

dayjs.extend(utc);
dayjs.extend(timezone);

const storageKey = 'linli.locale';

function storedLocale(): Locale {
  const saved = localStorage.getItem(storageKey);
  return (locales as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-CN';
}

function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  document.title = resources[locale].app.name;
}

const initial = storedLocale();
applyLocale(initial);

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: resources['zh-CN'] },
    'en-US': { translation: resources['en-US'] },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  // React escapes already; double escaping would show &amp; in names.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export async function changeLocale(locale: Locale) {
  localStorage.setItem(storageKey, locale);
  applyLocale(locale);
  await i18n.changeLanguage(locale);
}

/** Dates and times are shown in the street's time zone, whatever the device says. */
export function formatTime(iso: string) {
  return dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm');
}

export { i18n };
