import pytest

from marsad.model import Document, Entity, Event
from marsad.store.db import Store
from marsad.store.queries import counts, event_from_row, load_document

TEXT = "استقبل الرئيس المصري وفدا من الاتحاد الأوروبي في القاهرة، وبحث الجانبان ملف الهجرة."


def _doc() -> Document:
    d = Document(id="q1", text=TEXT, title="لقاء", published="2018-05-01", source="outlet")
    eu = TEXT.index("الاتحاد الأوروبي")
    d.entities = [Entity(eu, eu + 16, "الاتحاد الأوروبي", type="ORG", actor="EU")]
    meet = TEXT.index("وبحث")
    # two events at the same start: the load order must still be the insertion order
    d.events = [Event("CONSULT", "040", ["EGY"], ["EU"], meet, len(TEXT) - 1, TEXT[meet:-1]),
                Event("COOPERATE", "060", ["EGY"], ["EU"], meet, len(TEXT) - 1, TEXT[meet:-1]),
                Event("CONSULT", "040", ["EGY"], ["EU"], 0, meet - 2, TEXT[:meet - 2])]
    d.check()
    return d


@pytest.mark.parametrize("ref", ["q1", "1"])
def test_load_document_round_trip(tmp_path, ref):
    with Store(tmp_path / "q.db") as s:
        s.write_batch([_doc()])
        doc = load_document(s.conn, ref)
    assert doc is not None
    doc.check()
    assert [e.type for e in doc.events] == ["CONSULT", "CONSULT", "COOPERATE"]
    assert doc.entities[0].actor == "EU"


def test_counts_and_event_rows(tmp_path):
    with Store(tmp_path / "q.db") as s:
        s.write_batch([_doc()])
        assert counts(s.conn)["events"] == 3
        ev = event_from_row(s.conn.execute("SELECT * FROM events ORDER BY id LIMIT 1").fetchone())
    assert ev.type == "CONSULT" and ev.source == ["EGY"]
