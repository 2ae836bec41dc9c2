-- One row per digest, taken (upserted) first in the transaction that records an edition's articles. Two editions of one
-- digest built at the same time (a start-up catch-up beside a scheduled run, or two nodes) therefore record one after
-- the other, and the later one sees the earlier one's articles instead of sending them a second time.
CREATE TABLE digest_locks (
    digest_id TEXT PRIMARY KEY,
    edition_id TEXT NOT NULL
);
