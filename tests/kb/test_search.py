import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb_docs import make_doc
from marsad.kb.analysis import analyse_word
from marsad.kb.api import search
from marsad.store.db import Store, connect

DOCS = {
    "d1": "أقر البرلمان والاتفاقية الجديدة بعد نقاش طويل.",
    "d2": "رحبت الحكومة باتفاقية السلام في العاصمة.",
    "d3": "وقع البلدان الاتفاقيات الاقتصادية أمس.",
    "d4": "انتقد المراقبون سير الانتخابات في المدينة.",
    "d5": "قال وزير الخارجية إن المحادثات كانت مثمرة.",
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "s.db"
    docs = [make_doc(k, v, published=f"2018-0{i + 1}-10", source="outlet_a" if i % 2 else "outlet_b",
                     entities=[("الحكومة", "ORG", "EGY")] if k == "d2" else [])
            for i, (k, v) in enumerate(DOCS.items())]
    with Store(path) as s:
        s.write_batch(docs)
    return connect(path)


def _ids(page):
    return sorted(h.article.doc_id for h in page.hits)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("اتفاقية", ["d1", "d2", "d3"]),
        ("والاتفاقية", ["d1", "d2", "d3"]),
        ("باتفاقية", ["d1", "d2", "d3"]),
        ("الاتفاقيات", ["d1", "d2", "d3"]),
        ("للاتفاقيات", ["d1", "d2", "d3"]),
        ("مراقبين", ["d4"]),
        ("المراقب", ["d4"]),
        ("اتفاقية السلام", ["d2"]),  # all terms must match
        ('"الاتفاقيات الاقتصادية"', ["d3"]),  # phrase
        ('"الاقتصادية الاتفاقيات"', []),  # phrase order matters
        ("وزير الخارجية", ["d5"]),
        ("غواصة", []),
    ],
)
def test_clitic_and_plural_forms_match(conn, query, expected):
    assert _ids(search(conn, query)) == expected


@pytest.mark.parametrize(
    "query",
    ['"', '""', "'", "*", "اتفاقية*", "-اتفاقية", "NEAR(اتفاقية السلام)", "(اتفاقية", "اتفاقية OR سلام",
     "AND", "NOT اتفاقية", "^اتفاقية", "col:اتفاقية", "title:اتفاقية", "{}", "اتفاقية + سلام", "'; DROP TABLE articles; --", ""],
)
def test_fts_syntax_in_user_input_never_breaks_the_query(conn, query):
    page = search(conn, query)  # must not raise
    assert page.total >= len(page.hits)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(DOCS)


def test_filters(conn):
    assert _ids(search(conn, "اتفاقية", source="outlet_a")) == ["d2"]
    assert _ids(search(conn, "اتفاقية", date_from="2018-02-01", date_to="2018-03")) == ["d2", "d3"]
    assert _ids(search(conn, "اتفاقية", date_to="2018-01-10")) == ["d1"]
    assert _ids(search(conn, "اتفاقية", actor="EGY")) == ["d2"]
    assert _ids(search(conn, "اتفاقية", type="AGREE")) == []


def test_paging(conn):
    first = search(conn, "اتفاقية", limit=2)
    second = search(conn, "اتفاقية", limit=2, offset=2)
    assert first.total == second.total == 3
    assert len(first.hits) == 2 and len(second.hits) == 1
    assert not {h.article.id for h in first.hits} & {h.article.id for h in second.hits}


def test_highlights_are_original_text(conn):
    page = search(conn, "الاتفاقيات")
    for hit in page.hits:
        text = conn.execute("SELECT text FROM articles WHERE id = ?", (hit.article.id,)).fetchone()[0]
        assert text[hit.snippet_start:hit.snippet_start + len(hit.snippet)] == hit.snippet
        body = [h for h in hit.highlights if h.field == "text"]
        assert body
        for h in body:
            assert text[h.start:h.end] == h.text
            assert analyse_word(h.text) == "اتفاقي"


WORDS = ["قال", "الرئيس", "في", "بيان", "الحكومة", "اليوم", "مع", "المعارضة", "بعد", "اجتماع", "،", ".", "ً"]
FORMS = ["اتفاقية", "والاتفاقية", "باتفاقية", "الاتفاقيات", "للاتفاقية", "الاتفاقيه"]


@given(st.lists(st.sampled_from(WORDS), max_size=120), st.lists(st.sampled_from(FORMS), min_size=1, max_size=4),
       st.randoms(use_true_random=False))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_snippet_offsets_map_into_original_text(tmp_path_factory, filler, forms, rnd):
    words = list(filler)
    for f in forms:
        words.insert(rnd.randint(0, len(words)), f)
    text = " ".join(words)
    path = tmp_path_factory.mktemp("h") / "h.db"
    with Store(path) as s:
        s.write_batch([make_doc("h", text)])
    c = connect(path)
    page = search(c, "اتفاقية")
    assert page.total == 1
    hit = page.hits[0]
    assert text[hit.snippet_start:hit.snippet_start + len(hit.snippet)] == hit.snippet
    body = [h for h in hit.highlights if h.field == "text"]
    assert body, text
    for h in body:
        assert text[h.start:h.end] == h.text and h.text in forms
        assert hit.snippet_start <= h.start and h.end <= hit.snippet_start + len(hit.snippet)
    c.close()


def test_search_works_on_a_plain_connection(tmp_path):
    path = tmp_path / "p.db"
    with Store(path) as s:
        s.write_batch([make_doc("p", DOCS["d2"])])
    raw = sqlite3.connect(path)  # no row_factory
    assert _ids(search(raw, "اتفاقيات")) == ["p"]


@given(st.text(alphabet=st.sampled_from(list('"*-^:()+{}[]\'.,؛،ORANDNEAR اتفاقيةوالسلامب0123456789\\')), max_size=40))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_user_query_is_safe(conn, q):
    from marsad.kb.search import parse_query

    pq = parse_query(q)
    page = search(conn, q, limit=3)
    assert page.total >= len(page.hits)
    assert set(page.terms) == set(pq.terms)
