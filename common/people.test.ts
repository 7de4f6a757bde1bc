import { describe, expect, it } from 'vitest';
import { ageOn, idCheckDigit, idNumberValid, maskIdNumber, maskPhone } from './people';

describe('ID numbers (GB 11643)', () => {
  it('accepts a number whose check character fits and whose birth date exists', () => {
    const first17 = '14021319800101001';
    const id = first17 + idCheckDigit(first17);
    expect(idNumberValid(id)).toBe(true);
    const wrong = first17 + (id[17] === '0' ? '1' : '0');
    expect(idNumberValid(wrong)).toBe(false);
  });
  it('refuses an impossible birth date and a malformed number', () => {
    const first17 = '14021319800231001';
    expect(idNumberValid(first17 + idCheckDigit(first17))).toBe(false);
    expect(idNumberValid('1402131980010100')).toBe(false);
    expect(idNumberValid('14021319800101001x')).toBe(false);
  });
  it('is the documented example, 11010519491231002X', () => {
    expect(idNumberValid('11010519491231002X')).toBe(true);
  });
});

describe('masking', () => {
  it('keeps the region and the last four of an ID number, the first three and last four of a phone', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('counts age in whole years', () => {
    expect(ageOn('1946-11-29', '2026-11-28')).toBe(79);
    expect(ageOn('1946-11-28', '2026-11-28')).toBe(80);
  });
});
