import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';

import { behandlaBatch, type Batchlage } from './batch.js';

const meddelande = (offset: number, key: string | null): KafkaMessage =>
  ({ offset: String(offset), key: key === null ? null : Buffer.from(key), value: Buffer.from('{}') }) as KafkaMessage;

/** A batch whose handler finishes each message when the test says so, and which records what happened when. */
function batch(nycklar: (string | null)[], korande: () => boolean = () => true) {
  const messages = nycklar.map((key, index) => meddelande(100 + index, key));
  const logg: string[] = [];
  const vantar = new Map<string, { klar: () => void; fel: (error: Error) => void }>();
  const lage: Batchlage = {
    messages,
    resolveOffset: (offset) => void logg.push(`resolved ${offset}`),
    heartbeat: async () => void logg.push('heartbeat'),
    isRunning: korande,
    isStale: () => false,
  };
  const hantera = (message: KafkaMessage) =>
    new Promise<void>((klar, fel) => {
      logg.push(`start ${message.offset}`);
      vantar.set(message.offset, { klar, fel });
    });
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { lage, hantera, logg, vantar, tick };
}

describe('behandlaBatch', () => {
  it('begins every key at once on a topic whose keys are independent, each key in offset order', async () => {
    const { lage, hantera, logg, vantar, tick } = batch(['a', 'b', 'a', 'c']);
    const klar = behandlaBatch(lage, hantera, true);
    await tick();
    // a's second message waits for its first; b and c begin beside it, in the same turn.
    expect(logg).toEqual(['start 100', 'start 101', 'start 103']);
    vantar.get('100')!.klar();
    await tick();
    expect(logg).toEqual(['start 100', 'start 101', 'start 103', 'resolved 100', 'start 102']);
    for (const offset of ['101', '102', '103']) vantar.get(offset)!.klar();
    await klar;
    expect(logg.slice(5)).toEqual(['resolved 101', 'resolved 102', 'resolved 103', 'heartbeat']);
  });

  it('handles one message after the other when the topic has one partition, whatever the keys', async () => {
    const { lage, hantera, logg, vantar, tick } = batch(['a', 'b', null]);
    const klar = behandlaBatch(lage, hantera, false);
    for (const offset of ['100', '101', '102']) {
      await tick();
      expect(logg.at(-1)).toBe(`start ${offset}`);
      vantar.get(offset)!.klar();
    }
    await klar;
    expect(logg).toEqual(['start 100', 'resolved 100', 'start 101', 'resolved 101', 'start 102', 'resolved 102', 'heartbeat']);
  });

  it('resolves an offset only once every earlier message of the batch is handled', async () => {
    const { lage, hantera, logg, vantar, tick } = batch(['a', 'b', 'c']);
    const klar = behandlaBatch(lage, hantera, true);
    await tick();
    vantar.get('102')!.klar();
    vantar.get('101')!.klar();
    await tick();
    expect(logg.filter((rad) => rad.startsWith('resolved'))).toEqual([]);
    vantar.get('100')!.klar();
    await klar;
    expect(logg.filter((rad) => rad.startsWith('resolved'))).toEqual(['resolved 100', 'resolved 101', 'resolved 102']);
  });

  it('throws a failed message’s error once the others have settled, having resolved only what came before it', async () => {
    const { lage, hantera, logg, vantar, tick } = batch(['a', 'b', 'a', 'c']);
    let settled = false;
    const klar = behandlaBatch(lage, hantera, true).finally(() => (settled = true));
    await tick();
    vantar.get('100')!.klar();
    vantar.get('101')!.fel(new Error('dead-letter topic unavailable'));
    await tick();
    // c is still being handled: the error waits for it.
    expect(settled).toBe(false);
    vantar.get('102')!.klar();
    vantar.get('103')!.klar();
    await expect(klar).rejects.toThrow('dead-letter topic unavailable');
    // 101 failed, so nothing after it is resolved: kafkajs fetches again from 101 (102 and 103 come as duplicates).
    expect(logg.filter((rad) => rad.startsWith('resolved'))).toEqual(['resolved 100']);
  });

  it('begins no further message once the consumer is stopping, and resolves none it did not handle', async () => {
    let korande = true;
    const { lage, hantera, logg, vantar, tick } = batch(['a', 'a', 'a'], () => korande);
    const klar = behandlaBatch(lage, hantera, true);
    await tick();
    korande = false;
    vantar.get('100')!.klar();
    await klar;
    expect(logg).toEqual(['start 100', 'resolved 100', 'heartbeat']);
  });
});
