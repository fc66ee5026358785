// Every Redis key and channel the engine uses, in one place, so the layout can be read (and
// changed) at a glance. All start with the configured prefix so tests and tenants can share a server.
// The append script (APPEND in scripts.ts) builds the seq, history, dedupe, userConversations and
// presence keys itself from the prefix, and SET_CURSORS the seq key: a change here must be made
// there too (the Redis engine's contract tests read what they write through these names).

/** Key and channel names under one prefix. */
export class Keys {
  constructor(readonly prefix: string) {}

  /** String counter: the conversation's last assigned seq (never expires: seqs must not restart). */
  seq(conversationId: string): string {
    return `${this.prefix}c:${conversationId}:seq`;
  }

  /** Sorted set, score = seq, member = encoded StoredMessageRecord: the hot history window. */
  history(conversationId: string): string {
    return `${this.prefix}c:${conversationId}:h`;
  }

  /** String with TTL: "<seq>:<sentAtMs>:<messageId>:<conversationId>" of a sender's client_msg_id. */
  dedupe(senderId: string, clientMsgId: string): string {
    return `${this.prefix}d:${senderId}:${clientMsgId}`;
  }

  /** Set of conversation ids the user has messages or membership in. */
  userConversations(userId: string): string {
    return `${this.prefix}u:${userId}:convs`;
  }

  /** Stream of appended messages not yet handed to the persist queue: {c: conversationId,
   * r: StoredMessageRecord with seq}. Read by the outbox movers' consumer group. */
  outbox(): string {
    return `${this.prefix}outbox`;
  }

  /** Hash conversation id -> acked seq, for one device. */
  cursors(userId: string, deviceId: string): string {
    return `${this.prefix}cur:${userId}:${deviceId}`;
  }

  /** Hash {name, owner, joins}: group metadata; `joins` orders members by join time. */
  groupMeta(conversationId: string): string {
    return `${this.prefix}g:${conversationId}`;
  }

  /** Sorted set, score = join number, member = user id: the ordered member list. */
  groupMembers(conversationId: string): string {
    return `${this.prefix}g:${conversationId}:m`;
  }

  /** Channel carrying the conversation id of every changed group, to drop cached copies. */
  groupInvalidations(): string {
    return `${this.prefix}groups:inv`;
  }

  /** Hash node id -> local session count: where the user's sessions are. */
  presence(userId: string): string {
    return `${this.prefix}p:${userId}`;
  }

  /** Set of users this node registered, so a restarted node can clear what it left behind. */
  nodeUsers(nodeId: string): string {
    return `${this.prefix}n:${nodeId}:users`;
  }

  /** Heartbeat key with a TTL: the node is alive while it exists. */
  nodeAlive(nodeId: string): string {
    return `${this.prefix}n:${nodeId}:alive`;
  }

  /** The prefix the locate script appends a node id and ":alive" to (see nodeAlive). */
  nodeAlivePrefix(): string {
    return `${this.prefix}n:`;
  }

  /** Pub/sub channel of one node: envelopes routed to its sessions. */
  nodeChannel(nodeId: string): string {
    return `${this.prefix}node:${nodeId}`;
  }

  /** Pub/sub channel of one node for EnvelopeBatch payloads (see broker.ts). "nodeb:" and not a
   * suffix of nodeChannel, which a node id holding ":" could then collide with. */
  nodeBatchChannel(nodeId: string): string {
    return `${this.prefix}nodeb:${nodeId}`;
  }
}
