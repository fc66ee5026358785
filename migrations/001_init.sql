-- 001: the durable store behind the hot (Redis / memory) store.
-- Every statement is re-runnable (IF NOT EXISTS): MySQL and MariaDB commit DDL implicitly, so a
-- file that fails half-way cannot be rolled back and must be safe to apply again.
-- Identifiers (user, device, conversation, message ids) are ASCII by the protocol's rules
-- ([A-Za-z0-9_.@-]): ascii_bin keeps index keys at 1 byte per character and compares them
-- case-sensitively, exactly like the engines' Map/Redis keys ("Alice" and "alice" are two users).

CREATE TABLE IF NOT EXISTS messages (
  conversation_id VARCHAR(140) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq BIGINT UNSIGNED NOT NULL,
  message_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  sender_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  sender_device VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  -- client_msg_id is client-chosen text (1-128 characters): utf8mb4, binary comparison so dedupe
  -- matches the engines byte for byte.
  client_msg_id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  -- Opaque bytes; MEDIUMBLOB because MAX_FRAME_BYTES may be raised to 16 MiB.
  body MEDIUMBLOB NOT NULL,
  content_type VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  sent_at_ms BIGINT NOT NULL,
  -- Clustered by (conversation_id, seq): sync reads are one range scan of adjacent pages, and
  -- re-delivered batches hit this key (idempotent insert).
  PRIMARY KEY (conversation_id, seq),
  -- The dedupe key of the protocol: one stored message per (sender, client_msg_id).
  UNIQUE KEY uq_messages_sender_client (sender_id, client_msg_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS conversations (
  id VARCHAR(140) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind ENUM('dm', 'group') NOT NULL,
  name VARCHAR(255) NOT NULL DEFAULT '',
  owner_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  created_at_ms BIGINT NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS conversation_members (
  conversation_id VARCHAR(140) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  user_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  -- Join order: a monotonically increasing id. The longest-standing member (smallest join_id)
  -- inherits ownership when the owner leaves. An AUTO_INCREMENT column only needs to lead some
  -- index, so the primary key can stay the natural (conversation_id, user_id).
  join_id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  joined_at_ms BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, user_id),
  KEY ix_members_join (join_id),
  -- "Conversations of a user" (sync on connect): an index-only scan by user.
  KEY ix_members_user (user_id, conversation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS device_cursors (
  user_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  device_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  conversation_id VARCHAR(140) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq BIGINT UNSIGNED NOT NULL,
  -- Read by (user, device) on connect: the primary key's prefix.
  PRIMARY KEY (user_id, device_id, conversation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
