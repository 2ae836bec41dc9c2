ALTER TABLE discord_posts ADD COLUMN channel_id TEXT;

CREATE TABLE discord_destinations (
    destination TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    target_hash TEXT NOT NULL,
    http_status INTEGER,
    error_code INTEGER,
    reason TEXT,
    changed_at BIGINT NOT NULL
);
