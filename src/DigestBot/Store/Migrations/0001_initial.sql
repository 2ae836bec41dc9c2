CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL,
    section_id TEXT NOT NULL,
    link TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT,
    content_html TEXT,
    author TEXT,
    published BIGINT NOT NULL,
    updated BIGINT,
    categories TEXT,
    image_url TEXT,
    feed_position INTEGER NOT NULL,
    source_name TEXT,
    rights TEXT,
    first_seen BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_articles_link ON articles (link);
CREATE INDEX ix_articles_section_published ON articles (section_id, published);
CREATE INDEX ix_articles_section_first_seen ON articles (section_id, first_seen);

CREATE TABLE source_status (
    source_id TEXT PRIMARY KEY,
    last_attempt BIGINT,
    last_success BIGINT,
    last_error TEXT,
    etag TEXT,
    last_modified TEXT,
    items INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE editions (
    id TEXT PRIMARY KEY,
    digest_id TEXT NOT NULL,
    slot BIGINT NOT NULL,
    claimed_at BIGINT NOT NULL,
    completed_at BIGINT,
    status TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    emails_sent INTEGER NOT NULL DEFAULT 0,
    emails_failed INTEGER NOT NULL DEFAULT 0,
    discord_posts INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE UNIQUE INDEX ux_editions_slot ON editions (digest_id, slot);

CREATE TABLE edition_articles (
    edition_id TEXT NOT NULL,
    digest_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    section_id TEXT NOT NULL,
    PRIMARY KEY (edition_id, article_id)
);
CREATE INDEX ix_edition_articles_digest ON edition_articles (digest_id, article_id);

CREATE TABLE subscribers (
    email TEXT PRIMARY KEY,
    name TEXT,
    sections TEXT NOT NULL DEFAULT '',
    digests TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    time_zone TEXT,
    created_at BIGINT NOT NULL,
    bounces INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE email_deliveries (
    edition_id TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    message_id TEXT,
    sent_at BIGINT,
    PRIMARY KEY (edition_id, email)
);

CREATE TABLE discord_posts (
    edition_id TEXT NOT NULL,
    destination TEXT NOT NULL,
    part INTEGER NOT NULL,
    message_id TEXT,
    posted_at BIGINT NOT NULL,
    PRIMARY KEY (edition_id, destination, part)
);
