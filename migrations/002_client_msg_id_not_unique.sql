-- 002: MySQL no longer enforces (sender_id, client_msg_id) uniqueness.
-- The engines dedupe client_msg_id for DEDUPE_TTL_MS (README); a key reused after that is a new
-- message there, and MySQL's permanent unique key then refused it, which dead-lettered an acked
-- message. The key also compared with PAD SPACE ("k1" equal to "k1 "), unlike the engines. The
-- primary key (conversation_id, seq) keeps re-delivered batches idempotent. Re-runnable: the
-- index is dropped only while it exists (MySQL 8 has no DROP INDEX IF EXISTS).
SET @sb_has_index := (
  SELECT COUNT(*) FROM information_schema.statistics
   WHERE table_schema = DATABASE() AND table_name = 'messages' AND index_name = 'uq_messages_sender_client'
);
SET @sb_sql := IF(@sb_has_index > 0, 'ALTER TABLE messages DROP INDEX uq_messages_sender_client', 'DO 0');
PREPARE sb_stmt FROM @sb_sql;
EXECUTE sb_stmt;
DEALLOCATE PREPARE sb_stmt;
