import { AssignerProtocol, type Admin } from 'kafkajs';

export interface ConsumerLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

/**
 * How far `groupId` is behind on every partition it has committed an offset for or has assigned to a member now: the
 * partition's end offset (high watermark) minus the committed offset. A partition assigned but never committed counts
 * from the log's start (low watermark): the services subscribe `fromBeginning`, so the earliest offset is where the
 * reset policy starts such a consumer, and a consumer stuck before its first commit shows its whole backlog as lag
 * (rather than no series at all, which no alert can fire on).
 */
export async function consumerLagOf(admin: Admin, groupId: string): Promise<ConsumerLag[]> {
  const committed = await admin.fetchOffsets({ groupId });
  const topics = new Set([...committed.map(({ topic }) => topic), ...(await assignedTopics(admin, groupId))]);
  // Asked again with the topics named, the broker answers every partition of them, -1 where nothing is committed.
  const offsets = topics.size === 0 ? [] : await admin.fetchOffsets({ groupId, topics: [...topics] });
  const lag: ConsumerLag[] = [];
  for (const { topic, partitions } of offsets) {
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, entry]));
    for (const { partition, offset } of partitions) {
      const end = ends.get(partition);
      if (!end) continue;
      const from = Number(offset) < 0 ? Number(end.low) : Number(offset);
      lag.push({ topic, partition, lag: Math.max(0, Number(end.high) - from) });
    }
  }
  return lag;
}

/** The topics the group's members have partitions of now (empty while it has no members or is rebalancing). */
async function assignedTopics(admin: Admin, groupId: string): Promise<string[]> {
  const { groups } = await admin.describeGroups([groupId]);
  const topics = new Set<string>();
  for (const { members } of groups) {
    for (const { memberAssignment } of members) {
      if (!memberAssignment || memberAssignment.length === 0) continue;
      const decoded = AssignerProtocol.MemberAssignment.decode(memberAssignment);
      for (const topic of Object.keys(decoded?.assignment ?? {})) topics.add(topic);
    }
  }
  return [...topics];
}
