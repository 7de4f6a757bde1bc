/**
 * Which of the app's words (common/i18n) the scripts of a page carried, for bench/web.ts: each
 * namespace of the full messages is known by a text of its own, looked for in the scripts' text.
 */
import { resources } from '../common/i18n';
import { enUSPublic, zhCNPublic } from '../common/i18n/public';

/** A script a page loaded: its address, its bytes on the wire and its text. */
export interface LoadedScript {
  url: string;
  wire: number;
  text: string;
}

export type Locale = keyof typeof resources;
const leaves = (o: object): string[] =>
  Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));

/**
 * One text per top-level namespace of the full messages and language, written nowhere else: not in
 * another namespace, not in either language's public words (which the log-in page carries by
 * design). Its longest such text, with no character a bundler might write differently, and long
 * enough not to turn up in code by chance. A namespace of public words alone has none.
 */
export function messageMarkers(): Record<Locale, Map<string, string>> {
  const elsewhere = (locale: Locale, ns: string) =>
    new Set([
      ...leaves(zhCNPublic),
      ...leaves(enUSPublic),
      ...Object.entries(resources).flatMap(([l, m]) =>
        Object.entries(m).flatMap(([n, v]) =>
          l === locale && n === ns ? [] : typeof v === 'string' ? [v] : leaves(v as object),
        ),
      ),
    ]);
  const markers = {} as Record<Locale, Map<string, string>>;
  for (const [locale, messages] of Object.entries(resources) as [Locale, object][]) {
    markers[locale] = new Map();
    for (const [ns, value] of Object.entries(messages)) {
      const taken = elsewhere(locale, ns);
      const best = (typeof value === 'string' ? [value] : leaves(value as object))
        .filter((v) => /^[^'"`\\\n]+$/.test(v) && v.length >= (/[\u4e00-\u9fff]/.test(v) ? 4 : 8))
        .sort((a, b) => b.length - a.length)
        .find((v) => ![...taken].some((other) => other.includes(v)));
      if (best) markers[locale].set(ns, best);
    }
  }
  return markers;
}

export interface MessagesLoaded {
  /** Per language, the namespaces whose words came in some script. */
  namespaces: Record<Locale, string[]>;
  /** Languages of which one script alone held every namespace: a whole language file. */
  whole: Locale[];
  /** The scripts that held any of the full messages, and their bytes on the wire. */
  scripts: number;
  wire: number;
}

export function messagesLoaded(
  t: { scripts: LoadedScript[] },
  markers: Record<Locale, Map<string, string>>,
): MessagesLoaded {
  const namespaces = {} as Record<Locale, string[]>;
  const whole: Locale[] = [];
  const holding = new Set<string>();
  for (const [locale, byNs] of Object.entries(markers) as [Locale, Map<string, string>][]) {
    const found = new Set<string>();
    for (const script of t.scripts) {
      const inIt = [...byNs].filter(([, marker]) => script.text.includes(marker));
      for (const [ns] of inIt) found.add(ns);
      if (inIt.length > 0) holding.add(script.url);
      if (inIt.length === byNs.size && !whole.includes(locale)) whole.push(locale);
    }
    namespaces[locale] = [...byNs.keys()].filter((ns) => found.has(ns));
  }
  const wire = t.scripts.filter((s) => holding.has(s.url)).reduce((n, s) => n + s.wire, 0);
  return { namespaces, whole, scripts: holding.size, wire };
}
