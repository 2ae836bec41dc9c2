-- Email batches of an edition delivered at readers' local time: each batch is due at one instant (unix ms; NULL = at
-- once) and holds the readers of one delivery group: their stored time zone ('' = none) and, when the digest lets
-- readers choose, their delivery hour (-1 = none). NULL group columns select every reader, as before.
ALTER TABLE email_batches ADD COLUMN due_at BIGINT;
ALTER TABLE email_batches ADD COLUMN group_zone TEXT;
ALTER TABLE email_batches ADD COLUMN group_hour INTEGER;
CREATE INDEX ix_email_batches_due ON email_batches (status, due_at);
