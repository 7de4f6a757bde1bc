import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPIV3 } from 'openapi-types';
import ts from 'typescript';

/**
 * What a client author does with /api/openapi.json, as functions a test can run: validate it, lint
 * it, generate a typed client from it, and check replies against it.
 */

const ROOT = path.join(import.meta.dirname, '..', '..');

/** swagger-parser's complaint, or undefined when the document is valid OpenAPI. */
export async function swaggerParserError(
  document: OpenAPIV3.Document,
): Promise<string | undefined> {
  try {
    // It dereferences what it is given: a copy keeps the caller's document as served.
    await SwaggerParser.validate(structuredClone(document) as never);
    return undefined;
  } catch (err) {
    return String(err);
  }
}

/** Redocly's findings under the repo's redocly.yaml (recommended, less the rules it turns off). */
export async function redoclyProblems(document: OpenAPIV3.Document): Promise<string[]> {
  const config = await loadConfig({ configPath: path.join(ROOT, 'redocly.yaml') });
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: path.join(ROOT, 'openapi.json'),
    config,
  });
  return problems.map(
    (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
  );
}

/**
 * Generates the client's types with openapi-typescript into a temp dir, with `usage` (a module
 * importing from './api') beside them, and type-checks both strictly. Answers the compiler's errors.
 */
export async function clientTypeErrors(
  document: OpenAPIV3.Document,
  usage: string,
): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-client-'));
  try {
    const types = astToString(await openapiTS(structuredClone(document) as never));
    fs.writeFileSync(path.join(dir, 'api.d.ts'), types);
    fs.writeFileSync(path.join(dir, 'usage.ts'), usage);
    const program = ts.createProgram([path.join(dir, 'usage.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      types: [],
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Operation = OpenAPIV3.OperationObject;

/** Checks replies against the document's response schemas with ajv (strict, with formats). */
export function replyChecker(document: OpenAPIV3.Document) {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  // The document's `#/components/schemas/X` become `components#/definitions/X` of one schema ajv
  // holds, so that a route's schema compiles on its own.
  const relink = <T>(schema: T): T =>
    JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/schemas/', '"components#/definitions/'),
    ) as T;
  ajv.addSchema({ $id: 'components', definitions: relink(document.components?.schemas ?? {}) });
  const compiled = new Map<string, ValidateFunction>();

  /** The operation of a method on a documented path, e.g. ('get', '/api/cases/{id}'). */
  const operation = (method: string, route: string): Operation | undefined =>
    (document.paths[route] as Record<string, Operation> | undefined)?.[method];

  return {
    operation,
    /**
     * Why a reply does not match what the document says `method route` answers with `status`
     * (undefined when it does): an undocumented status, another content type, or ajv's errors.
     */
    mismatch(
      method: string,
      route: string,
      reply: { statusCode: number; headers: Record<string, unknown>; body: string },
    ): string | undefined {
      const documented = operation(method, route)?.responses[reply.statusCode] as
        OpenAPIV3.ResponseObject | undefined;
      if (!documented)
        return `status ${reply.statusCode} is not documented: ${reply.body.slice(0, 200)}`;
      const header = reply.headers['content-type'];
      const type = typeof header === 'string' ? header.split(';')[0] : '';
      const media = documented.content?.[type];
      if (!media) return `content type ${type} is not documented for ${reply.statusCode}`;
      if (type !== 'application/json' || !media.schema) return undefined;
      const key = `${method} ${route} ${reply.statusCode}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(relink(media.schema));
        compiled.set(key, validate);
      }
      if (validate(JSON.parse(reply.body))) return undefined;
      return ajv.errorsText(validate.errors, { separator: '\n  ' });
    },
  };
}
