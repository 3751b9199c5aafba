-- marsad knowledge base, schema version 2: actors, stories, canonical (deduplicated) events, Arabic full-text index.
-- Everything here is derived from version-1 rows, so an upgraded database is filled by `marsad stories --rebuild`.

-- Actors as seen in mentions and events: canonical names, plus aliases and roles with counts.
CREATE TABLE actors (
    code        TEXT PRIMARY KEY,
    type        TEXT NOT NULL DEFAULT '',   -- PER | ORG | GPE | LOC | FAC ('' when only seen in events)
    name_ar     TEXT NOT NULL DEFAULT '',
    name_en     TEXT NOT NULL DEFAULT '',
    mentions    INTEGER NOT NULL DEFAULT 0,
    events      INTEGER NOT NULL DEFAULT 0, -- per-article event rows naming the actor
    first_seen  TEXT,
    last_seen   TEXT
);
CREATE TABLE actor_aliases (
    code   TEXT NOT NULL REFERENCES actors(code) ON DELETE CASCADE,
    alias  TEXT NOT NULL,
    count  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (code, alias)
) WITHOUT ROWID;
CREATE TABLE actor_roles (
    code         TEXT NOT NULL REFERENCES actors(code) ON DELETE CASCADE,
    role         TEXT NOT NULL DEFAULT '',
    affiliation  TEXT NOT NULL DEFAULT '',
    count        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (code, role, affiliation)
) WITHOUT ROWID;

-- Stories: wire copies, reprints and same-event coverage across outlets.
CREATE TABLE stories (
    id               INTEGER PRIMARY KEY,
    seed_article_id  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    title            TEXT NOT NULL DEFAULT '',
    first_date       TEXT,
    last_date        TEXT,
    num_articles     INTEGER NOT NULL DEFAULT 0,
    num_sources      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last_date ON stories(last_date);

-- Per-article knowledge-base state: its story, how it joined it, and the signatures that
-- let a later run rebuild the LSH index without re-reading text.
CREATE TABLE article_kb (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL REFERENCES stories(id),
    link        TEXT NOT NULL CHECK (link IN ('seed', 'exact', 'near', 'topic')),
    linked_to   INTEGER,                -- the article it matched (NULL for a seed)
    similarity  REAL NOT NULL DEFAULT 1.0,
    text_hash   TEXT NOT NULL,          -- hash of the analysed word stems: exact text duplicates
    shingles    BLOB NOT NULL,          -- MinHash of word 3-shingles (near duplicates)
    topic       BLOB NOT NULL,          -- MinHash of content-word stems (same story, other wording)
    day         TEXT                    -- published date (YYYY-MM-DD) for time windows
);
CREATE INDEX article_kb_story ON article_kb(story_id);
CREATE INDEX article_kb_hash ON article_kb(text_hash);
CREATE INDEX article_kb_day ON article_kb(day);

-- Canonical events: per-article event rows merged across articles (same type, same actors,
-- date within a window, or same story when undated).  Counts are recomputed from event_mentions.
CREATE TABLE canonical_events (
    id                INTEGER PRIMARY KEY,
    type              TEXT NOT NULL,
    cameo             TEXT NOT NULL,
    quad              TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL,   -- JSON list
    target            TEXT NOT NULL,   -- JSON list
    actor_key         TEXT NOT NULL,   -- sorted sources | sorted targets
    date              TEXT,
    location          TEXT,
    story_id          INTEGER REFERENCES stories(id),
    confidence        REAL NOT NULL DEFAULT 0.0,
    num_mentions      INTEGER NOT NULL DEFAULT 0,
    num_articles      INTEGER NOT NULL DEFAULT 0,
    num_sources       INTEGER NOT NULL DEFAULT 0,
    first_article_id  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    date_added        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX canonical_events_key ON canonical_events(type, actor_key, date);
CREATE INDEX canonical_events_date ON canonical_events(date);
CREATE INDEX canonical_events_story ON canonical_events(story_id);

CREATE TABLE event_mentions (
    event_id      INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    canonical_id  INTEGER NOT NULL REFERENCES canonical_events(id) ON DELETE CASCADE
);
CREATE INDEX event_mentions_canonical ON event_mentions(canonical_id);

CREATE TABLE canonical_actors (
    canonical_id  INTEGER NOT NULL REFERENCES canonical_events(id) ON DELETE CASCADE,
    actor         TEXT NOT NULL,
    side          TEXT NOT NULL CHECK (side IN ('source', 'target')),
    PRIMARY KEY (canonical_id, actor, side)
) WITHOUT ROWID;
CREATE INDEX canonical_actors_actor ON canonical_actors(actor, canonical_id);

-- Arabic full-text search over analysed stems (normalised, clitics and light suffixes removed).
-- Contentless: the original text stays in `articles`; rowid = articles.id.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0');
