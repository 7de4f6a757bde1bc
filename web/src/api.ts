import type { ErrorReply } from '../../common/schemas/common';
import { i18n, currentLocale } from './i18n';

/** An error as the server reported it; `message` is already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request answers 401 outside the log-in itself: the session is gone. */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

export function toSearch(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A file sent as the request body itself (the register import), rather than JSON. */
export interface FileBody {
  file: Blob;
  type: string;
  /** the file's own name, sent URL-encoded in X-File-Name (a register import shows it later) */
  name?: string;
}
const isFileBody = (body: unknown): body is FileBody =>
  typeof body === 'object' && body !== null && (body as FileBody).file instanceof Blob;

async function send(method: string, path: string, body?: unknown, query?: Query) {
  const headers: Record<string, string> = { 'Accept-Language': currentLocale() };
  const file = isFileBody(body);
  if (body !== undefined) headers['Content-Type'] = file ? body.type : 'application/json';
  if (file && body.name) headers['X-File-Name'] = encodeURIComponent(body.name);
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}${toSearch(query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : file ? body.file : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  }
  if (!response.ok) throw await toApiError(response, path);
  return response;
}

async function toApiError(response: Response, path: string): Promise<ApiError> {
  let reply: Partial<ErrorReply> = {};
  try {
    reply = (await response.json()) as Partial<ErrorReply>;
  } catch {
    // a proxy or crash page, not our JSON: fall back to a generic message below
  }
  const error = reply.error;
  // The log-in itself and the session probe answer 401 as part of their normal flow.
  const probing = path.startsWith('/auth/login') || path.startsWith('/auth/me');
  if (response.status === 401 && !probing) onUnauthenticated();
  return new ApiError(
    response.status,
    error?.code ?? 'INTERNAL',
    error?.message ?? i18n.t('errors.INTERNAL'),
    error?.field,
    error?.current,
  );
}

export async function apiGet<T>(path: string, query?: Query): Promise<T> {
  return (await (await send('GET', path, undefined, query)).json()) as T;
}

export async function apiSend<T>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  query?: Query,
): Promise<T> {
  return (await (await send(method, path, body ?? {}, query)).json()) as T;
}

/**
 * Downloads a file through fetch so that the session language and errors apply as for any call.
 * A file body makes it a POST (the register's problem rows are computed from the uploaded file).
 * Answers the response headers, which may say more about what was sent (e.g. x-total-count).
 */
export async function apiDownload(
  path: string,
  query: Query,
  fallbackName: string,
  upload?: FileBody,
): Promise<Headers> {
  const response = await send(upload ? 'POST' : 'GET', path, upload, query);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  // The UTF-8 name (居民台账-….xlsx) first; the plain one is the ASCII stand-in for old clients.
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = utf8 ? decodeURIComponent(utf8[1]) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return response.headers;
}
