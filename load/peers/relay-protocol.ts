// The bare uWS relay's wire format (shared by load/peers/uws-relay.ts and its driver). Binary
// frames; every string is ASCII with a one-byte length. The relay reads only what it needs to
// route: the first byte (kind), the request id (echoed in the ack) and the recipient; it forwards
// the rest of the frame's bytes untouched.
//
//   client → relay  SEND    [0x01][reqId u32le][toLen u8][to] + DELIVERY bytes
//                           `to` is a user id (1:1) or a group id "g:…" (fan-out to its subscribers)
//   client → relay  GROUP   [0x02][reqId u32le][convLen u8][conv]([memberLen u8][member])*
//                           subscribes the members' open sockets to the group id
//   relay → client  ACK     [0x03][reqId u32le]
//   relay → client  DELIVERY[0x04][seq u32le][convLen u8][conv][senderLen u8][sender][body …]
//
// The relay keeps no sequence numbers: the sender's driver numbers each conversation (every
// conversation lives in one load worker, so one counter per worker process is exact).
export const SEND = 0x01;
export const GROUP = 0x02;
export const ACK = 0x03;
export const DELIVERY = 0x04;
