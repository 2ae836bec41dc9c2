-- Every article of every story an edition sent (the article shown and the other reports of the same story), so a later
-- edition of the same digest can leave out the whole story, not just the article that was shown.
CREATE TABLE edition_stories (
    edition_id TEXT NOT NULL,
    digest_id TEXT NOT NULL,
    section_id TEXT NOT NULL,
    story_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (edition_id, article_id)
);
CREATE INDEX ix_edition_stories_digest ON edition_stories (digest_id, article_id);
