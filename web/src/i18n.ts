import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Messages } from '../../common/i18n/zh-CN';
import { enUSPublic, locales, type Locale, zhCNPublic } from '../../common/i18n/public';

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
  document.title = (locale === 'zh-CN' ? zhCNPublic : enUSPublic).app.name;
}

const initial = storedLocale();
applyLocale(initial);

// A phone's first visit (log-in, the resident's tip form) needs only the public words; the full
// messages, about 100 kB a language, come with the signed-in app (loadAppMessages).
void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCNPublic },
    'en-US': { translation: enUSPublic },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  // React escapes already; double escaping would show &amp; in names.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

let appMessagesWanted = false;
const loaded = new Set<Locale>();

async function loadMessages(locale: Locale) {
  if (loaded.has(locale)) return;
  const messages =
    locale === 'zh-CN'
      ? (await import('../../common/i18n/zh-CN')).zhCN
      : (await import('../../common/i18n/en-US')).enUS;
  i18n.addResourceBundle(locale, 'translation', messages, true, true);
  loaded.add(locale);
}

/** The signed-in app's words, in the current language; later switches load theirs first. */
export async function loadAppMessages() {
  appMessagesWanted = true;
  await loadMessages(currentLocale());
}

export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export async function changeLocale(locale: Locale) {
  if (appMessagesWanted) await loadMessages(locale);
  localStorage.setItem(storageKey, locale);
  applyLocale(locale);
  await i18n.changeLanguage(locale);
}

/** Dates and times are shown in the street's time zone, whatever the device says. */
export function formatTime(iso: string) {
  return dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm');
}

export { i18n };
