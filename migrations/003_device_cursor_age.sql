-- 003: device_cursors remember when each was last written, so cursors of devices that stopped
-- acking (a client that makes up a device id per launch leaves one set behind each time) can be
-- deleted after CURSOR_TTL_MS. Rows written before this migration count as written now.
-- Re-runnable: the column and the index are added only while missing (MySQL 8 has no
-- ADD COLUMN IF NOT EXISTS).
SET @sb_has_column := (
  SELECT COUNT(*) FROM information_schema.columns
   WHERE table_schema = DATABASE() AND table_name = 'device_cursors' AND column_name = 'updated_at_ms'
);
SET @sb_sql := IF(
  @sb_has_column > 0,
  'DO 0',
  CONCAT('ALTER TABLE device_cursors ADD COLUMN updated_at_ms BIGINT NOT NULL DEFAULT ', CAST(UNIX_TIMESTAMP() * 1000 AS UNSIGNED))
);
PREPARE sb_stmt FROM @sb_sql;
EXECUTE sb_stmt;
DEALLOCATE PREPARE sb_stmt;

SET @sb_has_index := (
  SELECT COUNT(*) FROM information_schema.statistics
   WHERE table_schema = DATABASE() AND table_name = 'device_cursors' AND index_name = 'ix_cursors_updated'
);
SET @sb_sql := IF(@sb_has_index > 0, 'DO 0', 'ALTER TABLE device_cursors ADD KEY ix_cursors_updated (updated_at_ms)');
PREPARE sb_stmt FROM @sb_sql;
EXECUTE sb_stmt;
DEALLOCATE PREPARE sb_stmt;
