// Groups in Redis (a metadata hash and a join-ordered member set) with a small per-node cache:
// get() runs on every group send. Changes are announced on an invalidation channel by the same
// script that makes them; the cache is used only while that channel is subscribed.
import { ErrorCode, SwitchboardError } from "../../protocol/codes.js";
import type { Group, GroupStore } from "../types.js";
import type { Batcher } from "./batcher.js";
import type { Keys } from "./keys.js";
import type { Subscriber } from "./subscriber.js";

/** {name, owner, members...} as the group scripts reply; null when the group does not exist. */
type GroupReply = string[] | null;

export class RedisGroups implements GroupStore {
  private readonly cache = new Map<string, Group>();
  /** Bumped by every invalidation: a read that overlapped one must not fill the cache. */
  private generation = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly batcher: Batcher,
    private readonly keys: Keys,
    private readonly subscriber: Subscriber,
    private readonly maxCached = 10_000,
  ) {
    // While unsubscribed, invalidations are lost: forget everything on either transition.
    subscriber.onLiveChange(() => this.invalidateAll());
  }

  /** Subscribes to invalidations; part of the engine's start. */
  async start(): Promise<void> {
    await this.subscriber.listen(this.keys.groupInvalidations(), (payload) => this.invalidate(payload.toString()));
  }

  async create(group: Group): Promise<void> {
    const members = [...new Set(group.memberIds)];
    const k = this.keys;
    const created = await this.batcher.send<number>(
      "sbGroupCreate",
      2 + members.length,
      k.groupMeta(group.conversationId),
      k.groupMembers(group.conversationId),
      ...members.map((u) => k.userConversations(u)),
      group.conversationId,
      group.name,
      group.ownerId,
      ...members,
    );
    if (created === 0) throw new SwitchboardError(ErrorCode.CONFLICT, `group ${group.conversationId} already exists`);
  }

  async get(conversationId: string): Promise<Group | null> {
    const cached = this.subscriber.live ? this.cache.get(conversationId) : undefined;
    if (cached !== undefined) {
      this.hits += 1;
      return copy(cached);
    }
    this.misses += 1;
    const generation = this.generation;
    const reply = await this.batcher.send<GroupReply>(
      "sbGroupGet",
      this.keys.groupMeta(conversationId),
      this.keys.groupMembers(conversationId),
    );
    const group = toGroup(conversationId, reply);
    if (group !== null && this.subscriber.live && generation === this.generation) this.remember(group);
    return group === null ? null : copy(group);
  }

  async addMembers(conversationId: string, userIds: readonly string[]): Promise<Group> {
    return this.change("sbGroupAdd", conversationId, userIds);
  }

  async removeMembers(conversationId: string, userIds: readonly string[]): Promise<Group> {
    return this.change("sbGroupRemove", conversationId, userIds);
  }

  private async change(script: string, conversationId: string, userIds: readonly string[]): Promise<Group> {
    const users = [...new Set(userIds)];
    const k = this.keys;
    const reply = await this.batcher.send<GroupReply>(
      script,
      2 + users.length,
      k.groupMeta(conversationId),
      k.groupMembers(conversationId),
      ...users.map((u) => k.userConversations(u)),
      conversationId,
      k.groupInvalidations(),
      ...users,
    );
    // Our own invalidation message may arrive after the reply: drop the copy now.
    this.invalidate(conversationId);
    const group = toGroup(conversationId, reply);
    if (group === null) throw new SwitchboardError(ErrorCode.NOT_FOUND, `no group ${conversationId}`);
    return group;
  }

  private remember(group: Group): void {
    this.cache.delete(group.conversationId);
    this.cache.set(group.conversationId, group);
    // Map order is insertion order: the first key is the least recently filled.
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value as string);
  }

  private invalidate(conversationId: string): void {
    this.generation += 1;
    this.cache.delete(conversationId);
  }

  private invalidateAll(): void {
    this.generation += 1;
    this.cache.clear();
  }
}

function toGroup(conversationId: string, reply: GroupReply): Group | null {
  if (reply === null || reply.length < 2) return null;
  const [name = "", ownerId = "", ...memberIds] = reply;
  return { conversationId, name, ownerId, memberIds };
}

function copy(g: Group): Group {
  return { ...g, memberIds: [...g.memberIds] };
}
