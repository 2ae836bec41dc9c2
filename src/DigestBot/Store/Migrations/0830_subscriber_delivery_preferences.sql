-- A reader's own delivery choices: the local hour for digests delivered at local time, and words whose stories are left
-- out of their copy (one per line).
ALTER TABLE subscribers ADD COLUMN delivery_hour INTEGER;
ALTER TABLE subscribers ADD COLUMN muted_words TEXT;
