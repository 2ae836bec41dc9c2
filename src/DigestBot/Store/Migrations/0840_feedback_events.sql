-- Bounces and complaints reported after sending (a bounce mailbox, a provider's webhook), one row per event. event_key
-- makes a report read twice, or a webhook retried, count once. Also lifted bounce suppressions ('lifted', with the
-- operator's reason), so soft bounces from before a lift no longer count.
CREATE TABLE feedback_events (
    event_key TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    edition_id TEXT,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT,
    detail TEXT,
    occurred_at BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX ix_feedback_events_email ON feedback_events (email, kind, occurred_at);
CREATE INDEX ix_feedback_events_edition ON feedback_events (edition_id, kind);

-- A bounce names the message it is about by its Message-Id (or by the return path made from it).
CREATE INDEX ix_email_deliveries_message_id ON email_deliveries (message_id);
