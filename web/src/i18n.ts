import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { MessagePart } from '../../common/i18n/parts';
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

// A phone's first visit (log-in, the resident's tip form) needs only the public words. The signed-in
// app brings the core (its frame, 今日, errors), and each page the parts of the modules it shows
// (common/i18n/parts.ts, named by its route in router.tsx), so no page carries every module's words.
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

const partFiles = import.meta.glob<{ messages: object }>('../../common/i18n/{zh-CN,en-US}/*.ts');
/** The parts the pages opened so far have asked for: a switch of language loads them in the other one. */
const wanted = new Set<MessagePart>();
const loading = new Map<string, Promise<void>>();
/** The language being switched to, while its parts load: a page opened meanwhile loads its parts in both. */
let switchingTo: Locale | undefined;

function loadPart(locale: Locale, part: MessagePart): Promise<void> {
  const name = `${locale}/${part}`;
  let done = loading.get(name);
  if (!done) {
    done = partFiles[`../../common/i18n/${name}.ts`]().then(({ messages }) => {
      i18n.addResourceBundle(locale, 'translation', messages, true, true);
    });
    // A part that failed to arrive (a lost signal) is asked for again next time.
    void done.catch(() => loading.delete(name));
    loading.set(name, done);
  }
  return done;
}

/** The words of the given parts in the current language (and the one being switched to). */
export async function loadMessages(parts: readonly MessagePart[]) {
  for (const part of parts) wanted.add(part);
  const targets = new Set([currentLocale(), switchingTo ?? currentLocale()]);
  await Promise.all([...targets].flatMap((locale) => parts.map((part) => loadPart(locale, part))));
}

/** The signed-in app's own words, in the current language; later switches load theirs first. */
export function loadAppMessages() {
  return loadMessages(['core']);
}

export function currentLocale(): Locale {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export async function changeLocale(locale: Locale) {
  switchingTo = locale;
  try {
    // Every part asked for so far: a page seen before keeps its words when opened again.
    await Promise.all([...wanted].map((part) => loadPart(locale, part)));
    localStorage.setItem(storageKey, locale);
    applyLocale(locale);
    await i18n.changeLanguage(locale);
  } finally {
    switchingTo = undefined;
  }
}

/** Dates and times are shown in the street's time zone, whatever the device says. */
export function formatTime(iso: string) {
  return dayjs(iso).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm');
}

export { i18n };
