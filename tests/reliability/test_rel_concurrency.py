"""Two `marsad run` processes on one database, with overlapping inputs, while a
reader queries in a loop; and the write lock serialising two Store connections."""
from __future__ import annotations

import sqlite3
import subprocess
import threading
import time

import pytest
from rel_helpers import REPO, check_db, counts, marsad_run_cmd, run_env, write_corpus

from marsad.model import Document
from marsad.store.db import Store, connect


@pytest.mark.slow
def test_two_writers_and_a_reader(tmp_path):
    a = write_corpus(tmp_path / "a.jsonl", 400, start=0, bad_every=0)
    b = write_corpus(tmp_path / "b.jsonl", 400, start=200, bad_every=0)  # 200 documents in common
    db, ref = tmp_path / "shared.db", tmp_path / "ref.db"
    connect(db).close()  # created and migrated once, so the reader can open it at once

    reads: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader():
        conn = connect(db, readonly=True)
        try:
            while not stop.is_set():
                n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                conn.execute("SELECT a.id, count(e.id) FROM articles a LEFT JOIN events e ON e.article_id = a.id"
                             " GROUP BY a.id ORDER BY a.id DESC LIMIT 20").fetchall()
                assert not reads or n >= reads[-1], "a reader saw the article count go down"
                reads.append(n)
                time.sleep(0.02)
        except BaseException as err:  # noqa: BLE001 - handed to the test thread
            errors.append(err)
        finally:
            conn.close()

    # The reference (one run over the union) runs at the same time, so that all three
    # see the same code and resources.
    union = tmp_path / "union.jsonl"
    union.write_bytes(a.path.read_bytes() + b"\n".join(b.path.read_bytes().splitlines()[200:]) + b"\n")
    thread = threading.Thread(target=reader)
    thread.start()
    procs = [subprocess.Popen(marsad_run_cmd([c.path], db, "--batch-size", "25"), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=run_env(), cwd=REPO) for c in (a, b)]
    procs.append(subprocess.Popen(marsad_run_cmd([union], ref), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  env=run_env(), cwd=REPO))
    try:
        results = [p.communicate(timeout=300) for p in procs]
    finally:
        stop.set()
        thread.join()
    for p, (_, err) in zip(procs, results):
        assert p.returncode == 0, err.decode()[-2000:]
    assert not errors, errors
    assert len(reads) > 5 and reads[-1] > 0

    ids = set(a.good_ids) | set(b.good_ids)
    check_db(db, ids, 0)
    check_db(ref, ids, 0)
    # Per-article layers are those of a single run over the union.
    got, want = counts(db), counts(ref)
    for table in ("articles", "mentions", "dates", "events", "event_actors", "article_kb", "event_mentions"):
        assert got[table] == want[table], table


def _doc(i: int) -> Document:
    return Document(id=f"w{i}", text=f"نص تجريبي رقم {i} عن اجتماع الوزراء.", title=f"عنوان {i}")


def test_write_lock_serialises_writers(tmp_path):
    """While one connection holds BEGIN IMMEDIATE, another's batch waits, then succeeds."""
    db = tmp_path / "lock.db"
    with Store(db) as first, Store(db) as second:
        first.conn.execute("BEGIN IMMEDIATE")
        first.conn.execute("INSERT INTO quarantine (doc_id, stage, reason) VALUES ('x', 'read', 'held')")
        done = threading.Event()
        result: list = []

        def write():
            result.append(second.write_batch([_doc(1)]))
            done.set()

        t = threading.Thread(target=write)
        t.start()
        assert not done.wait(0.5), "the second writer did not wait for the lock"
        first.conn.execute("COMMIT")
        t.join(timeout=30)
        assert result == [(1, 0)]
        # The first connection sees the other's commit and its own: nothing lost.
        assert first.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert first.conn.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 1


def test_same_document_from_two_writers_is_stored_once(tmp_path):
    """Both processes may process one document (the hash check comes first); the
    content-hash constraint keeps one article and one set of layers."""
    db = tmp_path / "dup.db"
    with Store(db) as first, Store(db) as second:
        assert first.write_batch([_doc(7)]) == (1, 0)
        assert second.write_batch([_doc(7)]) == (0, 0)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM article_kb").fetchone()[0] == 1
    conn.close()


def test_second_writer_sees_stories_of_the_first(tmp_path):
    """A near-duplicate written by connection B after A's commit joins A's story
    (the in-memory story index is reloaded when another writer committed)."""
    db = tmp_path / "stories.db"
    base = ("القاهرة - التقى وزير الخارجية المصري نظيره الأردني اليوم في عمان لبحث التعاون الاقتصادي بين البلدين "
            "وملف اللاجئين، وأكد الوزيران أهمية مواصلة التنسيق في القضايا الإقليمية.")
    a = Document(id="a", text=base, title="لقاء وزيري الخارجية", published="2022-05-01")
    b = Document(id="b", text=base + " وقال المتحدث إن اللقاء كان مثمرا.", title="لقاء وزيري الخارجية",
                 published="2022-05-01")
    c = Document(id="c", text="نص آخر لا علاقة له بالخبر الأول عن الطقس في الرباط.", title="الطقس",
                 published="2022-05-01")
    with Store(db) as first, Store(db) as second:
        second.write_batch([c])  # B loads its story index before A writes
        first.write_batch([a])
        second.write_batch([b])
    conn = sqlite3.connect(db)
    story = dict(conn.execute("SELECT a.doc_id, k.story_id FROM article_kb k JOIN articles a ON a.id = k.article_id"))
    conn.close()
    assert story["a"] == story["b"] != story["c"]
