import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './crypto';

describe('sealed fields', () => {
  const cipher = createFieldCipher('test-key');

  it('round-trips Chinese text and never stores the plain value', () => {
    const sealed = cipher.seal('尿毒症，每周透析三次');
    expect(sealed).not.toContain('尿毒症');
    expect(cipher.open(sealed)).toBe('尿毒症，每周透析三次');
    expect(cipher.seal('same')).not.toBe(cipher.seal('same'));
  });

  it('refuses a tampered value and another key', () => {
    const sealed = cipher.seal('13812345678');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => cipher.open(tampered)).toThrow();
    expect(() => createFieldCipher('other-key').open(sealed)).toThrow();
  });

  it('gives the same blind index for the same value and kind only', () => {
    expect(cipher.blindIndex('phone', '13812345678')).toBe(
      cipher.blindIndex('phone', '13812345678'),
    );
    expect(cipher.blindIndex('phone', '13812345678')).not.toBe(
      cipher.blindIndex('idNumber', '13812345678'),
    );
    expect(createFieldCipher('other-key').blindIndex('phone', '13812345678')).not.toBe(
      cipher.blindIndex('phone', '13812345678'),
    );
  });
});
