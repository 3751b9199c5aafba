"""Knowledge-base invariants on real articles read from ../shared at run time (skips when absent)."""
import gzip
import itertools
import json

import pytest

from marsad.kb.analysis import analyse_word
from marsad.kb.api import search, stats
from marsad.model import Document
from marsad.store.db import Store, connect

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from tests.conftest import shared_path as sp

    path = sp("data", "news", "ant2018_politics.jsonl.gz")
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, 0, 4000, 25):  # 160 articles spread over the file
            r = json.loads(line)
            docs.append(Document(id=r["id"], text=r["text"], title=r.get("title", ""), published=None,
                                 source=r.get("source")))
    db = tmp_path_factory.mktemp("corpus") / "c.db"
    with Store(db) as s:
        s.write_batch(docs)
    return docs, connect(db)


def test_every_article_is_found_by_one_of_its_words(corpus):
    docs, conn = corpus
    by_id = {d.id: d for d in docs}
    for d in docs[:40]:
        chunks = d.text.split()
        starts = [i for i in range(len(chunks) // 2, len(chunks) - 3) if len(analyse_word(chunks[i])) >= 5]
        if not starts:
            continue
        # three consecutive whitespace chunks as a phrase (quotes inside them become spaces)
        q = '"' + " ".join(chunks[starts[0]:starts[0] + 3]).replace('"', " ") + '"'
        page = search(conn, q, limit=50)
        hit = next((h for h in page.hits if h.article.doc_id == d.id), None)
        assert hit is not None, q
        text = by_id[d.id].text
        assert text[hit.snippet_start:hit.snippet_start + len(hit.snippet)] == hit.snippet
        for h in hit.highlights:
            if h.field == "text":
                assert text[h.start:h.end] == h.text


def test_reingest_adds_nothing(corpus):
    docs, conn = corpus
    before = stats(conn)
    with Store(conn.execute("PRAGMA database_list").fetchone()[2]) as s:
        assert s.write_batch(docs) == (0, 0)
    assert stats(conn) == before
