/**
 * What a publication summary (like the newspaper page's) must not carry: the real names of the client
 * and of everyone in the household, their ID numbers, phone numbers, addresses and exact birth dates.
 * Pure functions; the documents service gathers the facts and applies them to every text it prints.
 */

/** Two-character surnames: the pseudonym keeps both characters (欧阳某, not 欧某). */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '呼延',
  '钟离',
  '澹台',
  '申屠',
  '闻人',
  '万俟',
  '赫连',
];
/** A name starting with these is a pet name (小阳, 阿强, 老刘 …), not surname and given name. */
const PET_NAME_PREFIXES = ['小', '阿', '老'];
/** Told apart when two people would get the same pseudonym: 王某, 王某甲, 王某乙 … */
const ORDINALS = [...'甲乙丙丁戊己庚辛壬癸'];

const HAN_NAME = /^[\u3400-\u9fff]+$/;

export function surnameOf(name: string): string | null {
  const n = name.trim();
  if (!HAN_NAME.test(n) || n.length < 2) return null;
  if (PET_NAME_PREFIXES.includes(n[0])) return null;
  if (n.length >= 3 && COMPOUND_SURNAMES.includes(n.slice(0, 2))) return n.slice(0, 2);
  return n[0];
}

/** The part after the surname, when it is long enough to stand for the person on its own (秀梅 of 李秀梅). */
export function givenNameOf(name: string): string | null {
  const surname = surnameOf(name);
  const given = surname ? name.trim().slice(surname.length) : '';
  return given.length >= 2 ? given : null;
}

/** The press's way: an adult is 王某, a child 小王; without a surname, 某某 or 小某. */
export function defaultPseudonym(name: string, minor: boolean): string {
  const surname = surnameOf(name);
  if (minor) return `小${surname ?? '某'}`;
  return surname ? `${surname}某` : '某某';
}

/** A pseudonym that is, or contains, one of the real names (or their given names) would reveal it. */
export function revealsName(pseudonym: string, realNames: readonly string[]): boolean {
  return realNames.some((real) => {
    const given = givenNameOf(real);
    return (
      (real.length >= 2 && pseudonym.includes(real)) ||
      pseudonym === real ||
      (given !== null && pseudonym.includes(given))
    );
  });
}

export interface Person {
  id: string;
  name: string;
  minor: boolean;
}

/**
 * A pseudonym for the client and for every member of the household: the client's as the worker set it
 * (unless it would reveal a real name), the others by the default rule; no two alike, none revealing.
 */
export function assignPseudonyms(
  client: Person & { pseudonym: string | null },
  members: readonly Person[],
): Map<string, string> {
  const realNames = [client.name, ...members.map((m) => m.name)];
  const taken = new Set<string>();
  const result = new Map<string, string>();
  const pick = (base: string) => {
    const candidates = [base, ...ORDINALS.map((o) => `${base}${o}`)];
    const free = candidates.find((c) => !taken.has(c) && !revealsName(c, realNames));
    // Past ten namesakes, a plain number keeps them apart.
    const chosen = free ?? `${base}${taken.size + 1}`;
    taken.add(chosen);
    return chosen;
  };
  const own = client.pseudonym?.trim();
  result.set(
    client.id,
    own && !revealsName(own, realNames)
      ? pick(own)
      : pick(defaultPseudonym(client.name, client.minor)),
  );
  for (const m of members)
    if (m.id !== client.id) result.set(m.id, pick(defaultPseudonym(m.name, m.minor)));
  return result;
}

/** Everything to take out of a text before it is published. */
export interface Redaction {
  /** Real names (former ones too), each with the pseudonym that replaces it. */
  names: { real: string; pseudonym: string }[];
  idNumbers: string[];
  phones: string[];
  /** YYYY-MM-DD */
  birthDates: string[];
  addresses: string[];
}

export const REDACTED = {
  idNumber: '[身份证号已删除]',
  phone: '[电话已删除]',
  birthDate: '[出生日期已删除]',
  address: '[住址已删除]',
} as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A number as people write it: its digits, perhaps with spaces or dashes between them. */
const digitsLoosely = (digits: string) =>
  [...digits.replace(/[^\dXx]/g, '')].map((d) => (/[Xx]/.test(d) ? '[Xx]' : d)).join('[\\s-]*');

// Any ID number (18 or 15 digits), any mainland mobile number, any landline with its area code, whoever
// they belong to: a number in a note may be an old one, or a relative's.
const ANY_ID_NUMBER = /(?<![\dA-Za-z])(?:\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const ANY_MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;
const ANY_LANDLINE = /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g;
// Building, unit and room in any of the usual spellings: 6号楼1单元302室, 6栋302, 3单元501, 6-1-302.
const ANY_DOOR = new RegExp(
  [
    String.raw`\d+\s*(?:号楼|栋|幢|座|号院)(?:\s*\d+\s*单元)?(?:\s*-?\s*\d+\s*(?:室|号|户)?)?`,
    String.raw`\d+\s*单元(?:\s*-?\s*\d+\s*(?:室|号|户)?)?`,
    String.raw`(?<!\d)\d{3,4}\s*(?:室|号房)`,
    String.raw`(?<!\d)\d{1,3}-\d{1,2}-\d{3,4}(?!\d)`,
  ].join('|'),
  'g',
);

function birthDatePattern(date: string): RegExp | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [, y, mm, dd] = m;
  const month = `0?${Number(mm)}`;
  const day = `0?${Number(dd)}`;
  return new RegExp(
    `(?<!\\d)(?:${y}\\s*[-/.年]\\s*${month}\\s*[-/.月]\\s*${day}(?!\\d)\\s*日?|${y}${mm}${dd}(?!\\d))`,
    'g',
  );
}

/**
 * Takes out of a text what would identify the client or their family. Exact values first (they may be
 * written in odd ways), then any number or door that looks like one, then the names — longest first,
 * given names of two characters or more too, in one pass so a pseudonym is never replaced again.
 */
export function scrubText(text: string, r: Redaction): string {
  let out = text;
  const replaceAll = (pattern: RegExp, by: string) => {
    out = out.replace(pattern, by);
  };
  for (const a of [...r.addresses].sort((x, y) => y.length - x.length))
    if (a.trim())
      replaceAll(new RegExp(escape(a.trim()).replace(/\s+/g, '\\s*'), 'g'), REDACTED.address);
  for (const id of r.idNumbers)
    if (id) replaceAll(new RegExp(digitsLoosely(id), 'g'), REDACTED.idNumber);
  replaceAll(ANY_ID_NUMBER, REDACTED.idNumber);
  for (const p of r.phones)
    if (p.replace(/\D/g, '').length >= 7)
      replaceAll(new RegExp(`(?<!\\d)${digitsLoosely(p)}(?!\\d)`, 'g'), REDACTED.phone);
  replaceAll(ANY_MOBILE, REDACTED.phone);
  replaceAll(ANY_LANDLINE, REDACTED.phone);
  for (const d of r.birthDates) {
    const pattern = birthDatePattern(d);
    if (pattern) replaceAll(pattern, REDACTED.birthDate);
  }
  replaceAll(ANY_DOOR, REDACTED.address);

  const byName = new Map<string, string>();
  for (const { real, pseudonym } of r.names) {
    const name = real.trim();
    if (name.length >= 2 && !byName.has(name)) byName.set(name, pseudonym);
  }
  for (const { real, pseudonym } of r.names) {
    const given = givenNameOf(real.trim());
    if (given && !byName.has(given)) byName.set(given, pseudonym);
  }
  if (byName.size) {
    const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
    out = out.replace(new RegExp(names.join('|'), 'g'), (hit) => byName.get(hit)!);
  }
  // Neighbouring pieces of one address become one mark.
  return out.replaceAll(`${REDACTED.address}${REDACTED.address}`, REDACTED.address);
}
