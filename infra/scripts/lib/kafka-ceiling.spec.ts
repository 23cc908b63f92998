import { describe, expect, it } from 'vitest';

import { parseProducerPerformance } from './kafka-ceiling.mjs';

describe('parseProducerPerformance: the summary line of Kafka’s ProducerPerformance', () => {
  it.each([
    {
      namn: 'the summary after progress lines',
      output:
        '2964 records sent, 2962.0 records/sec (0.56 MB/sec), 30.1 ms avg latency, 300.0 ms max latency.\n' +
        '17784 records sent, 21582.7 records/sec (4.12 MB/sec), 45.86 ms avg latency, 120.00 ms max latency, 40 ms 50th, 110 ms 95th, 118 ms 99th, 120 ms 99.9th.\n',
      ut: {
        records: 17784,
        recordsPerSecond: 21582.7,
        megabytesPerSecond: 4.12,
        avgLatencyMs: 45.86,
        maxLatencyMs: 120,
        p50Ms: 40,
        p95Ms: 110,
        p99Ms: 118,
      },
    },
  ])('$namn', ({ output, ut }) => {
    expect(parseProducerPerformance(output)).toEqual(ut);
  });

  it('no summary is an error that shows what was printed', () => {
    expect(() => parseProducerPerformance('Exception in thread "main"')).toThrow(/printed no summary:\nException/);
  });
});
