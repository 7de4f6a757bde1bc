import type { RuleObject } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { faultText, type Fault, type NamedWords } from '../../../common/validation';
import { currentLocale, i18n } from '../i18n';

/**
 * Form rules from the shared zod schemas (common/schemas): a field is required when its schema
 * needs a value (optional or nullable: not), and its checks are the schema's own, worded by
 * common/validation.ts as the server words the same fault in its 400 reply.
 *
 *   const rules = schemaRules(zIssueReport);
 *   <Form.Item name="description" rules={rules.description}>
 */

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

function errorWords(): Record<string, string> {
  const bundle = i18n.getResourceBundle(currentLocale(), 'translation') as
    { errors?: Record<string, string> } | undefined;
  return bundle?.errors ?? {};
}

/** What the user reads for one failed check: the words of the server's reply for it. */
export function faultWords(fault: Fault): string {
  return faultText(fault, currentLocale(), errorWords());
}

/** The words of a check that names its own (wordedAs in a schema), for a form's rule across fields. */
export function checkWords(name: NamedWords): string {
  return faultWords({ code: 'custom', message: `validation.${name}` });
}

interface FieldOptions {
  /** the value as the API takes it, when the form holds it otherwise */
  from?: (value: never) => unknown;
  /** a Form.List: check the list as a whole (how many), its rows' own items check the rest */
  whole?: boolean;
}

/** A picker's value as the API takes it: the day (2026-11-28) if the field takes one, else the instant. */
function fromPicker(schema: z.ZodType, value: Dayjs) {
  const day = value.format('YYYY-MM-DD');
  return schema.safeParse(day).success ? day : value.toISOString();
}

/**
 * A value the schema leaves optional but this form needs (a dispatch names a department, though
 * the API would take a person instead), in the words of any missing value.
 */
export function requiredRule(): RuleObject {
  return { required: true, whitespace: true, message: faultWords({ code: 'invalid_type' }) };
}

type SchemaRule = RuleObject & { validator: NonNullable<RuleObject['validator']> };

const needsValue = (schema: z.ZodType) =>
  !schema.safeParse(undefined).success && !schema.safeParse(null).success;

/**
 * What is wrong with one field's value, in the words the server would use; undefined when nothing.
 * An empty value ('' or none) is fine where the schema leaves the field out, else it is missing.
 */
export function fieldProblem(
  schema: z.ZodType,
  formValue: unknown,
  options: FieldOptions = {},
): string | undefined {
  const value = isEmpty(formValue)
    ? undefined
    : options.from
      ? options.from(formValue as never)
      : dayjs.isDayjs(formValue)
        ? fromPicker(schema, formValue)
        : formValue;
  if (isEmpty(value) && !needsValue(schema)) return undefined;
  const result = schema.safeParse(isEmpty(value) ? undefined : value, { reportInput: true });
  const issues = result.error?.issues ?? [];
  const own = issues.find((i) => i.path.length === 0);
  const issue = options.whole ? own : (own ?? issues[0]);
  return issue && faultWords(issue as unknown as Fault);
}

/** The rules of one field: `rules={fieldRules(zTipCreate.shape.description)}`. */
export function fieldRules(schema: z.ZodType, options: FieldOptions = {}): SchemaRule[] {
  return [
    {
      required: needsValue(schema),
      validator: async (_, value: unknown) => {
        const problem = fieldProblem(schema, value, options);
        if (problem) throw new Error(problem);
      },
    },
  ];
}

type Shape = Record<string, z.ZodType>;
const cache = new WeakMap<object, Record<string, SchemaRule[]>>();

/** The rules of every field of an object schema, by name. */
export function schemaRules<S extends Shape>(schema: {
  shape: S;
}): { [K in keyof S]: SchemaRule[] } {
  let rules = cache.get(schema);
  if (!rules) {
    rules = Object.fromEntries(
      Object.entries(schema.shape).map(([name, field]) => [name, fieldRules(field)]),
    );
    cache.set(schema, rules);
  }
  return rules as { [K in keyof S]: SchemaRule[] };
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  checks?: { _zod: { def: object } }[];
};

/** The checks of a field, under optional, nullable, default and pipe. */
function checksOf(schema: z.ZodType) {
  let def = schema._zod.def as Def;
  for (let inner = def.innerType ?? def.in; inner; inner = def.innerType ?? def.in)
    def = inner._zod.def;
  return (def.checks ?? []).map(
    (c) => c._zod.def as { check?: string; maximum?: number; value?: number; inclusive?: boolean },
  );
}

/**
 * The longest text (or the most items) a field takes, for the input's own limit and counter:
 * `maxLength={maxLengthOf(zTipCreate.shape.description)}`, the schema's number, not typed again.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  return checksOf(schema).find((c) => c.check === 'max_length')?.maximum;
}

/** The range of a number field, for an InputNumber: `{...boundsOf(zX.shape.durationMinutes)}`. */
export function boundsOf(schema: z.ZodType): { min?: number; max?: number } {
  const bounds: { min?: number; max?: number } = {};
  for (const c of checksOf(schema)) {
    if (c.check === 'greater_than' && c.inclusive) bounds.min = Number(c.value);
    if (c.check === 'less_than' && c.inclusive) bounds.max = Number(c.value);
  }
  return bounds;
}
