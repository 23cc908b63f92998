import { describe, expect, it } from 'vitest';

import { medSokparametrar } from './sidor.js';

describe('changing the query string', () => {
  it('sets a parameter and keeps the others in their order', () => {
    expect(medSokparametrar('?ar=2026&namnd=VON', { namnd: 'SFN' })).toBe('?ar=2026&namnd=SFN');
  });

  it('adds a new parameter last', () => {
    expect(medSokparametrar('?ar=2026', { namnd: 'VON' })).toBe('?ar=2026&namnd=VON');
  });

  it('removes a parameter given null, and leaves no lone question mark', () => {
    expect(medSokparametrar('?sok=hem', { sok: null })).toBe('');
  });

  it('encodes what needs it', () => {
    expect(medSokparametrar('', { sok: 'Öster & Väster' })).toBe('?sok=%C3%96ster+%26+V%C3%A4ster');
  });
});
