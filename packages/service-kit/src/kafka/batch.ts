import type { EachBatchPayload, KafkaMessage } from 'kafkajs';

/** What `behandlaBatch` needs of kafkajs's batch: its messages and the calls that say how far it has come. */
export type Batchlage = Pick<EachBatchPayload, 'resolveOffset' | 'heartbeat' | 'isRunning' | 'isStale'> & {
  readonly messages: readonly KafkaMessage[];
};

/**
 * Works through one fetched batch of a partition. With `nycklarOberoende` (a topic of several partitions, whose
 * consumers cannot count on any order between keys, since different keys' events already go to different partitions
 * worked on at once) the messages of different keys are handled at the same time, each key's in offset order, so that
 * they reach the EventConsumer in one turn and share one transaction; otherwise one after the other, as kafkajs's
 * `eachMessage` would. Before, a partition's messages waited for each other's transactions one by one, and under a
 * round's load a forecast event waited in its fetched batch for up to half a second before the report service took it.
 *
 * An offset is resolved (and so committed) only once every message before it in the batch is handled, so a consumer
 * that stops or fails part-way gets the rest again, never loses one. When the consumer is stopping or the batch is
 * stale (a rebalance), no further message is begun. A handler's error is thrown once every other handler has settled,
 * so that kafkajs, which then fetches the batch again from the first unresolved offset, has nothing still running.
 */
export async function behandlaBatch(
  lage: Batchlage,
  hantera: (message: KafkaMessage) => Promise<unknown>,
  nycklarOberoende: boolean,
): Promise<void> {
  const { messages } = lage;
  const klara = new Array<boolean>(messages.length).fill(false);
  let forstaOklara = 0;
  const klar = (index: number) => {
    klara[index] = true;
    while (forstaOklara < messages.length && klara[forstaOklara]) {
      lage.resolveOffset(messages[forstaOklara]!.offset);
      forstaOklara += 1;
    }
  };
  const kedjor = new Map<string, number[]>();
  if (nycklarOberoende) {
    messages.forEach((message, index) => {
      const nyckel = message.key?.toString('latin1') ?? '';
      const kedja = kedjor.get(nyckel);
      if (kedja) kedja.push(index);
      else kedjor.set(nyckel, [index]);
    });
  } else
    kedjor.set(
      '',
      messages.map((_, index) => index),
    );

  const utfall = await Promise.allSettled(
    [...kedjor.values()].map(async (kedja) => {
      for (const index of kedja) {
        if (!lage.isRunning() || lage.isStale()) return;
        await hantera(messages[index]!);
        klar(index);
      }
    }),
  );
  await lage.heartbeat();
  const fel = utfall.find((resultat): resultat is PromiseRejectedResult => resultat.status === 'rejected');
  if (fel) throw fel.reason;
}
