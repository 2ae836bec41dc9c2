-- When a reader changed their preferences, and which ones: field names only, never the values (muted words can say
-- more about a person than they meant to share). Keyed by the address's SHA-256, like suppressions.
CREATE TABLE preference_changes (
    address_hash TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    fields TEXT NOT NULL
);
CREATE INDEX preference_changes_by_address ON preference_changes (address_hash, changed_at);
