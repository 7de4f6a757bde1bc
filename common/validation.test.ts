import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resources } from './i18n';
import { zIssueCommand, zIssueReport } from './schemas/issues';
import { zResidentFields } from './schemas/people';
import { zStaffCreate } from './schemas/staff';
import { faultText, namedError, wordedAs, type Fault } from './validation';

/** The first fault of a value, as a form sees it (the input known). */
function faultOf(schema: z.ZodType, value: unknown): Fault {
  const issue = schema.safeParse(value, { reportInput: true }).error?.issues[0];
  if (!issue) throw new Error('the value passed');
  return issue as unknown as Fault;
}

const zh = (fault: Fault) => faultText(fault, 'zh-CN', resources['zh-CN'].errors);
const en = (fault: Fault) => faultText(fault, 'en-US', resources['en-US'].errors);

describe('the words of a failed check', () => {
  it('says what is wrong in the user’s language, not zod’s', () => {
    const long = faultOf(zIssueReport.shape.description, 'x'.repeat(4001));
    expect(zh(long)).toBe('最多 4000 个字');
    expect(en(long)).toBe('At most 4000 characters');
    expect(zh(faultOf(z.number().int().min(1).max(365), 400))).toBe('不能大于 365');
    expect(zh(faultOf(z.array(z.string()).min(1), []))).toBe('至少选择 1 项');
    expect(zh(faultOf(z.iso.date(), '2026-13-01'))).toBe('日期格式应为 2026-11-28');
    expect(zh(faultOf(z.enum(['a', 'b']), 'c'))).toBe('请从给出的选项中选择');
  });

  it('reads a missing or empty value as missing, whatever its type', () => {
    expect(zh(faultOf(zIssueReport.shape.description, undefined))).toBe('请填写此项');
    expect(zh(faultOf(zIssueReport.shape.description, '   '))).toBe('请填写此项');
    expect(zh(faultOf(zIssueReport.shape.category, undefined))).toBe('请填写此项');
    // The server does not always know the value: a type fault without it is a missing value too.
    expect(zh({ code: 'invalid_type', expected: 'string' })).toBe('请填写此项');
    expect(zh(faultOf(z.string(), 5))).toBe('应填写文字');
  });

  it('uses the words a check names', () => {
    expect(zh(faultOf(zStaffCreate.shape.phone, '12345'))).toBe('请输入 11 位手机号');
    expect(zh(faultOf(zResidentFields.shape.idNumber, '1101051949'))).toBe(
      resources['zh-CN'].validation.named.idNumberFormat,
    );
    expect(en(faultOf(zResidentFields.shape.idNumber, '110105194912310021'))).toBe(
      resources['en-US'].validation.named.idNumber,
    );
    expect(wordedAs('mobile')).toEqual({ error: 'validation.mobile' });
  });

  it('answers a check that names a shared error with that error', () => {
    const fault = faultOf(zIssueCommand, { action: 'rate', version: 1, rating: 0 });
    expect(namedError(fault, resources['zh-CN'].errors)).toBe('RATING_OUT_OF_RANGE');
    expect(zh(fault)).toBe(resources['zh-CN'].errors.RATING_OUT_OF_RANGE);
  });
});
