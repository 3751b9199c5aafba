import json

import pytest
from hypothesis import given, strategies as st

from marsad.model import DateMention, Document, Entity, Event, SpanError


@st.composite
def documents(draw):
    text = draw(st.text(max_size=80))
    doc = Document(id=draw(st.text(min_size=1, max_size=10)), text=text, title=draw(st.text(max_size=10)),
                   published=draw(st.one_of(st.none(), st.just("2018-04-10"))),
                   metadata={"k": draw(st.integers())})
    for _ in range(draw(st.integers(0, 4))):
        s = draw(st.integers(0, len(text)))
        e = draw(st.integers(s, len(text)))
        doc.entities.append(Entity(s, e, text[s:e], type="GPE", actor=draw(st.one_of(st.none(), st.just("QAT")))))
        doc.dates.append(DateMention(s, e, text[s:e], value=None))
        doc.events.append(Event("AGREE", "057", ["QAT"], [], s, e, text[s:e], trigger_start=s, trigger_end=e, trigger=text[s:e]))
    return doc


@given(documents())
def test_json_round_trip_is_lossless(doc):
    doc.check()
    back = Document.from_json(doc.to_json())
    assert back == doc
    assert json.loads(back.to_json()) == json.loads(doc.to_json())


def test_check_rejects_misaligned_span():
    doc = Document(id="x", text="قطر والناتو")
    doc.entities.append(Entity(0, 3, "قطا", type="GPE"))
    with pytest.raises(SpanError):
        doc.check()


def test_record_has_the_contract_fields():
    doc = Document(id="x", text="قطر", published="2018-01-01")
    doc.entities.append(Entity(0, 3, "قطر", type="GPE", actor="QAT"))
    rec = doc.to_record()
    for key in ("id", "title", "source", "url", "published", "text", "entities", "dates", "events"):
        assert key in rec
    assert rec["entities"][0] == {"start": 0, "end": 3, "text": "قطر", "type": "GPE", "actor": "QAT"}


def test_content_hash_depends_on_text_and_title():
    a = Document(id="1", text="نص", title="ع")
    assert a.content_hash == Document(id="2", text="نص", title="ع").content_hash
    assert a.content_hash != Document(id="1", text="نص ", title="ع").content_hash
