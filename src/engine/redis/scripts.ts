// The Lua scripts that make each engine operation atomic in Redis, and their registration on a
// client (ioredis sends EVALSHA and, inside a pipeline, loads a script once per connection first).
// Scripts that touch a variable number of keys take the key count as their first argument.
//
// The engine targets one Redis primary: the presence scripts derive node heartbeat keys from a
// prefix instead of declaring them, which Redis Cluster would reject.
import type { Redis } from "ioredis";

/** Encoding helpers of the append script. */
const LUA_HELPERS = `
local function varint(n)
  local out = {}
  while n >= 128 do
    out[#out + 1] = string.char(n % 128 + 128)
    n = math.floor(n / 128)
  end
  out[#out + 1] = string.char(n)
  return table.concat(out)
end
-- sent_at_ms is field 1 (fixed64, tag byte 9) at bytes 2-9, little-endian: see StoredMessageRecord.
local function sentAt(member)
  if string.byte(member, 1) ~= 9 then return nil end
  local t = 0
  for i = 9, 2, -1 do t = t * 256 + string.byte(member, i) end
  return t
end
`;

/** Presence lookup shared by the append and locate scripts: `live(key, alive, alivePrefix)`
 * returns a user's {node, count, ...} entries of nodes whose heartbeat exists, and deletes the
 * others' entries. `alive` caches heartbeat checks over one call. */
const LUA_LIVE = `
local function live(key, alive, alivePrefix)
  local entries = redis.call('HGETALL', key)
  local out = {}
  for j = 1, #entries, 2 do
    local node = entries[j]
    if alive[node] == nil then
      alive[node] = redis.call('EXISTS', alivePrefix .. node .. ':alive') == 1
    end
    if alive[node] then
      out[#out + 1] = node
      out[#out + 1] = entries[j + 1]
    else
      redis.call('HDEL', key, node)
    end
  end
  return out
end
`;

/**
 * The appends of one loop turn, each atomic as before (dedupe check + INCR + history insert +
 * trims + user index (+ outbox entry)), in call order, then the presence of the users their
 * fan-outs go to: one call instead of an append and a presence lookup per message.
 * KEYS: outbox. ARGV: dedupeTtlMs, historyMax, ageCutoffMs, historyMaxAgeMs, writeOutbox ("1" or
 * "0"), heartbeat key prefix, key prefix, message count, count of users to locate, then one
 * packed argument (see appendCall in store.ts): per message its conversationId, record (without
 * seq), dedupe suffix "<sentAtMs>:<messageId>:<conversationId>", "<senderId>:<clientMsgId>" and
 * the users of its user index joined by ","; then the users to locate. Each string is
 * length-prefixed (record: 4 bytes, others: 2; little-endian).
 * Packed rather than one argument per field: ioredis spends about a microsecond of CPU per
 * argument it writes (about ten per message), and the key names are derived here from the
 * prefix as in keys.ts (which is why this script needs one Redis primary, not Redis Cluster).
 * The outbox entry {c = conversationId, r = record with seq} is what makes ACK_MODE=store safe to
 * ack on this reply alone: the message cannot be stored without also being queued for MySQL.
 * Returns one reply per message, {1, dedupeValue, originalRecordOrEmpty} for a retry and
 * {0, seq, trimmed} otherwise, then the list of located users' entries (see LUA_LIVE).
 */
const APPEND = `${LUA_HELPERS}${LUA_LIVE}
local ttl, max, cutoff, maxAge = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local writeOutbox, alivePrefix, prefix = ARGV[5] == '1', ARGV[6], ARGV[7]
local count, locate, packed = tonumber(ARGV[8]), tonumber(ARGV[9]), ARGV[10]
local unpack = struct.unpack
local out = {}
local at = 1
local conv, record, suffix, sentBy, users
for m = 1, count do
  conv, record, suffix, sentBy, users, at = unpack('<I2c0I4c0I2c0I2c0I2c0', packed, at)
  local history = prefix .. 'c:' .. conv .. ':h'
  local dedupe = prefix .. 'd:' .. sentBy
  local seen = redis.call('GET', dedupe)
  if seen then
    local seq, seenConv = string.match(seen, '^(%d+):%d+:[^:]*:(.*)$')
    -- '' rather than false: a RESP3 client would receive false as the boolean 0, not as null.
    local original = ''
    if seenConv == conv then
      original = redis.call('ZRANGE', history, seq, seq, 'BYSCORE')[1] or ''
    end
    out[m] = {1, seen, original}
  else
    local seq = redis.call('INCR', prefix .. 'c:' .. conv .. ':seq')
    local member = record .. '\\16' .. varint(seq)
    redis.call('ZADD', history, seq, member)
    redis.call('SET', dedupe, seq .. ':' .. suffix, 'PX', ttl)
    if writeOutbox then redis.call('XADD', KEYS[1], '*', 'c', conv, 'r', member) end
    -- The seq key and the user index never expire, so indexing at a conversation's first message
    -- is enough (a redis.call per user per message saved).
    if seq == 1 then
      for user in string.gmatch(users, '[^,]+') do redis.call('SADD', prefix .. 'u:' .. user .. ':convs', conv) end
    end
    -- The window is always a contiguous run of seqs ending at this one (only prefixes are
    -- trimmed, and an expired window restarts empty), so the count trim is a trim by score.
    local trimmed = 0
    if seq > max then trimmed = redis.call('ZREMRANGEBYSCORE', history, '-inf', seq - max) end
    -- Age trim: seqs and send times rise together, so expired entries are a prefix. Bounded per
    -- message; PEXPIRE below drops the whole window of a conversation that went quiet.
    local expired = 0
    while expired < 64 do
      local e = redis.call('ZRANGE', history, expired, expired)[1]
      if not e then break end
      local t = sentAt(e)
      if t == nil or t >= cutoff then break end
      expired = expired + 1
    end
    if expired > 0 then trimmed = trimmed + redis.call('ZREMRANGEBYRANK', history, 0, expired - 1) end
    redis.call('PEXPIRE', history, maxAge)
    out[m] = {0, seq, trimmed}
  end
end
local located = {}
local alive = {}
for i = 1, locate do
  local user
  user, at = unpack('<I2c0', packed, at)
  located[i] = live(prefix .. 'p:' .. user, alive, alivePrefix)
end
-- A tripwire for the packed layout (store.ts and this script must read the same fields): the
-- writes are done by now, so it is logged rather than failed, which would answer stored
-- messages as failed and make their retries duplicates that are not fanned out.
if at ~= #packed + 1 then
  redis.log(redis.LOG_WARNING, 'switchboard append: packed argument read to byte ' .. at .. ' of ' .. #packed)
end
out[count + 1] = located
return out
`;

/**
 * A page of history plus the conversation's bounds, from one consistent snapshot.
 * KEYS: seq, history. ARGV: afterSeq, limit. Returns {lastSeq, oldestSeq, {records...}}.
 */
const READ = `
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
local oldest = last + 1
if first[2] then oldest = tonumber(first[2]) end
local records = redis.call('ZRANGE', KEYS[2], '(' .. ARGV[1], '+inf', 'BYSCORE', 'LIMIT', 0, ARGV[2])
return {last, oldest, records}
`;

/**
 * Forward-only cursors, several per call, each capped at its conversation's newest seq (see
 * MessageStore.setCursor). KEYS: each entry's cursors hash. ARGV: conversationId, seq per key,
 * in the same order, then the key prefix (the seq key's name is derived as in keys.ts), then the
 * hashes' TTL in ms (0: none; every write renews it, so only devices that stopped acking expire).
 * Returns each entry's seq, capped (0: no messages, nothing written; a higher cursor stays).
 */
const SET_CURSORS = `
local prefix = ARGV[2 * #KEYS + 1]
local ttl = tonumber(ARGV[2 * #KEYS + 2] or '0')
local written = {}
for i = 1, #KEYS do
  local conv = ARGV[2 * i - 1]
  local seq = tonumber(ARGV[2 * i])
  local last = tonumber(redis.call('GET', prefix .. 'c:' .. conv .. ':seq') or '0')
  if seq > last then seq = last end
  if seq > 0 and seq > tonumber(redis.call('HGET', KEYS[i], conv) or '0') then
    redis.call('HSET', KEYS[i], conv, seq)
  end
  if seq > 0 and ttl > 0 then redis.call('PEXPIRE', KEYS[i], ttl) end
  written[i] = seq
end
return written
`;

/** Replies with a group as {name, owner, members...} in join order (KEYS[1] meta, KEYS[2] members). */
const LUA_GROUP_REPLY = `
local function groupReply()
  local meta = redis.call('HMGET', KEYS[1], 'name', 'owner')
  local out = {meta[1], meta[2]}
  for _, m in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do out[#out + 1] = m end
  return out
end
`;

/**
 * KEYS: meta, members, userConversations of each member. ARGV: conversationId, name, owner,
 * members... Returns 0 if the group exists, else 1.
 */
const GROUP_CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local n = #ARGV - 3
redis.call('HSET', KEYS[1], 'name', ARGV[2], 'owner', ARGV[3], 'joins', n)
for i = 1, n do
  redis.call('ZADD', KEYS[2], i, ARGV[i + 3])
  redis.call('SADD', KEYS[i + 2], ARGV[1])
end
return 1
`;

/** The group, or nil. KEYS: meta, members. */
const GROUP_GET = `${LUA_GROUP_REPLY}
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
return groupReply()
`;

/**
 * Adds members (existing ones keep their place), indexes them, and announces the change on the
 * invalidation channel inside the script, so the announcement precedes anything the caller
 * publishes afterwards. KEYS: meta, members, userConversations of each user.
 * ARGV: conversationId, invalidation channel, users... Returns the group, or nil if missing.
 */
const GROUP_ADD = `${LUA_GROUP_REPLY}
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
for i = 3, #ARGV do
  if not redis.call('ZSCORE', KEYS[2], ARGV[i]) then
    redis.call('ZADD', KEYS[2], redis.call('HINCRBY', KEYS[1], 'joins', 1), ARGV[i])
  end
  redis.call('SADD', KEYS[i], ARGV[1])
end
redis.call('PUBLISH', ARGV[2], ARGV[1])
return groupReply()
`;

/**
 * Removes members; a removed owner is succeeded by the longest-standing remaining member.
 * Same KEYS/ARGV/reply as GROUP_ADD.
 */
const GROUP_REMOVE = `${LUA_GROUP_REPLY}
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
local owner = redis.call('HGET', KEYS[1], 'owner')
local ownerLeft = false
for i = 3, #ARGV do
  redis.call('ZREM', KEYS[2], ARGV[i])
  redis.call('SREM', KEYS[i], ARGV[1])
  if ARGV[i] == owner then ownerLeft = true end
end
if ownerLeft then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if first then redis.call('HSET', KEYS[1], 'owner', first) end
end
redis.call('PUBLISH', ARGV[2], ARGV[1])
return groupReply()
`;

/**
 * Nodes and session counts of each user, skipping (and deleting) entries of nodes whose
 * heartbeat expired. KEYS: presence hash of each user. ARGV: heartbeat key prefix.
 * Returns, per user, a flat {node, count, node, count...} list.
 */
const LOCATE = `${LUA_LIVE}
local out = {}
local alive = {}
for i, key in ipairs(KEYS) do out[i] = live(key, alive, ARGV[1]) end
return out
`;

/**
 * Replaces everything this node registered with `sessions`: run on every (re)connect, since
 * unregisters may have been lost while Redis was unreachable.
 * KEYS: nodeUsers, nodeAlive. ARGV: nodeId, presence key prefix, ttlMs, (user, count)...
 */
const PRESENCE_RESET = `
for _, user in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  redis.call('HDEL', ARGV[2] .. user, ARGV[1])
end
redis.call('DEL', KEYS[1])
for i = 4, #ARGV, 2 do
  redis.call('HSET', ARGV[2] .. ARGV[i], ARGV[1], ARGV[i + 1])
  redis.call('SADD', KEYS[1], ARGV[i])
end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
return 1
`;

/**
 * Sets this node's session count of each user: HSET (count > 0) or HDEL (0) in the user's presence
 * hash, and the node's user set alongside. One call carries every change of a loop turn.
 * KEYS: nodeUsers. ARGV: nodeId, presence key prefix, (user, count)...
 */
const PRESENCE_SET = `
for i = 3, #ARGV, 2 do
  local user = ARGV[i]
  if tonumber(ARGV[i + 1]) > 0 then
    redis.call('HSET', ARGV[2] .. user, ARGV[1], ARGV[i + 1])
    redis.call('SADD', KEYS[1], user)
  else
    redis.call('HDEL', ARGV[2] .. user, ARGV[1])
    redis.call('SREM', KEYS[1], user)
  end
end
return 1
`;

/** Every script, by the command name it is registered under. */
export const SCRIPTS = {
  sbAppend: { lua: APPEND, numberOfKeys: 1 },
  sbRead: { lua: READ, numberOfKeys: 2 },
  sbSetCursors: { lua: SET_CURSORS },
  sbGroupCreate: { lua: GROUP_CREATE },
  sbGroupGet: { lua: GROUP_GET, numberOfKeys: 2 },
  sbGroupAdd: { lua: GROUP_ADD },
  sbGroupRemove: { lua: GROUP_REMOVE },
  sbLocate: { lua: LOCATE },
  sbPresenceReset: { lua: PRESENCE_RESET, numberOfKeys: 2 },
  sbPresenceSet: { lua: PRESENCE_SET, numberOfKeys: 1 },
} as const;

export type ScriptName = keyof typeof SCRIPTS;

/** Registers the scripts as custom commands on a client (and so on its pipelines). */
export function defineScripts(client: Redis): void {
  for (const [name, def] of Object.entries(SCRIPTS)) {
    client.defineCommand(name, "numberOfKeys" in def ? { lua: def.lua, numberOfKeys: def.numberOfKeys } : { lua: def.lua });
  }
}
