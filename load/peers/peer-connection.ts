// What the peers' load-tool drivers (uws-relay-driver.ts, socketio-driver.ts) share: opening the
// socket (load/lean-ws.ts), the per-worker seq numbering, and a Connection base that keeps the
// sends and group requests awaiting their ack and fails every one of them when the socket closes.
import { LeanWebSocket } from "../lean-ws.js";
import {
  DETACHED,
  failureReason,
  LoadFailure,
  type Connection,
  type ConnectionEvents,
  type ConnectOptions,
  type WelcomeInfo,
} from "../driver.js";

/** Next seq per conversation, shared by every connection of this worker process. */
const seqs = new Map<string, number>();
export function nextSeq(conversationId: string): number {
  const s = (seqs.get(conversationId) ?? 0) + 1;
  seqs.set(conversationId, s);
  return s;
}

/** The other member of `dm:a:b`, or the conversation itself for a group. */
export function recipientOf(conversationId: string, me: string): string {
  if (!conversationId.startsWith("dm:")) return conversationId;
  const [, a, b] = conversationId.split(":");
  return a === me ? b! : a!;
}

let groupCounter = 0;
/** A new group id owned by `userId`, unique within this worker process. */
export function nextGroupId(userId: string): string {
  return `g:${userId}.${(groupCounter += 1)}`;
}

interface PendingSend {
  readonly id: number;
  readonly conversationId: string;
  readonly seq: number;
  readonly sentAtMs: number;
}

interface PendingGroup {
  resolve: () => void;
  reject: (e: Error) => void;
}

/** A peer connection: subclasses frame requests and parse incoming frames. */
export abstract class PeerConnection implements Connection {
  protected events: ConnectionEvents = DETACHED;
  /**
   * Sends awaiting their ack, oldest first. Both peers answer a connection's requests in order,
   * so an ack is (almost always) the head: a queue, not a map, and no lookup per ack.
   */
  private readonly sends: PendingSend[] = [];
  private sendsHead = 0;
  private readonly groups = new Map<number, PendingGroup>();
  private closingLocally = false;

  constructor(
    protected readonly ws: LeanWebSocket,
    readonly welcome: WelcomeInfo,
  ) {
    ws.onclose = (ev) => {
      const reason = `close ${ev.code}`;
      for (let i = this.sendsHead; i < this.sends.length; i += 1) this.events.sendFailed(reason);
      this.sends.length = 0;
      this.sendsHead = 0;
      const err = new LoadFailure(reason);
      for (const g of this.groups.values()) g.reject(err);
      this.groups.clear();
      this.events.close({ code: ev.code, reason: ev.reason, local: this.closingLocally });
    };
    ws.onerror = () => undefined;
  }

  attach(events: ConnectionEvents): void {
    this.events = events;
  }

  abstract send(conversationId: string, sentAtMs: number, bodyBytes: number): void;
  abstract createGroup(name: string, memberIds: readonly string[]): Promise<string>;

  protected get open(): boolean {
    return this.ws.readyState === LeanWebSocket.OPEN;
  }

  /** Records send `id` as awaiting its ack (call right before writing it). */
  protected sending(id: number, conversationId: string, seq: number, sentAtMs: number): void {
    this.sends.push({ id, conversationId, seq, sentAtMs });
  }

  /** Registers group request `id`; resolves when acked(id) is called. */
  protected groupRequest(id: number, write: () => void): Promise<void> {
    if (!this.open) return Promise.reject(new LoadFailure("not connected"));
    return new Promise<void>((resolve, reject) => {
      this.groups.set(id, { resolve, reject });
      write();
    });
  }

  protected acked(id: number): void {
    const head = this.sends[this.sendsHead];
    if (head !== undefined && head.id === id) {
      this.sendsHead += 1;
      if (this.sendsHead === this.sends.length) {
        this.sends.length = 0;
        this.sendsHead = 0;
      } else if (this.sendsHead >= 1024) {
        this.sends.splice(0, this.sendsHead);
        this.sendsHead = 0;
      }
      this.events.acked(head.conversationId, head.seq, head.sentAtMs);
      return;
    }
    const g = this.groups.get(id);
    if (g !== undefined) {
      this.groups.delete(id);
      g.resolve();
      return;
    }
    // Out of order (not expected from either peer): find it further down the queue.
    for (let i = this.sendsHead + 1; i < this.sends.length; i += 1) {
      const p = this.sends[i]!;
      if (p.id !== id) continue;
      this.sends.splice(i, 1);
      this.events.acked(p.conversationId, p.seq, p.sentAtMs);
      return;
    }
  }

  close(): void {
    this.closingLocally = true;
    this.ws.close(1000);
  }
}

/**
 * Opens a socket and resolves once it is open (the peers' equivalent of Switchboard's welcome).
 * `attach` runs before any frame can arrive: frames that follow the upgrade response in the same
 * read are dispatched right after the open.
 */
export function openSocket(url: string, opts: ConnectOptions, attach?: (ws: LeanWebSocket) => void): Promise<LeanWebSocket> {
  return new Promise<LeanWebSocket>((resolve, reject) => {
    let rejection: string | null = null;
    const ws = new LeanWebSocket(url, {
      ...(opts.localAddress !== undefined ? { localAddress: opts.localAddress } : {}),
      onRejected: (status) => (rejection = `http ${status}`),
    });
    attach?.(ws);
    let done = false;
    const fail = (reason: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ws.terminate();
      reject(new LoadFailure(reason));
    };
    const timer = setTimeout(() => fail("timeout"), opts.timeoutMs);
    ws.onerror = (ev) => fail(rejection ?? failureReason(ev.error));
    ws.onclose = (ev) => fail(`close ${ev.code}`);
    ws.onopen = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      ws.onerror = null;
      ws.onclose = null;
      resolve(ws);
    };
  });
}
