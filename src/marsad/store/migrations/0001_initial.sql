-- marsad knowledge base, schema version 1: articles, their span layers, quarantine, runs.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL,            -- the input's own id (not unique: the same id may carry new content)
    content_hash  TEXT NOT NULL UNIQUE,     -- sha256 of cleaned title + text: ingestion is idempotent by it
    title         TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL,
    published     TEXT,                     -- ISO date or NULL
    source        TEXT,
    url           TEXT,
    metadata      TEXT NOT NULL DEFAULT '{}',  -- JSON (origin, format, encoding, dateline, removed, ...)
    ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX articles_doc_id ON articles(doc_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    type         TEXT NOT NULL,
    actor        TEXT,
    role         TEXT,
    affiliation  TEXT,
    recogniser   TEXT NOT NULL DEFAULT '',
    confidence   REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_actor ON mentions(actor);

CREATE TABLE dates (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT,
    calendar    TEXT NOT NULL DEFAULT 'gregorian'
);
CREATE INDEX dates_article ON dates(article_id);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    quad           TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL,   -- JSON list of actor codes or names
    target         TEXT NOT NULL,   -- JSON list
    date           TEXT,
    date_source    TEXT NOT NULL DEFAULT '',
    location       TEXT,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    evidence       TEXT NOT NULL,
    trigger_start  INTEGER NOT NULL DEFAULT -1,
    trigger_end    INTEGER NOT NULL DEFAULT -1,
    trigger        TEXT NOT NULL DEFAULT '',
    confidence     REAL NOT NULL DEFAULT 0.5
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type_date ON events(type, date);

-- One row per (event, actor, role): the pair index behind timelines and actor profiles.
CREATE TABLE event_actors (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor     TEXT NOT NULL,
    side      TEXT NOT NULL CHECK (side IN ('source', 'target')),
    PRIMARY KEY (event_id, actor, side)
);
CREATE INDEX event_actors_actor ON event_actors(actor);

CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    doc_id      TEXT NOT NULL,
    stage       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    origin      TEXT NOT NULL DEFAULT '',
    payload     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (origin, doc_id, stage)
);

CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    inputs       TEXT NOT NULL,   -- JSON list of input paths
    stats        TEXT NOT NULL DEFAULT '{}'
);
