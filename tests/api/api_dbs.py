"""Databases for the API and browser tests: the bundled sample, and hand-written hostile articles.

Imported by tests/api/conftest.py and loaded by path from tests/web/conftest.py (no text from ../shared).
"""
from __future__ import annotations

from pathlib import Path

from marsad.model import Document, Entity, Event
from marsad.store.db import Store

XSS_TITLE = 'عنوان <script>window.__xss = 1; alert(1)</script> خبيث'
XSS_IMG = '<img src=x onerror="window.__xss = 2; alert(2)">'
XSS_TEXT = (
    "وقعت قطر وحلف الناتو اتفاقية جديدة " + XSS_IMG + " في بروكسل. "
    "وقال مسؤول إن <b onmouseover=alert(3)>الاتفاقية</b> تشمل التدريب. "
    "<script>window.__xss = 4</script> \"'; DROP TABLE articles; -- "
)
XSS_URL = "javascript:window.__xss=5;alert(5)"


def sample_db(path: Path) -> Path:
    """The bundled sample run through the whole pipeline (a few seconds)."""
    from marsad.runner import ingest
    from marsad.sample import sample_paths

    ingest([str(p) for p in sample_paths()], path)
    return path


def _find(text: str, surface: str) -> tuple[int, int]:
    i = text.index(surface)
    return i, i + len(surface)


def hostile_docs() -> list[Document]:
    text = XSS_TEXT
    d = Document(id="hostile-1", text=text, title=XSS_TITLE, published="2019-05-01", source="<i>outlet</i>",
                 url=XSS_URL, metadata={"removed": [{"rule": "<script>x</script>", "text": XSS_IMG}]})
    for surface, typ, actor in (("قطر", "GPE", "QAT"), ("الناتو", "ORG", "NATO")):
        s, e = _find(text, surface)
        d.entities.append(Entity(s, e, surface, type=typ, actor=actor))
    # An entity over hostile markup, with a hostile actor code: both must come out escaped.
    s, e = _find(text, XSS_IMG)
    d.entities.append(Entity(s, e, XSS_IMG, type="ORG", actor='"><script>alert(6)</script>'))
    s, e = _find(text, "وقعت قطر وحلف الناتو اتفاقية جديدة " + XSS_IMG)
    d.events.append(Event("AGREE", "057", ["QAT"], ["NATO"], s, e, text[s:e], date="2019-04-30",
                          location="بروكسل", confidence=0.9, quad="verbal cooperation",
                          trigger_start=s, trigger_end=s + 4, trigger=text[s:s + 4]))
    d.check()
    benign = Document(id="benign-1", text="وقال الوزير إن الاتفاقية الجديدة مع الناتو مهمة.", title="خبر عادي",
                      published="2019-05-02", source="outlet_b", url="https://example.org/a?x=1&y=<2>")
    return [d, benign]


def hostile_db(path: Path) -> Path:
    with Store(path) as s:
        s.write_batch(hostile_docs())
    return path
