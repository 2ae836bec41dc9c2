-- An edition is owned by one node at a time: owner + lease_until (unix ms). A node that dies stops renewing its lease
-- and another node (or the same one restarted) takes the edition over once the lease has run out.
ALTER TABLE editions ADD COLUMN owner TEXT;
ALTER TABLE editions ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
-- The digest exactly as first built (JSON), so a resumed edition sends the same content.
ALTER TABLE editions ADD COLUMN content TEXT;
CREATE INDEX ix_editions_status ON editions (status);

-- The email fan-out of an edition, cut into ranges of subscriber addresses (after_email exclusive, last_email
-- inclusive, NULL = to the end). Any node may claim a pending batch, or one whose lease ran out.
CREATE TABLE email_batches (
    edition_id TEXT NOT NULL,
    batch_no INTEGER NOT NULL,
    after_email TEXT NOT NULL,
    last_email TEXT,
    status TEXT NOT NULL,
    owner TEXT,
    lease_until BIGINT NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    completed_at BIGINT,
    PRIMARY KEY (edition_id, batch_no)
);
CREATE INDEX ix_email_batches_status ON email_batches (status, edition_id);
