import { describe, expect, it } from 'vitest';

import { provaVerksamhetsbudgetIfMatch, verksamhetsbudgetEtag } from './villkor.js';

const SPARAD = new Date('2026-02-03T09:10:11.123Z');
const ETAG = `"vb-${SPARAD.getTime()}"`;

describe('the verksamhetsbudget’s ETag', () => {
  it.each([
    ['none saved', null, '"standard"'],
    ['saved', SPARAD, ETAG],
  ] as const)('%s: %s', (_, sparadAt, etag) => {
    expect(verksamhetsbudgetEtag(sparadAt)).toBe(etag);
  });
});

describe('If-Match on a save', () => {
  it.each([
    ['the first save may go without', undefined, null, null],
    ['the first save may name "standard"', '"standard"', null, null],
    ['the first save may send *', '*', null, null],
    ['a save over a saved budget needs If-Match', undefined, SPARAD, 428],
    ['an empty one counts as none', '  ', SPARAD, 428],
    ['* does not overwrite a saved budget', '*', SPARAD, 428],
    ['the current version passes', ETAG, SPARAD, null],
    ['among a list, too', `"standard", ${ETAG}`, SPARAD, null],
    ['a chef who read the standard spread is late once one is saved', '"standard"', SPARAD, 412],
    ['an older version is stale', `"vb-${SPARAD.getTime() - 1}"`, SPARAD, 412],
    ['a version named while none is saved is stale', ETAG, null, 412],
  ] as const)('%s', (_, ifMatch, sparadAt, status) => {
    expect(provaVerksamhetsbudgetIfMatch(ifMatch, sparadAt)?.status ?? null).toBe(status);
  });
});
