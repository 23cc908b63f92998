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

/** Publishes the service's OpenAPI document at `/api/<service>/openapi.json`. */
export function publishOpenApi(app: INestApplication, config: ServiceConfig, description: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(`Tertial ${config.service}`).setDescription(description).setVersion('1').addBearerAuth().build(),
  );
  app.getHttpAdapter().get(`/api/${config.service}/openapi.json`, (_request: unknown, response: { json: (body: unknown) => void }) => {
    response.json(document);
  });
}
