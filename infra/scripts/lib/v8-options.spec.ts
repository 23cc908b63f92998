import { describe, expect, it } from 'vitest';

import { serviceV8Options } from './v8-options.mjs';

describe('serviceV8Options', () => {
  it.each([
    { service: 'report', cores: 1, expected: ['--concurrent-marking-max-worker-num=1'] },
    { service: 'report', cores: 2, expected: ['--concurrent-marking-max-worker-num=1'] },
    { service: 'report', cores: 3, expected: [] },
    { service: 'report', cores: 16, expected: [] },
    { service: 'forecast', cores: 2, expected: [] },
    { service: 'budget', cores: 2, expected: [] },
    { service: 'goals', cores: 1, expected: [] },
  ])('$service on $cores cores: $expected', ({ service, cores, expected }) => {
    expect(serviceV8Options(service, cores)).toEqual(expected);
  });
});
