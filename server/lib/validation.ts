import type { FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { Fault } from '../../common/validation';

const sources = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
} as const;

/**
 * A request's failed check as the shared wording takes it (common/validation.ts), so the reply says
 * what a form says at the field. Fastify hands back zod's issue without the value; it is read from
 * the request, so a missing field reads 请填写此项 rather than a type.
 */
export function requestFault(
  issue: FastifySchemaValidationError,
  req: FastifyRequest,
  context: string | undefined,
): Fault {
  const source = sources[(context ?? 'body') as keyof typeof sources] ?? 'body';
  let input: unknown = req[source];
  for (const key of issue.instancePath.split('/').slice(1)) {
    input =
      typeof input === 'object' && input !== null
        ? (input as Record<string, unknown>)[key]
        : undefined;
  }
  return { ...issue.params, code: issue.keyword, message: issue.message, input };
}
