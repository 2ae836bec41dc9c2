-- The bounce-rate check after each batch counts the edition's refused messages: with this index it reads only the
-- failed rows, not the whole ledger of a large edition.
CREATE INDEX ix_email_deliveries_failed ON email_deliveries (edition_id) WHERE status = 'failed';
