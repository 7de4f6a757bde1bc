import type { FastifySchemaValidationError } from 'fastify';
import type { $ZodRawIssue } from 'zod/v4/core';
import { en, zhCN } from 'zod/locales';
import type { Locale } from '../../common/i18n';

const zodLocales = { 'zh-CN': zhCN(), 'en-US': en() };

/** Zod's own wording of a failed check, in the caller's language (zod's messages are English by default). */
export function zodMessage(issue: FastifySchemaValidationError, locale: Locale): string {
  const raw = { ...issue.params, code: issue.keyword } as unknown as $ZodRawIssue;
  const text = zodLocales[locale].localeError(raw);
  const message = typeof text === 'string' ? text : (text?.message ?? issue.message ?? '');
  // Fastify does not hand the input back, so zod would say it "received undefined": leave that out.
  return message.replace(/[，,]\s*(实际接收|received)\s*undefined$/, '');
}
