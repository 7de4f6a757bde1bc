import type { Messages } from '../../common/i18n';

export type ErrorCode = keyof Messages['errors'];

/** An error meant for the caller: status, code and the parameters of its localised message. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly extra: { field?: string; current?: unknown } = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const stale = (current: unknown) => new AppError(409, 'STALE_VERSION', {}, { current });
