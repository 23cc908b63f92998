import { AssignerProtocol, type Admin } from 'kafkajs';
import { describe, expect, it } from 'vitest';

import { consumerLagOf } from './consumer-lag.js';

const PROGNOS = 'tertial.forecast.helarsprognos-andrad.v1';
const BUDGET = 'tertial.budget.ansvarsbudget-uppdaterad.v1';

/** An admin client over a group's commits and assignment and the topics' watermarks, as the broker would answer. */
function fakeAdmin({
  commits,
  assignment,
  watermarks,
}: {
  commits: Record<string, Record<number, number>>;
  assignment: Record<string, number[]>;
  watermarks: Record<string, { low: number; high: number }[]>;
}): Admin {
  const answer = (topic: string, all: boolean) => ({
    topic,
    partitions: (all ? watermarks[topic]!.map((_, partition) => partition) : Object.keys(commits[topic] ?? {}).map(Number)).map(
      (partition) => ({ partition, offset: String(commits[topic]?.[partition] ?? -1), metadata: null }),
    ),
  });
  const memberAssignment = AssignerProtocol.MemberAssignment.encode({ version: 0, assignment, userData: Buffer.alloc(0) });
  return {
    fetchOffsets: async ({ topics }: { topics?: string[] }) =>
      topics ? topics.map((topic) => answer(topic, true)) : Object.keys(commits).map((topic) => answer(topic, false)),
    describeGroups: async () => ({ groups: [{ members: Object.keys(assignment).length ? [{ memberAssignment }] : [] }] }),
    fetchTopicOffsets: async (topic: string) =>
      watermarks[topic]!.map(({ low, high }, partition) => ({ partition, low: String(low), high: String(high), offset: String(high) })),
  } as unknown as Admin;
}

describe('the consumer lag', () => {
  it('is the end offset minus the committed one, per partition', async () => {
    const admin = fakeAdmin({
      commits: { [PROGNOS]: { 0: 90, 1: 40 } },
      assignment: { [PROGNOS]: [0, 1] },
      watermarks: {
        [PROGNOS]: [
          { low: 0, high: 100 },
          { low: 0, high: 40 },
        ],
      },
    });
    expect(await consumerLagOf(admin, 'tertial-report')).toEqual([
      { topic: PROGNOS, partition: 0, lag: 10 },
      { topic: PROGNOS, partition: 1, lag: 0 },
    ]);
  });

  it('counts a partition assigned but never committed from the log start, so a consumer stuck before its first commit shows', async () => {
    const admin = fakeAdmin({
      commits: { [PROGNOS]: { 0: 100 } },
      assignment: { [PROGNOS]: [0, 1], [BUDGET]: [0] },
      watermarks: {
        [PROGNOS]: [
          { low: 0, high: 100 },
          { low: 5, high: 700 },
        ],
        [BUDGET]: [{ low: 20, high: 320 }],
      },
    });
    expect(await consumerLagOf(admin, 'tertial-report')).toEqual([
      { topic: PROGNOS, partition: 0, lag: 0 },
      { topic: PROGNOS, partition: 1, lag: 695 },
      { topic: BUDGET, partition: 0, lag: 300 },
    ]);
  });

  it('is empty for a group with neither commits nor members', async () => {
    const admin = fakeAdmin({ commits: {}, assignment: {}, watermarks: {} });
    expect(await consumerLagOf(admin, 'tertial-report')).toEqual([]);
  });
});
