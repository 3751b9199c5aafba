import sqlite3

import pytest

from marsad.model import DateMention, Document, Entity, Event
from marsad.pipeline import Failure
from marsad.store.db import Store, StoreError, connect, migrations, schema_version
from marsad.store.queries import counts, load_document, timeline

TEXT = "وقعت قطر اتفاقا مع حلف الناتو في 18 يناير 2018."


def _doc(doc_id="a1", text=TEXT) -> Document:
    d = Document(id=doc_id, text=text, title="عنوان", published="2018-01-19", source="test")
    d.entities = [Entity(5, 8, "قطر", type="GPE", actor="QAT"), Entity(19, 29, "حلف الناتو", type="ORG", actor="NATO")]
    i = text.index("18 يناير 2018")
    d.dates = [DateMention(i, i + 13, "18 يناير 2018", value="2018-01-18")]
    d.events = [Event("AGREE", "057", ["QAT"], ["NATO"], 0, len(text) - 1, text[:-1], date="2018-01-18")]
    d.check()
    return d


def test_fresh_database_is_at_latest_version(tmp_path):
    conn = connect(tmp_path / "m.db")
    assert schema_version(conn) == len(migrations())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_older_database_upgrades_in_place(tmp_path):
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    raw.close()  # version 0: empty file
    conn = connect(path)
    assert schema_version(conn) == len(migrations())


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 999")
    raw.close()
    with pytest.raises(StoreError):
        connect(path)


def test_write_is_idempotent_by_content_hash(tmp_path):
    with Store(tmp_path / "m.db") as s:
        assert s.write_batch([_doc()]) == (1, 0)
        assert s.write_batch([_doc()]) == (0, 0)
        # same id, new content: kept as a new article
        assert s.write_batch([_doc(text=TEXT + " ")]) == (1, 0)
        assert counts(s.conn)["articles"] == 2


def test_failures_are_quarantined_once(tmp_path):
    f = Failure("x", "read", "empty file", "a.txt")
    with Store(tmp_path / "m.db") as s:
        assert s.write_batch([f]) == (0, 1)
        assert s.write_batch([f]) == (0, 0)
        row = s.conn.execute("SELECT doc_id, stage, reason, origin FROM quarantine").fetchone()
        assert tuple(row) == ("x", "read", "empty file", "a.txt")


def test_batch_rolls_back_as_a_whole(tmp_path):
    class Boom(Document):
        @property
        def content_hash(self):
            raise RuntimeError("crash mid-batch")

    with Store(tmp_path / "m.db") as s:
        bad = Boom(id="b", text="نص")
        with pytest.raises(RuntimeError):
            s.write_batch([_doc(), bad])
        assert counts(s.conn)["articles"] == 0


def test_round_trip_and_timeline(tmp_path):
    with Store(tmp_path / "m.db") as s:
        s.write_batch([_doc()])
        doc = load_document(s.conn, "a1")
        doc.check()
        assert doc.entities[0].actor == "QAT" and doc.dates[0].value == "2018-01-18"
        (entry,) = timeline(s.conn, "NATO", "QAT")
        assert entry.date == "2018-01-18" and entry.type == "AGREE"
        assert timeline(s.conn, "QAT", "USA") == []
