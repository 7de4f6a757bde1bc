import { enUSPublic, zhCNPublic, type Locale, type PublicMessages } from './i18n/public';
import { interpolate } from './i18n/interpolate';

/**
 * One failed check of a shared zod schema, as zod reports it less its path: `code` and its params
 * (`maximum`, `origin`, `format` …), the check's own `message`, and `input` when the value is known.
 * The server rebuilds it from a request's validation error, a form from its own safeParse of a field;
 * both word it here, so the user reads the same words at the field and in the API's reply.
 */
export interface Fault {
  code: string;
  message?: string;
  input?: unknown;
  [param: string]: unknown;
}

const words: Record<Locale, PublicMessages['validation']> = {
  'zh-CN': zhCNPublic.validation,
  'en-US': enUSPublic.validation,
};

export type NamedWords = keyof PublicMessages['validation']['named'];
const namedPrefix = 'validation.';

/**
 * A check that says what it wants in its own words rather than zod's generic ones:
 * `.regex(/^1\d{10}$/, wordedAs('mobile'))` reads 请输入 11 位手机号 at the field and in the reply.
 */
export function wordedAs(name: NamedWords) {
  return { error: `${namedPrefix}${name}` };
}

/**
 * The shared error a check names instead of words (`{ error: 'RATING_OUT_OF_RANGE' }`), if `errors`
 * (the locale's error messages) knows it: the reply then carries that code, and the form its text.
 */
export function namedError(fault: Fault, errors: Readonly<Record<string, string>>) {
  const code = fault.message ?? '';
  return Object.hasOwn(errors, code) ? code : undefined;
}

const missing = (fault: Fault) => fault.input === undefined || fault.input === null;
const num = (value: unknown) => String(value);

/** How a failed check reads to the user, in their language. */
export function faultText(
  fault: Fault,
  locale: Locale,
  errors: Readonly<Record<string, string>> = {},
): string {
  const named = namedError(fault, errors);
  if (named) return interpolate(errors[named]);
  const w = words[locale];
  const own = fault.message?.startsWith(namedPrefix)
    ? (fault.message.slice(namedPrefix.length) as NamedWords)
    : undefined;
  if (own && Object.hasOwn(w.named, own)) return w.named[own];
  const { origin, minimum, maximum, inclusive } = fault;
  switch (fault.code) {
    case 'invalid_type': {
      if (missing(fault)) return w.required;
      const expected = String(fault.expected);
      const type = Object.hasOwn(w.types, expected)
        ? w.types[expected as keyof typeof w.types]
        : expected;
      return interpolate(w.type, { expected: type });
    }
    case 'invalid_value':
      return missing(fault) ? w.required : w.choose;
    case 'too_big':
      if (origin === 'string') return interpolate(w.tooLong, { max: num(maximum) });
      if (origin === 'array' || origin === 'set')
        return interpolate(w.tooMany, { max: num(maximum) });
      return interpolate(inclusive === false ? w.below : w.tooBig, { max: num(maximum) });
    case 'too_small':
      // A text that must not be empty (min 1, after trim) reads as a missing one.
      if (origin === 'string')
        return Number(minimum) <= 1 ? w.required : interpolate(w.tooShort, { min: num(minimum) });
      if (origin === 'array' || origin === 'set')
        return interpolate(w.tooFew, { min: num(minimum) });
      return interpolate(inclusive === false ? w.above : w.tooSmall, { min: num(minimum) });
    case 'not_multiple_of':
      return interpolate(w.multipleOf, { divisor: num(fault.divisor) });
    case 'invalid_format':
      switch (fault.format) {
        case 'date':
          return w.date;
        case 'datetime':
          return w.datetime;
        case 'uuid':
        case 'guid':
          return w.uuid;
        case 'email':
          return w.email;
        case 'url':
          return w.url;
        default:
          return w.format;
      }
    case 'unrecognized_keys':
      return interpolate(w.unknownFields, {
        keys: Array.isArray(fault.keys) ? fault.keys.join(', ') : '',
      });
    default:
      return w.invalid;
  }
}
