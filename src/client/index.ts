// The Switchboard client library: the public surface (Node with `ws`, and browsers).
export { SwitchboardClient, newClientMsgId } from "./client.js";
export {
  ClientClosedError,
  ClientError,
  ConnectionClosedError,
  CursorStoreError,
  ProtocolError,
  RequestTimeoutError,
  ServerError,
} from "./errors.js";
export { MemoryCursorStore } from "./types.js";
export type {
  ClientEvents,
  ClientOptions,
  ClientState,
  CloseInfo,
  CursorStore,
  GoAwayInfo,
  GroupResult,
  Message,
  ReconnectOptions,
  SendAck,
  SyncCursor,
  SyncDone,
  SyncDoneEvent,
  TypingEvent,
  UserPresence,
  WebSocketCtor,
  WebSocketLike,
  Welcome,
} from "./types.js";
export { Sequencer, canonicalConversationId, type OfferResult, type SequencerSink, type Sequenced } from "./sequencer.js";
export { Outbox, retryDelay, type OutboxEntry } from "./outbox.js";
export { backoffDelay, type BackoffPolicy } from "./backoff.js";
export { TimerWheel, sharedTimers, type Timer } from "./timers.js";
export { Emitter } from "./emitter.js";
export { ErrorCode, CloseCode } from "../protocol/proto.js";
