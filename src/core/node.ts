// A gateway node's logic, independent of the socket library: frames in, engine calls, frames out.
// The transport (src/transport) feeds it sessions and bytes; the engine holds shared state.
import type { Logger } from "pino";
import { CloseCode, CLOSE_REASONS, ErrorCode, SwitchboardError, toSwitchboardError } from "../protocol/codes.js";
import {
  clientFrameBody,
  decodeTransientClientFrame,
  decodeEnvelope,
  encodeEnvelope,
  encodeServerFrame,
  EnvelopeKind,
  type ClientFrame,
  type IMessage,
  type IServerFrame,
} from "../protocol/proto.js";
import type { AppendResult, Engine, Group, ReadResult, StoredMessage } from "../engine/types.js";
import { hasHistoryStats } from "../engine/types.js";
import type { Metrics, ServerFrameType } from "../observability/metrics.js";
import { assertClientMsgId, assertUserId, assertWellFormed, IdGenerator, parseConversationId, type ConversationRef } from "./ids.js";
import { LagMonitor } from "./lag.js";
import { Keepalive } from "./keepalive.js";
import { KeyedRateLimiter } from "./rate-limit.js";
import { SessionRegistry } from "./registry.js";
import { push, Session, type BufferLimits } from "./session.js";

import type { switchboard } from "../protocol/gen/switchboard.js";

// Decoded frames are class instances with proto3 defaults on their prototypes, so the casts to
// the class types below are sound: no field of a decoded body is ever undefined.
type Body = NonNullable<ClientFrame["body"]>;

export interface NodeOptions {
  nodeId: string;
  pingIntervalMs: number;
  idleTimeoutMs: number;
  maxFrameBytes: number;
  sendRatePerSec: number;
  sendBurst: number;
  typingRatePerSec: number;
  typingBurst: number;
  requestRatePerSec: number;
  requestBurst: number;
  maxViolations: number;
  softBufferBytes: number;
  hardBufferBytes: number;
  maxPauseMs: number;
  maxGroupSize: number;
  maxSyncPage: number;
  defaultSyncPage: number;
  /** Event-loop lag past which sends get OVERLOADED (0: never). */
  overloadLagMs: number;
}

/** A frame on its way to users' sessions: what routing, envelopes and local delivery share. */
interface Routed {
  frame: Uint8Array;
  kind: EnvelopeKind;
  conversationId: string;
  /** Stored messages only (0 otherwise). */
  seq: number;
  /** The sending session, already answered (by send_ack or not at all for typing). */
  excludeSession: string;
  /** Stored messages: when the message was accepted, for the send-to-deliver histogram (0 = unknown). */
  sentAtMs: number;
}

const MAX_PRESENCE_QUERY = 500;
/** Failed appends remembered for their retry's fan-out (see GatewayNode.unsure); oldest dropped past it. */
const UNSURE_MAX = 10_000;
const unsureKey = (input: PublishInput): string => `${input.senderId}\u0000${input.clientMsgId}`;
/** How long goaway frames go out ahead of the first wave of closes (bounded by the drain deadline). */
const GOAWAY_HEAD_START_MS = 250;
/** Backoff between fan-out attempts of a stored message (see fanoutStored). */
const FANOUT_RETRY_MS = [50, 250, 1000, 4000];
const MAX_SYNC_CONVERSATIONS = 1000;
/**
 * Conversations whose cursors an unnamed device's session remembers (Session.ownCursors), as
 * many as one sync may name: only conversations with messages count, but a client can start DMs
 * with anyone. Past the bound an all-conversations sync starts the others from 0 (clients dedupe).
 */
export const SESSION_CURSORS_MAX = 1_000;
const MAX_CONTENT_TYPE = 128;
/** How often the event-loop lag is sampled, and the retry delay a shed send is told to wait. */
const LAG_SAMPLE_MS = 100;
const OVERLOAD_RETRY_MS = 1000;

/** One message to store and fan out: a client's send or a server API publish. */
export interface PublishInput {
  senderId: string;
  senderDevice: string;
  /** The system posts (server API): any existing conversation, no membership check. */
  system: boolean;
  conversationId: string;
  body: Uint8Array;
  contentType: string;
  /** Dedupe key with senderId: a retry returns the original message. */
  clientMsgId: string;
  /** The sending session, answered by its send_ack instead of a push ("" for none). */
  excludeSession: string;
}

export interface UserPresence {
  userId: string;
  online: boolean;
  sessions: number;
}

/** frames_out `type` label of routed frames, by envelope kind. */
const ROUTED_FRAME_TYPE: Record<number, ServerFrameType> = {
  [EnvelopeKind.ENVELOPE_KIND_MESSAGE]: "message",
  [EnvelopeKind.ENVELOPE_KIND_EPHEMERAL]: "typing",
  [EnvelopeKind.ENVELOPE_KIND_CONTROL]: "groupResult",
};

export class GatewayNode {
  readonly registry = new SessionRegistry();
  /** Fan-outs of acked messages in progress (they never reject: see fanoutStored). */
  private readonly fanouts = new Set<Promise<void>>();
  /** Sends whose append failed without saying whether it stored them (sender, client_msg_id). */
  private readonly unsure = new Set<string>();
  readonly keepalive: Keepalive;
  private readonly limits: BufferLimits;
  private readonly sendLimiter: KeyedRateLimiter;
  private readonly typingLimiter: KeyedRateLimiter;
  private readonly requestLimiter: KeyedRateLimiter;
  private readonly sessionIds = new IdGenerator();
  private readonly groupIds = new IdGenerator();
  private readonly sweepTimer: NodeJS.Timeout;
  private readonly lag: LagMonitor;

  constructor(
    readonly opts: NodeOptions,
    readonly engine: Engine,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {
    this.limits = { soft: opts.softBufferBytes, hard: opts.hardBufferBytes };
    this.sendLimiter = new KeyedRateLimiter(opts.sendRatePerSec, opts.sendBurst);
    this.typingLimiter = new KeyedRateLimiter(opts.typingRatePerSec, opts.typingBurst);
    this.requestLimiter = new KeyedRateLimiter(opts.requestRatePerSec, opts.requestBurst);
    this.keepalive = new Keepalive(opts.pingIntervalMs, opts.idleTimeoutMs, {
      idle: (s) => this.close(s, CloseCode.IDLE_TIMEOUT),
      expired: (s) => this.close(s, CloseCode.TOKEN_EXPIRED),
      visit: (s, now) => this.visit(s, now),
    });
    this.sweepTimer = setInterval(() => this.sweep(), 10_000);
    this.sweepTimer.unref();
    this.lag = new LagMonitor(LAG_SAMPLE_MS, opts.overloadLagMs);
    this.lag.start();
    metrics.lagMs = () => this.lag.lagMs;
    const store = this.engine.store;
    if (hasHistoryStats(store)) metrics.historySource = () => store.historyStats();
  }

  async start(): Promise<void> {
    await this.engine.broker.subscribe((bytes) => this.onEnvelope(bytes));
  }

  /** `deviceId` null: the client named no device; the session gets a random one of its own. */
  newSession(userId: string, deviceId: string | null, ip: string, expSec: number, protocol: string): Session {
    const anonymous = deviceId === null;
    const device = deviceId ?? `anon-${Math.random().toString(36).slice(2, 10)}`;
    return new Session(this.sessionIds.next(), userId, device, ip, expSec, protocol, Date.now(), anonymous);
  }

  // ------------------------------------------------------------------ lifecycle

  onOpen(session: Session): void {
    const { replaced, userSessions } = this.registry.add(session);
    this.keepalive.add(session);
    this.metrics.openSessions += 1;
    this.metrics.connectsTally.inc();
    if (replaced !== null) this.close(replaced, CloseCode.SESSION_REPLACED);
    this.reply(session, 0, {
      welcome: {
        userId: session.userId,
        deviceId: session.deviceId,
        sessionId: session.sessionId,
        nodeId: this.opts.nodeId,
        heartbeatMs: this.opts.pingIntervalMs,
        maxFrameBytes: this.opts.maxFrameBytes,
      },
    });
    this.engine.presence.register(session.userId, userSessions).catch((err: unknown) => {
      this.log.warn({ err, user: session.userId, session: session.sessionId }, "presence register failed");
    });
  }

  onClose(session: Session, code: number): void {
    if (session.closed && session.socket === null) return;
    session.closed = true;
    session.socket = null;
    session.missed = null;
    this.keepalive.remove(session);
    this.metrics.openSessions -= 1;
    this.metrics.disconnectsBy.get(code).inc();
    const remaining = this.registry.remove(session);
    const update =
      remaining === 0 ? this.engine.presence.unregister(session.userId) : this.engine.presence.register(session.userId, remaining);
    update.catch((err: unknown) => {
      this.log.warn({ err, user: session.userId, session: session.sessionId }, "presence update failed");
    });
  }

  /** Closes a session with one of our close codes (4000-4199). */
  close(session: Session, code: CloseCode): void {
    const socket = session.socket;
    if (session.closed || socket === null) return;
    session.closed = true;
    if (code === CloseCode.SLOW_CONSUMER) this.log.info({ user: session.userId, session: session.sessionId }, "slow consumer closed");
    // end() runs the transport's close handler synchronously, which calls onClose.
    socket.end(code, CLOSE_REASONS[code] ?? "");
  }

  onDrain(session: Session): void {
    const socket = session.socket;
    if (socket === null || !session.paused || session.catchingUp) return;
    if (socket.getBufferedAmount() <= this.limits.soft / 2) void this.catchUp(session);
  }

  onPong(session: Session): void {
    session.lastSeenMs = Date.now();
  }

  // ------------------------------------------------------------------ inbound frames

  /** Handles one WebSocket message. `data` is only valid during this call: it is copied. */
  onMessage(session: Session, data: ArrayBuffer, isBinary: boolean): void {
    const receivedAt = performance.now();
    session.lastSeenMs = Date.now();
    if (data.byteLength > this.opts.maxFrameBytes) {
      this.violation(
        session,
        "too_large",
        0,
        new SwitchboardError(
          ErrorCode.FRAME_TOO_LARGE,
          `frame of ${data.byteLength} bytes is over the ${this.opts.maxFrameBytes}-byte limit`,
        ),
      );
      return;
    }
    if (!isBinary) {
      this.violation(
        session,
        "text",
        0,
        new SwitchboardError(ErrorCode.BAD_FRAME, "text frames are not accepted: send binary protobuf ClientFrames"),
      );
      return;
    }
    let frame: ClientFrame;
    try {
      frame = decodeTransientClientFrame(new Uint8Array(data));
    } catch (err) {
      this.violation(
        session,
        "malformed",
        0,
        new SwitchboardError(ErrorCode.BAD_FRAME, `malformed ClientFrame: ${(err as Error).message}`),
      );
      return;
    }
    const body = clientFrameBody(frame);
    if (body === undefined) {
      this.violation(session, "unknown", frame.reqId, new SwitchboardError(ErrorCode.UNKNOWN_FRAME, "ClientFrame has no known body"));
      return;
    }
    this.metrics.framesInBy.get(body).inc();
    let pending: Promise<void> | undefined;
    try {
      pending = this.dispatch(session, frame, body, receivedAt);
    } catch (err) {
      this.fail(session, frame, body, err);
      return;
    }
    pending?.catch((err: unknown) => this.fail(session, frame, body, err));
  }

  /** Not async: the handlers' own promises are passed on, without one more per frame. */
  private dispatch(session: Session, frame: ClientFrame, body: Body, receivedAt: number): Promise<void> | undefined {
    const reqId = frame.reqId;
    switch (body) {
      case "send":
        return this.handleSend(session, reqId, frame.send as switchboard.v1.SendMessage, receivedAt);
      case "ack":
        return this.handleAck(session, reqId, frame.ack as switchboard.v1.AckDelivery);
      case "sync":
        return this.handleSync(session, reqId, frame.sync as switchboard.v1.SyncRequest);
      case "presence":
        this.assertRequestRate(session, body);
        return this.handlePresence(session, reqId, frame.presence as switchboard.v1.PresenceRequest);
      case "typing":
        return this.handleTyping(session, frame.typing as switchboard.v1.Typing);
      case "createGroup":
        this.assertRequestRate(session, body);
        return this.handleCreateGroup(session, reqId, frame.createGroup as switchboard.v1.CreateGroup);
      case "addMembers":
        this.assertRequestRate(session, body);
        return this.handleAddMembers(session, reqId, frame.addMembers as switchboard.v1.AddMembers);
      case "removeMembers":
        this.assertRequestRate(session, body);
        return this.handleRemoveMembers(session, reqId, frame.removeMembers as switchboard.v1.RemoveMembers);
      case "leaveGroup":
        this.assertRequestRate(session, body);
        return this.handleLeave(session, reqId, frame.leaveGroup as switchboard.v1.LeaveGroup);
      case "ping":
        this.reply(session, reqId, { pong: { clientTimeMs: (frame.ping as switchboard.v1.Ping).clientTimeMs, serverTimeMs: Date.now() } });
        return undefined;
    }
  }

  private fail(session: Session, frame: ClientFrame, body: Body, err: unknown): void {
    const e = toSwitchboardError(err);
    if (e.code === ErrorCode.INTERNAL)
      this.log.error({ err, user: session.userId, session: session.sessionId, frame: body }, "request failed");
    const clientMsgId = body === "send" ? (frame.send as switchboard.v1.SendMessage).clientMsgId : undefined;
    this.sendError(session, frame.reqId, e, clientMsgId);
  }

  private violation(session: Session, kind: string, reqId: number, err: SwitchboardError): void {
    this.metrics.protocolViolations.labels(kind).inc();
    session.violations += 1;
    this.sendError(session, reqId, err);
    if (session.violations >= this.opts.maxViolations) this.close(session, CloseCode.PROTOCOL_VIOLATION);
  }

  private sendError(session: Session, reqId: number, e: SwitchboardError, clientMsgId?: string): void {
    this.metrics.errors.labels(ErrorCode[e.code] ?? String(e.code)).inc();
    this.reply(session, reqId, {
      error: {
        code: e.code,
        message: e.message,
        retryable: e.retryable,
        retryAfterMs: e.retryAfterMs,
        clientMsgId: clientMsgId ?? "",
      },
    });
  }

  // ------------------------------------------------------------------ messaging

  private async handleSend(session: Session, reqId: number, send: switchboard.v1.SendMessage, receivedAt: number): Promise<void> {
    // Before the rate limiter: a shed send must not cost its sender a token.
    this.assertNotOverloaded();
    const wait = this.sendLimiter.take(session.userId, Date.now());
    if (wait > 0) {
      this.metrics.rateLimited.inc();
      throw new SwitchboardError(ErrorCode.RATE_LIMITED, `send rate over ${this.opts.sendRatePerSec}/s`, { retryAfterMs: wait });
    }
    const input: PublishInput = {
      senderId: session.userId,
      senderDevice: session.deviceId,
      system: false,
      conversationId: send.conversationId,
      body: send.body,
      contentType: send.contentType,
      clientMsgId: send.clientMsgId,
      excludeSession: session.sessionId,
    };
    await this.publish(input, ({ message, duplicate }) => {
      this.reply(session, reqId, {
        sendAck: {
          clientMsgId: message.clientMsgId,
          conversationId: message.conversationId,
          messageId: message.messageId,
          seq: message.seq,
          sentAtMs: message.sentAtMs,
          duplicate,
        },
      });
      this.metrics.sendAckLatency.observe((performance.now() - receivedAt) / 1000);
    });
  }

  /**
   * The one message path (client sends and the server API): validates, checks membership (users
   * only), stores with dedupe, calls `acked` once stored, then fans out unless it was a retry.
   */
  async publish(input: PublishInput, acked?: (result: AppendResult) => void): Promise<AppendResult> {
    assertClientMsgId(input.clientMsgId);
    if (input.contentType.length > MAX_CONTENT_TYPE) {
      throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `content_type must be at most ${MAX_CONTENT_TYPE} characters`);
    }
    assertWellFormed(input.contentType, "content_type");
    this.assertEngineUp();
    this.assertNotOverloaded();
    const conv = parseConversationId(input.conversationId);
    const sender = input.system ? null : input.senderId;
    // A DM's members come from its id: no await (and no microtask) on the hot path.
    const members = conv.kind === "dm" ? dmMembers(conv, sender) : await this.membersFor(conv, sender);
    let result: AppendResult;
    try {
      result = await this.engine.store.append({
        conversationId: conv.id,
        senderId: input.senderId,
        senderDevice: input.senderDevice,
        clientMsgId: input.clientMsgId,
        body: input.body,
        contentType: input.contentType,
        memberIds: conv.kind === "dm" ? conv.users : [],
        locate: members,
      });
    } catch (err) {
      // A memory append cannot be stored and then fail; a Redis one can (its reply lost, or with
      // ACK_MODE=db its MySQL commit refused after Redis took it).
      if (this.engine.kind !== "memory") this.noteUnsure(input);
      throw err;
    }
    // The retry of a send whose append failed after all may find it stored: nobody acked it nor
    // fanned it out, so it is a first acceptance, not a silent duplicate.
    if (this.unsure.size > 0 && this.unsure.delete(unsureKey(input)) && result.duplicate) result = { ...result, duplicate: false };
    acked?.(result);
    if (result.duplicate) {
      this.metrics.duplicates.inc();
      return result;
    }
    this.metrics.messagesSent.inc();
    const message = result.message;
    const routed: Routed = {
      frame: encodeServerFrame({ message: toWireMessage(message) }),
      kind: EnvelopeKind.ENVELOPE_KIND_MESSAGE,
      conversationId: message.conversationId,
      seq: message.seq,
      excludeSession: input.excludeSession,
      sentAtMs: message.sentAtMs,
    };
    this.receiveLocally(members, routed);
    // The memory engine has no other nodes: no fan-out promise to make.
    if (this.engine.kind === "memory") return result;
    const fanout = this.fanoutRemote(routed, members, result.located ?? null);
    this.fanouts.add(fanout);
    await fanout;
    this.fanouts.delete(fanout);
    return result;
  }

  private noteUnsure(input: PublishInput): void {
    if (this.unsure.size >= UNSURE_MAX) {
      const oldest = this.unsure.values().next().value;
      if (oldest !== undefined) this.unsure.delete(oldest);
      this.metrics.unsureSendsDropped.inc();
    }
    this.unsure.add(unsureKey(input));
  }

  /** Waits (bounded) for fan-outs still retrying, so a drain does not close the engine under them. */
  async settleFanouts(timeoutMs: number): Promise<void> {
    if (this.fanouts.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.fanouts]), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  }

  /**
   * Fan-out to other nodes of a message that is already stored, acked and delivered locally. A
   * failure here (Redis briefly unreachable or slow) must not reach the sender, whose send
   * succeeded; nor may it leave recipients unaware of the message, because the last message of a
   * conversation has no later gap to trigger their sync. So retry with backoff; recipients dedupe
   * by (conversation, seq).
   */
  private async fanoutRemote(
    routed: Routed,
    members: readonly string[],
    located: ReadonlyMap<string, readonly string[]> | null,
  ): Promise<void> {
    // null = every node (presence lookup failed or first attempt); else the nodes still owed the frame.
    let only: ReadonlySet<string> | null = null;
    for (let attempt = 0; ; attempt++) {
      let err: unknown;
      try {
        // The first attempt routes by the presence the append returned; retries look again.
        const failed = await this.routeTo(members, routed, only, attempt === 0 ? located : null);
        if (failed.size === 0) return;
        only = new Set(failed.keys());
        err = [...failed.values()][0];
      } catch (e) {
        err = e;
      }
      this.metrics.fanoutFailures.inc();
      if (attempt >= FANOUT_RETRY_MS.length) {
        this.log.error(
          { err, conversationId: routed.conversationId, seq: routed.seq },
          "fan-out failed; recipients get the message on their next sync",
        );
        return;
      }
      this.log.warn({ err, conversationId: routed.conversationId, seq: routed.seq, attempt }, "fan-out failed, retrying");
      await new Promise((r) => setTimeout(r, FANOUT_RETRY_MS[attempt]));
    }
  }

  /**
   * Members who receive a conversation's traffic; throws unless `userId` is one of them
   * (null = the system, which may use any existing conversation).
   */
  private async membersFor(conv: ConversationRef, userId: string | null): Promise<readonly string[]> {
    if (conv.kind === "dm") return dmMembers(conv, userId);
    const group = await this.engine.groups.get(conv.id);
    if (group === null) throw new SwitchboardError(ErrorCode.NOT_FOUND, `no group ${conv.id}`);
    if (userId !== null && !group.memberIds.includes(userId)) {
      throw new SwitchboardError(ErrorCode.FORBIDDEN, `you are not a member of ${conv.id}`);
    }
    return group.memberIds;
  }

  private async handleAck(session: Session, reqId: number, ack: switchboard.v1.AckDelivery): Promise<void> {
    const conv = parseConversationId(ack.conversationId);
    // A DM's membership is checked from its id, without the await membersFor costs.
    if (conv.kind === "dm") dmMembers(conv, session.userId);
    else await this.membersFor(conv, session.userId);
    const own = session.ownCursors;
    let seq: number;
    if (own !== null) {
      // Capped as the store caps stored cursors (see MessageStore.setCursor).
      seq = Math.min(ack.seq, await this.engine.store.lastSeq(conv.id));
      const prior = own.get(conv.id);
      if (seq > (prior ?? 0)) {
        if (prior === undefined && own.size >= SESSION_CURSORS_MAX) this.metrics.sessionCursorsDropped.inc();
        else own.set(conv.id, seq);
      }
    } else seq = await this.engine.store.setCursor(session.userId, session.deviceId, conv.id, ack.seq);
    if (reqId !== 0) this.reply(session, reqId, { ackResult: { conversationId: conv.id, seq } });
  }

  private async handleSync(session: Session, reqId: number, req: switchboard.v1.SyncRequest): Promise<void> {
    this.metrics.syncRequests.inc();
    this.assertEngineUp();
    const limit = Math.min(req.limit > 0 ? req.limit : this.opts.defaultSyncPage, this.opts.maxSyncPage);
    if (req.cursors.length > MAX_SYNC_CONVERSATIONS) {
      throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `at most ${MAX_SYNC_CONVERSATIONS} cursors per sync`);
    }
    const targets = new Map<string, number>();
    /** Conversations the request names: their membership is checked as they are read. */
    const named = new Map<string, ConversationRef>();
    for (const c of req.cursors as switchboard.v1.SyncCursor[]) {
      const conv = parseConversationId(c.conversationId);
      named.set(conv.id, conv);
      targets.set(conv.id, c.afterSeq);
    }
    if (req.allConversations) {
      const [heads, acked] = await Promise.all([
        this.engine.store.conversationsOf(session.userId),
        session.ownCursors !== null ? new Map(session.ownCursors) : this.engine.store.cursors(session.userId, session.deviceId),
      ]);
      for (const head of heads) {
        if (targets.has(head.conversationId)) continue;
        const after = acked.get(head.conversationId) ?? 0;
        if (head.lastSeq > after) targets.set(head.conversationId, after);
      }
    }
    let stopped = false;
    for (const [conversationId, after] of targets) {
      const socket = session.socket;
      if (session.closed || socket === null) return;
      if (stopped || socket.getBufferedAmount() > this.limits.soft) {
        // Stop writing past the soft limit: the client asks again from up_to_seq.
        stopped = true;
        this.reply(session, reqId, { syncDone: { conversationId, upToSeq: after, hasMore: true } });
        continue;
      }
      let res: ReadResult;
      try {
        const conv = named.get(conversationId);
        if (conv !== undefined) await this.membersFor(conv, session.userId);
        res = await this.engine.store.read(conversationId, after, limit);
      } catch (err) {
        // A conversation the user can no longer read (left the group) or one the store fails on
        // is refused on its own: the rest of the request, often a whole reconnect's catch-up, goes on.
        const e = this.syncRefusal(session, conversationId, err);
        if (session.closed || session.socket === null) return;
        this.reply(session, reqId, { syncDone: { conversationId, upToSeq: after, hasMore: false, error: e.code } });
        continue;
      }
      if (session.closed || session.socket === null) return;
      let upTo = after;
      const sock = session.socket;
      sock.cork(() => {
        for (const m of res.messages) {
          this.reply(session, reqId, { message: toWireMessage(m) });
          upTo = m.seq;
          // Within a page too: 100 large messages can pass the hard limit, and the client would be
          // closed as a slow consumer for the page it asked for, again on every reconnect.
          if (sock.getBufferedAmount() > this.limits.soft) {
            stopped = true;
            break;
          }
        }
        // Nothing held between the cursor and oldest_seq (trimmed or expired history): those seqs
        // are gone, so the page covers them; answering up_to_seq = after_seq with has_more would
        // have the client ask from the same cursor forever.
        if (res.messages.length === 0 && res.oldestSeq > after + 1) upTo = Math.max(after, Math.min(res.oldestSeq - 1, res.lastSeq));
        // A page that made no progress read everything the store had after the cursor.
        const hasMore = upTo > after && upTo < res.lastSeq;
        this.reply(session, reqId, {
          syncDone: { conversationId, upToSeq: upTo, hasMore, lastSeq: res.lastSeq, oldestSeq: res.oldestSeq },
        });
      });
      const cold = coldMessagesOf(res);
      this.metrics.syncHot.inc(res.messages.length - cold);
      if (cold > 0) this.metrics.syncCold.inc(cold);
    }
    // An empty conversation_id closes the whole request (clients need it for all_conversations).
    this.reply(session, reqId, { syncDone: { conversationId: "", hasMore: stopped } });
  }

  /** One conversation's refusal within a sync: counted and logged like a request's error. */
  private syncRefusal(session: Session, conversationId: string, err: unknown): SwitchboardError {
    const e = toSwitchboardError(err);
    this.metrics.errors.labels(ErrorCode[e.code] ?? String(e.code)).inc();
    if (e.code === ErrorCode.INTERNAL)
      this.log.error(
        { err, user: session.userId, session: session.sessionId, conversation: conversationId },
        "sync of a conversation failed",
      );
    return e;
  }

  private async handlePresence(session: Session, reqId: number, req: switchboard.v1.PresenceRequest): Promise<void> {
    if (req.userIds.length > MAX_PRESENCE_QUERY) {
      throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, `at most ${MAX_PRESENCE_QUERY} user_ids per presence request`);
    }
    this.reply(session, reqId, { presenceResult: { users: await this.presence(req.userIds) } });
  }

  /** Cluster-wide session counts of users (protocol and server API). */
  async presence(userIds: readonly string[]): Promise<UserPresence[]> {
    for (const u of userIds) assertUserId(u);
    this.assertEngineUp();
    const counts = await this.engine.presence.sessionCounts(userIds);
    return userIds.map((userId) => {
      const sessions = counts.get(userId) ?? 0;
      return { userId, online: sessions > 0, sessions };
    });
  }

  private async handleTyping(session: Session, typing: switchboard.v1.Typing): Promise<void> {
    // Shed, not refused: an error frame per excess event would be more traffic than the event.
    if (this.typingLimiter.take(session.userId, Date.now()) > 0) {
      this.metrics.typingShed.inc();
      return;
    }
    const conv = parseConversationId(typing.conversationId);
    const members = await this.membersFor(conv, session.userId);
    const frame = encodeServerFrame({ typing: { conversationId: conv.id, userId: session.userId, deviceId: session.deviceId } });
    await this.route(members, {
      frame,
      kind: EnvelopeKind.ENVELOPE_KIND_EPHEMERAL,
      conversationId: conv.id,
      seq: 0,
      excludeSession: session.sessionId,
      sentAtMs: 0,
    });
  }

  // ------------------------------------------------------------------ groups

  private async handleCreateGroup(session: Session, reqId: number, req: switchboard.v1.CreateGroup): Promise<void> {
    const group = await this.createGroup(session.userId, req.name, req.memberIds);
    this.reply(session, reqId, { groupResult: groupToWire(group) });
  }

  /** Creates a group owned by `ownerId` (used by the protocol and the server API). */
  async createGroup(ownerId: string, name: string, memberIds: readonly string[], groupId?: string): Promise<Group> {
    if (name.length > 200) throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, "name must be at most 200 characters");
    assertWellFormed(name, "name");
    for (const u of memberIds) assertUserId(u, "member_ids");
    const members = [...new Set([ownerId, ...memberIds])];
    this.assertGroupSize(members.length);
    this.assertEngineUp();
    const group: Group = { conversationId: `g:${groupId ?? this.groupIds.next()}`, name, ownerId, memberIds: members };
    await this.engine.groups.create(group);
    await this.notifyMembers(group, members);
    return group;
  }

  /** A group by conversation id (server API); NOT_FOUND when there is none. */
  async group(conversationId: string): Promise<Group> {
    const conv = parseConversationId(conversationId);
    if (conv.kind !== "group") throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, "groups are g:<id> conversations");
    this.assertEngineUp();
    const group = await this.engine.groups.get(conv.id);
    if (group === null) throw new SwitchboardError(ErrorCode.NOT_FOUND, `no group ${conv.id}`);
    return group;
  }

  private async handleAddMembers(session: Session, reqId: number, req: switchboard.v1.AddMembers): Promise<void> {
    const group = await this.changeMembers(session.userId, req.conversationId, "add", req.userIds);
    this.reply(session, reqId, { groupResult: groupToWire(group) });
  }

  private async handleRemoveMembers(session: Session, reqId: number, req: switchboard.v1.RemoveMembers): Promise<void> {
    const group = await this.changeMembers(session.userId, req.conversationId, "remove", req.userIds);
    this.reply(session, reqId, { groupResult: groupToWire(group) });
  }

  private async handleLeave(session: Session, reqId: number, req: switchboard.v1.LeaveGroup): Promise<void> {
    const group = await this.changeMembers(session.userId, req.conversationId, "leave", [session.userId]);
    this.reply(session, reqId, { groupResult: groupToWire(group) });
  }

  /**
   * Owner rules: only the owner adds or removes; anyone may leave; the owner cannot remove
   * themself (they leave, and the longest-standing member becomes owner). `actorId` null = system.
   */
  async changeMembers(
    actorId: string | null,
    conversationId: string,
    op: "add" | "remove" | "leave",
    userIds: readonly string[],
  ): Promise<Group> {
    const conv = parseConversationId(conversationId);
    if (conv.kind !== "group")
      throw new SwitchboardError(ErrorCode.INVALID_ARGUMENT, "membership changes apply to g:<id> conversations only");
    for (const u of userIds) assertUserId(u, "user_ids");
    this.assertEngineUp();
    const before = await this.engine.groups.get(conv.id);
    if (before === null) throw new SwitchboardError(ErrorCode.NOT_FOUND, `no group ${conv.id}`);
    if (op !== "leave" && actorId !== null && actorId !== before.ownerId) {
      throw new SwitchboardError(ErrorCode.FORBIDDEN, "only the group owner changes members");
    }
    let after: Group;
    if (op === "add") {
      const added = new Set([...before.memberIds, ...userIds]);
      this.assertGroupSize(added.size);
      after = await this.engine.groups.addMembers(conv.id, userIds);
    } else {
      if (op === "remove" && userIds.includes(before.ownerId)) {
        throw new SwitchboardError(ErrorCode.FORBIDDEN, "the owner leaves with leave_group instead of being removed");
      }
      if (op === "leave" && !before.memberIds.includes(userIds[0] ?? "")) {
        throw new SwitchboardError(ErrorCode.FORBIDDEN, `you are not a member of ${conv.id}`);
      }
      after = await this.engine.groups.removeMembers(conv.id, userIds);
    }
    await this.notifyMembers(after, [...new Set([...before.memberIds, ...userIds])]);
    return after;
  }

  private assertGroupSize(n: number): void {
    if (n > this.opts.maxGroupSize) {
      throw new SwitchboardError(ErrorCode.GROUP_FULL, `a group holds at most ${this.opts.maxGroupSize} members`);
    }
  }

  /** Tells current and former members' sessions about a membership change (not stored). */
  private async notifyMembers(group: Group, userIds: readonly string[]): Promise<void> {
    const frame = encodeServerFrame({ groupResult: groupToWire(group) });
    await this.route(userIds, {
      frame,
      kind: EnvelopeKind.ENVELOPE_KIND_CONTROL,
      conversationId: group.conversationId,
      seq: 0,
      excludeSession: "",
      sentAtMs: 0,
    });
  }

  // ------------------------------------------------------------------ routing

  /** Sends one encoded frame to every session of `userIds`, wherever they are connected. */
  async route(userIds: readonly string[], routed: Routed): Promise<void> {
    this.receiveLocally(userIds, routed);
    const failed = await this.routeTo(userIds, routed, null);
    if (failed.size > 0) throw new AggregateError([...failed.values()], `publish to ${failed.size} node(s) failed`);
  }

  /**
   * Publishes one envelope per other node holding sessions of `userIds` (this node's own sessions
   * are the caller's, through receiveLocally, and are never retried); with `only`, to those nodes
   * only (a retry must not re-deliver to nodes that already have the frame, which would reorder
   * it behind later messages). `located`: the users' presence when the caller has it already
   * (else it is looked up). Returns the nodes whose publish failed, with the error.
   */
  private async routeTo(
    userIds: readonly string[],
    routed: Routed,
    only: ReadonlySet<string> | null,
    located: ReadonlyMap<string, readonly string[]> | null = null,
  ): Promise<Map<string, unknown>> {
    const failed = new Map<string, unknown>();
    if (this.engine.kind === "memory") return failed;
    const where = located ?? (await this.engine.presence.locate(userIds));
    if (where.size === 0) return failed;
    const byNode = new Map<string, string[]>();
    // A lookup's keys are the distinct userIds; a located map from the append may also hold other
    // messages' users, so it is read by userIds (members: distinct).
    for (const userId of located === null ? where.keys() : userIds) {
      const nodes = where.get(userId);
      if (nodes === undefined) continue;
      for (const nodeId of nodes) {
        if (nodeId === this.opts.nodeId || (only !== null && !only.has(nodeId))) continue;
        const list = byNode.get(nodeId);
        if (list === undefined) byNode.set(nodeId, [userId]);
        else list.push(userId);
      }
    }
    const publishes: Promise<void>[] = [];
    for (const [nodeId, users] of byNode) {
      this.metrics.envelopesOut.labels(EnvelopeKind[routed.kind] ?? "").inc();
      const { frame, kind, conversationId, seq, excludeSession } = routed;
      const envelope = encodeEnvelope({ userIds: users, frame, kind, conversationId, seq, excludeSession, originNode: this.opts.nodeId });
      publishes.push(this.engine.broker.publish(nodeId, envelope).catch((err: unknown) => void failed.set(nodeId, err)));
    }
    await Promise.all(publishes);
    return failed;
  }

  private onEnvelope(bytes: Uint8Array): void {
    let env: switchboard.v1.Envelope;
    try {
      env = decodeEnvelope(bytes);
    } catch (err) {
      this.log.error({ err }, "undecodable envelope on node channel");
      return;
    }
    this.metrics.envelopesIn.labels(EnvelopeKind[env.kind] ?? "").inc();
    const sentAtMs = env.kind === EnvelopeKind.ENVELOPE_KIND_MESSAGE ? frameSentAtMs(env.frame) : 0;
    // Guarded like local delivery: a throw here would land in the Redis subscriber's callback.
    this.receiveLocally(env.userIds, {
      frame: env.frame,
      kind: env.kind,
      conversationId: env.conversationId,
      seq: env.seq,
      excludeSession: env.excludeSession,
      sentAtMs,
    });
  }

  /** receive() for a frame this node routes itself, from its own registry: no round trip, so a
   * slow or unreachable Redis cannot keep a frame from recipients on this node. A failure (a bug)
   * is logged, and must neither reach the sender, whose send is acked, nor stop the fan-out to
   * other nodes. */
  private receiveLocally(userIds: readonly string[], routed: Routed): void {
    try {
      this.receive(userIds, routed);
    } catch (err) {
      this.log.error({ err, conversationId: routed.conversationId, seq: routed.seq }, "local delivery failed");
    }
  }

  /** What a node does with a routed frame for its local users (from itself or its channel). */
  private receive(userIds: readonly string[], routed: Routed): void {
    // An empty control frame is a disconnect order (disconnectUsers).
    if (routed.kind === EnvelopeKind.ENVELOPE_KIND_CONTROL && routed.frame.length === 0) {
      this.disconnectLocal(userIds, CloseCode.FORBIDDEN_CLOSE);
      return;
    }
    this.deliverLocal(userIds, routed);
  }

  /** Writes the same bytes to each local session of `userIds`; `sentAtMs` (0 = unknown) feeds
   * the send-to-deliver histogram once per call, not per socket. */
  private deliverLocal(userIds: readonly string[], routed: Routed): void {
    const { frame, kind, excludeSession, sentAtMs } = routed;
    // A Routed carries conversationId and seq: it serves as push's catch-up key, no copy.
    const stored = kind === EnvelopeKind.ENVELOPE_KIND_MESSAGE ? routed : null;
    const now = Date.now();
    let delivered = 0;
    // Closing runs onClose synchronously, which splices the registry's array we iterate: close after.
    let overflowed: Session[] | null = null;
    // Indexed loops: for-of allocated an iterator per call here (not optimized away).
    for (let u = 0; u < userIds.length; u++) {
      const sessions = this.registry.sessionsOf(userIds[u]!);
      if (sessions === undefined) continue;
      for (let i = 0; i < sessions.length; i++) {
        const s = sessions[i]!;
        if (s.sessionId === excludeSession) continue;
        switch (push(s, frame, stored, this.limits, now)) {
          case "sent":
            delivered += 1;
            break;
          case "paused":
            delivered += 1;
            this.metrics.backpressurePauses.inc();
            break;
          case "shed":
            this.metrics.shedEphemeral.inc();
            break;
          case "missed":
            this.metrics.skippedWhilePaused.inc();
            break;
          case "overflow":
            (overflowed ??= []).push(s);
            break;
          default:
            break;
        }
      }
    }
    if (overflowed !== null) {
      for (const s of overflowed) {
        this.metrics.slowConsumerCloses.labels("hard_limit").inc();
        this.close(s, CloseCode.SLOW_CONSUMER);
      }
    }
    if (delivered === 0) return;
    this.metrics.framesOutBy.get(ROUTED_FRAME_TYPE[kind] ?? "message").inc(delivered);
    if (stored === null) return;
    this.metrics.messagesDelivered.inc(delivered);
    if (sentAtMs > 0) this.metrics.sendDeliverLatency.observe(Math.max(0, now - sentAtMs) / 1000);
  }

  /** Closes every session of these users on every node (server API). */
  async disconnectUsers(userIds: readonly string[]): Promise<void> {
    await this.route(userIds, {
      frame: new Uint8Array(0),
      kind: EnvelopeKind.ENVELOPE_KIND_CONTROL,
      conversationId: "",
      seq: 0,
      excludeSession: "",
      sentAtMs: 0,
    });
  }

  private disconnectLocal(userIds: readonly string[], code: CloseCode): void {
    for (const userId of userIds) {
      for (const s of [...(this.registry.sessionsOf(userId) ?? [])]) this.close(s, code);
    }
  }

  // ------------------------------------------------------------------ backpressure

  /**
   * Re-sends, from the store, what a paused session missed, conversation by conversation, until
   * nothing is missing; live push resumes only then, so order within a conversation holds.
   */
  private async catchUp(session: Session): Promise<void> {
    session.catchingUp = true;
    try {
      while (!session.closed && session.missed !== null && session.missed.size > 0) {
        for (const [conversationId, m] of session.missed) {
          // Up to what was missed: a later message in the store is one whose push (relayed by its
          // node) is still on its way, and would then reach this session twice.
          const res = await this.engine.store.read(
            conversationId,
            m.next - 1,
            Math.max(1, Math.min(this.opts.maxSyncPage, m.max - m.next + 1)),
          );
          const socket = session.socket;
          if (session.closed || socket === null) return;
          if (res.messages.length === 0) {
            // Nothing at or after `next`: trimmed from bounded history (memory engine) or never stored.
            if (m.next <= m.max)
              this.log.warn({ session: session.sessionId, conversationId, from: m.next, to: m.max }, "catch-up found no messages");
            session.missed.delete(conversationId);
            continue;
          }
          let bytes = 0;
          let sent = 0;
          let last = m.next - 1;
          // Pace by bytes, not by page: stop at the soft limit and continue on the next drain.
          socket.cork(() => {
            for (const msg of res.messages) {
              const frame = encodeServerFrame({ message: toWireMessage(msg) });
              bytes += frame.length;
              socket.send(frame, true);
              sent += 1;
              last = msg.seq;
              if (socket.getBufferedAmount() > this.limits.soft) break;
            }
          });
          session.missedBytes = Math.max(0, session.missedBytes - bytes);
          this.metrics.catchUpMessages.inc(sent);
          this.metrics.framesOutBy.get("message").inc(sent);
          this.metrics.messagesDelivered.inc(sent);
          m.next = last + 1;
          if (m.next > m.max) session.missed.delete(conversationId);
          const buffered = socket.getBufferedAmount();
          if (buffered > this.limits.hard) {
            this.metrics.slowConsumerCloses.labels("hard_limit").inc();
            this.close(session, CloseCode.SLOW_CONSUMER);
            return;
          }
          // Still full: wait for the next drain event to continue.
          if (buffered > this.limits.soft) return;
        }
      }
      if (!session.closed) {
        session.pausedAtMs = 0;
        session.missedBytes = 0;
      }
    } catch (err) {
      // Store unreachable: stay paused; the keepalive visit retries, MAX_PAUSE_MS bounds it.
      this.log.warn({ err, session: session.sessionId }, "catch-up failed");
    } finally {
      session.catchingUp = false;
    }
  }

  /** Per-session checks once per ping interval: pause time bound, stalled catch-up. */
  private visit(session: Session, now: number): void {
    if (!session.paused) return;
    if (now - session.pausedAtMs > this.opts.maxPauseMs) {
      this.metrics.slowConsumerCloses.labels("pause_timeout").inc();
      this.close(session, CloseCode.SLOW_CONSUMER);
      return;
    }
    this.onDrain(session);
  }

  // ------------------------------------------------------------------ output

  /** Encodes and writes a reply to one session (responses are not subject to pausing). */
  reply(session: Session, reqId: number, body: IServerFrame): void {
    const socket = session.socket;
    if (session.closed || socket === null) return;
    this.metrics.framesOutBy.get(frameType(body)).inc();
    body.reqId = reqId;
    socket.send(encodeServerFrame(body), true);
    if (socket.getBufferedAmount() > this.limits.hard) {
      this.metrics.slowConsumerCloses.labels("hard_limit").inc();
      this.close(session, CloseCode.SLOW_CONSUMER);
    }
  }

  /**
   * Presence and group requests: each reads or writes the store, so they share a per-user bound.
   * Not sync: a client catching up after a long absence asks for page after page.
   */
  private assertRequestRate(session: Session, body: Body): void {
    const wait = this.requestLimiter.take(session.userId, Date.now());
    if (wait === 0) return;
    this.metrics.requestsRateLimited.labels(body).inc();
    throw new SwitchboardError(ErrorCode.RATE_LIMITED, `requests over ${this.opts.requestRatePerSec}/s: retry after retry_after_ms`, {
      retryAfterMs: wait,
    });
  }

  /** OVERLOAD_LAG_MS: refuse new sends while the event loop lags (see LagMonitor). */
  private assertNotOverloaded(): void {
    if (!this.lag.overloaded) return;
    this.metrics.overloadShed.inc();
    throw new SwitchboardError(ErrorCode.OVERLOADED, `node overloaded (event loop ${Math.round(this.lag.lagMs)} ms behind): retry later`, {
      retryAfterMs: OVERLOAD_RETRY_MS,
    });
  }

  private assertEngineUp(): void {
    if (!this.engine.healthy()) throw new SwitchboardError(ErrorCode.UNAVAILABLE, "message store unreachable, retry with backoff");
  }

  private sweep(): void {
    this.sendLimiter.sweep(Date.now());
    this.typingLimiter.sweep(Date.now());
    this.requestLimiter.sweep(Date.now());
  }

  // ------------------------------------------------------------------ shutdown

  /**
   * Tells every client to go away (with a jittered reconnect delay), then closes sessions in
   * waves spread over `deadlineMs` so they do not all reconnect at once.
   */
  async goAway(reason: string, reconnectAfterMs: number, deadlineMs: number): Promise<void> {
    const sessions = [...this.registry.all()];
    for (const s of sessions) {
      this.reply(s, 0, { goaway: { reason, reconnectAfterMs: Math.floor(reconnectAfterMs * (0.5 + Math.random())) } });
    }
    const waves = Math.max(1, Math.min(10, Math.ceil(sessions.length / 1000)));
    const per = Math.ceil(sessions.length / waves);
    // The goaway gets a head start on the close: uWS drops an ended socket at its next 4-second
    // tick (0-4 s), and a socket closed with the client's unread sends in it is reset, which can
    // cost a proxy the frames it had not read yet. The e2e drain test lost a goaway that way.
    if (sessions.length > 0) await new Promise((r) => setTimeout(r, Math.min(GOAWAY_HEAD_START_MS, deadlineMs / (waves + 1))));
    for (let w = 0; w < waves; w++) {
      for (const s of sessions.slice(w * per, (w + 1) * per)) this.close(s, CloseCode.GOING_AWAY);
      if (w < waves - 1) await new Promise((r) => setTimeout(r, deadlineMs / waves));
    }
  }

  stop(): void {
    this.keepalive.stop();
    this.lag.stop();
    clearInterval(this.sweepTimer);
  }
}

/** A DM's members, from its id; throws unless `userId` (null = the system) is one of them. */
function dmMembers(conv: Extract<ConversationRef, { kind: "dm" }>, userId: string | null): readonly string[] {
  if (userId !== null && conv.users[0] !== userId && conv.users[1] !== userId) {
    throw new SwitchboardError(ErrorCode.FORBIDDEN, `you are not a member of ${conv.id}`);
  }
  return conv.users[0] === conv.users[1] ? [conv.users[0]] : conv.users;
}

export function toWireMessage(m: StoredMessage): IMessage {
  return {
    messageId: m.messageId,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    senderDevice: m.senderDevice,
    clientMsgId: m.clientMsgId,
    body: m.body,
    contentType: m.contentType,
    sentAtMs: m.sentAtMs,
  };
}

export function groupToWire(g: Group): switchboard.v1.IGroupResult {
  return { conversationId: g.conversationId, name: g.name, ownerId: g.ownerId, memberIds: g.memberIds };
}

/** The oneof field set in a server frame (the frames_out label); no allocation. */
function frameType(body: IServerFrame): ServerFrameType {
  for (const key in body) if (key !== "reqId") return key as ServerFrameType;
  return "error";
}

/** Stores with a cold tier (PersistentStore) say how many of a read's messages came from it. */
function coldMessagesOf(res: ReadResult): number {
  const n = (res as ReadResult & { coldMessages?: unknown }).coldMessages;
  return typeof n === "number" ? n : 0;
}

// A protobuf wire walk, so a node can time envelopes from other nodes without decoding them.
// ServerFrame.message = 12, Message.sent_at_ms = 9 (switchboard.proto).
const FRAME_MESSAGE_FIELD = 12;
const MESSAGE_SENT_AT_FIELD = 9;
let wirePos = 0;

function readVarint(b: Uint8Array, end: number): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (wirePos >= end) return -1;
    const byte = b[wirePos++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
  }
}

/** Moves past one field of `wireType`; false on a malformed or unknown encoding. */
function skipField(b: Uint8Array, wireType: number, end: number): boolean {
  switch (wireType) {
    case 0:
      return readVarint(b, end) >= 0;
    case 1:
      wirePos += 8;
      return wirePos <= end;
    case 2: {
      const len = readVarint(b, end);
      wirePos += len;
      return len >= 0 && wirePos <= end;
    }
    case 5:
      wirePos += 4;
      return wirePos <= end;
    default:
      return false;
  }
}

/** sent_at_ms of an encoded ServerFrame carrying a message, read off the wire (0 when absent). */
export function frameSentAtMs(frame: Uint8Array): number {
  wirePos = 0;
  let end = frame.length;
  let inMessage = false;
  while (wirePos < end) {
    const tag = readVarint(frame, end);
    if (tag < 0) return 0;
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (!inMessage && field === FRAME_MESSAGE_FIELD && wireType === 2) {
      const len = readVarint(frame, end);
      if (len < 0 || wirePos + len > end) return 0;
      end = wirePos + len;
      inMessage = true;
      continue;
    }
    if (inMessage && field === MESSAGE_SENT_AT_FIELD && wireType === 0) return Math.max(0, readVarint(frame, end));
    if (!skipField(frame, wireType, end)) return 0;
  }
  return 0;
}
