"""Offset invariants: the stage never raises, and every event span is inside its document."""
from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings, strategies as st

from marsad.model import Document
from marsad.pipeline import TextLayer
from marsad.stages.events import EventStage
from tests.events.helpers import make_doc

WORDS = ["وقعت", "مصر", "اتفاقية", "مع", "الأردن", "لم", "سيتم", "قصفت", "الطائرات", "السورية", "،", ".", "\n",
         "في", "عام 2018", "أمس", "وكانت", "طالبت", "إيران", "بالانسحاب", "ﻻ", "\u0640", "ً", "(", ")", "إليها", "x"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_events_inside_document_on_word_soup(text):
    doc = EventStage()(make_doc(text))
    for ev in doc.events:
        assert 0 <= ev.start <= ev.end <= len(doc.text)
        ev.check(doc.text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_stage_never_raises_on_arbitrary_text(text):
    doc = TextLayer()(Document(id="h", text=text))
    doc = EventStage()(doc)
    doc.check()


def test_stage_is_picklable_and_declares_layers():
    st_ = EventStage()
    assert pickle.loads(pickle.dumps(st_)).name == "events"
    assert st_.requires == ("sentences", "tokens", "entities", "dates") and st_.provides == ("events",)
