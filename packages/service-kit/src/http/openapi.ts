import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

import type { ServiceConfig } from '../config/service-config.js';

/** A contract schema as an OpenAPI 3 schema object, for `@ApiBody({ schema })` and `@ApiOkResponse({ schema })`. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as SchemaObject;
}

export const PROBLEM_RESPONSE = {
  description: 'Felbeskrivning (application/problem+json) som namnger de fält som är fel',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  },
};

/**
 * The schemas of the path parameters the controllers share, by name. A handler takes its path as one object
 * (`@Param() params`, parsed with the contract's schema), from which NestJS's swagger reads no names.
 */
const PATH_PARAMETERS: Record<string, SchemaObject> = {
  ar: { type: 'integer', minimum: 2000, maximum: 2100, example: 2026 },
  ansvar: { type: 'string', pattern: '^[0-9]{3,8}$', example: '1101' },
  version: { type: 'integer', minimum: 1 },
  fran: { type: 'integer', minimum: 1 },
  till: { type: 'integer', minimum: 1 },
};

type Document = ReturnType<typeof SwaggerModule.createDocument>;

/**
 * Declares every `{name}` of a path that its operation leaves undeclared (with the shared schema of that name, or as
 * a string), so that the document describes every request the service takes and a client or fuzzer can build one.
 */
export function declarePathParameters(document: Document): Document {
  for (const [path, item] of Object.entries(document.paths)) {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      const declared = new Set((operation.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'path' ? [p.name] : [])));
      const missing = names.filter((name) => !declared.has(name));
      operation.parameters = [
        ...(operation.parameters ?? []),
        ...missing.map((name) => ({
          name,
          in: 'path' as const,
          required: true,
          schema: PATH_PARAMETERS[name] ?? { type: 'string' as const },
        })),
      ];
    }
  }
  return document;
}

/** Publishes the service's OpenAPI document at `/api/<service>/openapi.json`. */
export function publishOpenApi(app: INestApplication, config: ServiceConfig, description: string): void {
  const document = declarePathParameters(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle(`Tertial ${config.service}`).setDescription(description).setVersion('1').addBearerAuth().build(),
    ),
  );
  app.getHttpAdapter().get(`/api/${config.service}/openapi.json`, (_request: unknown, response: { json: (body: unknown) => void }) => {
    response.json(document);
  });
}
