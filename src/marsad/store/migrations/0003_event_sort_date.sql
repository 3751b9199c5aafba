-- schema version 3: a stored sort key for canonical events, so date-ordered listings page through an index
-- instead of sorting every event.  sort_date is the event date, or for undated events '~' followed by
-- the first article's publication date ('~' sorts after digits: undated events come last).
ALTER TABLE canonical_events ADD COLUMN sort_date TEXT NOT NULL DEFAULT '~';
UPDATE canonical_events SET sort_date = coalesce(date, '~' || coalesce((SELECT published FROM articles WHERE id = first_article_id), ''));
CREATE INDEX canonical_events_sort ON canonical_events(sort_date, id);
