-- Addresses deleted from the subscriber list, kept only as a SHA-256 of the normalised address so an import, an add or
-- start-up seeding cannot bring them back. Only the reader's own confirmed opt-in removes a row.
CREATE TABLE suppressions (
    address_hash TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    suppressed_at BIGINT NOT NULL
);
