-- The story index's LSH buckets live in the database, not in memory, so that ingesting a
-- corpus of any size keeps memory flat.  One row per (signature kind, band, bucket key).
CREATE TABLE lsh_band (
    kind        INTEGER NOT NULL,   -- 0 = word-3-shingle MinHash (near duplicates), 1 = topic MinHash
    band        INTEGER NOT NULL,
    key         INTEGER NOT NULL,   -- 64-bit hash of the band's hash values
    article_id  INTEGER NOT NULL
);
CREATE INDEX lsh_band_lookup ON lsh_band(kind, band, key);
CREATE INDEX lsh_band_article ON lsh_band(article_id);
