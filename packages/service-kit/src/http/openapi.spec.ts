import { describe, expect, it } from 'vitest';

import { declarePathParameters } from './openapi.js';

describe('declarePathParameters', () => {
  it('declares every {name} of a path its operation left out, the shared ones typed, and keeps those declared', () => {
    const document = declarePathParameters({
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/api/forecast/helarsprognoser/{ansvar}/{ar}/{tillfalle}': {
          get: {
            responses: {},
            parameters: [{ name: 'tillfalle', in: 'path', required: true, schema: { type: 'string', enum: ['april'] } }],
          },
          put: { responses: {} },
        },
        '/api/forecast/omgangar': { get: { responses: {} } },
      },
    });
    const item = document.paths['/api/forecast/helarsprognoser/{ansvar}/{ar}/{tillfalle}']!;
    expect(item.get!.parameters).toEqual([
      { name: 'tillfalle', in: 'path', required: true, schema: { type: 'string', enum: ['april'] } },
      { name: 'ansvar', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9]{3,8}$', example: '1101' } },
      { name: 'ar', in: 'path', required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100, example: 2026 } },
    ]);
    expect(item.put!.parameters!.map((p) => ('name' in p ? p.name : ''))).toEqual(['ansvar', 'ar', 'tillfalle']);
    expect(item.put!.parameters![2]).toMatchObject({ schema: { type: 'string' } });
    expect(document.paths['/api/forecast/omgangar']!.get!.parameters).toEqual([]);
  });
});
