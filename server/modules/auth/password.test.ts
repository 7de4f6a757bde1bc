import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../common/schemas/auth';

describe('password strength', () => {
  it('wants ten characters of three kinds, without the user name', () => {
    expect(passwordProblems('Linli@2026')).toEqual([]);
    expect(passwordProblems('Ab1!')).toContain('tooShort');
    expect(passwordProblems('abcdefghijk')).toContain('tooSimple');
    expect(passwordProblems('Zhangwei#2026', 'zhangwei')).toEqual(['containsUsername']);
  });
});
