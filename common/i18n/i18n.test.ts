import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpolate, locales, pickLocale, resources } from '.';
import { messageParts } from './parts';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('messages', () => {
  it('has every zh-CN key in en-US and no empty text', () => {
    expect(keysOf(resources['en-US']).sort()).toEqual(keysOf(resources['zh-CN']).sort());
    for (const locale of Object.values(resources)) {
      for (const key of keysOf(locale)) {
        const text = key
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], locale);
        expect(String(text).trim(), key).not.toBe('');
      }
    }
  });

  it('has one file per part in each language, no namespace in two of them', async () => {
    for (const locale of locales) {
      const files = fs.readdirSync(path.join(import.meta.dirname, locale));
      expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...messageParts].sort());
      const owner = new Map<string, string>();
      for (const part of messageParts) {
        const { messages } = (await import(`./${locale}/${part}.ts`)) as { messages: object };
        for (const ns of Object.keys(messages)) {
          expect(owner.get(ns), `${locale}: ${ns} in ${part}`).toBeUndefined();
          owner.set(ns, part);
        }
      }
      expect([...owner.keys()].sort()).toEqual(Object.keys(resources[locale]).sort());
    }
  });

  it('picks the language from Accept-Language, Chinese by default', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale('en-US,en;q=0.9')).toBe('en-US');
    expect(pickLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(interpolate(resources['zh-CN'].errors.FILE_TOO_LARGE, { mb: 10 })).toContain('10 MB');
  });
});
