"""The dates stage in the pipeline."""
from __future__ import annotations

import pickle

from marsad.model import Document
from marsad.pipeline import TextLayer, check_order, default_stages
from marsad.stages.dates import DateStage


def test_stage_fills_dates_with_exact_spans():
    doc = Document("d1", "أعلن الوزير أمس الجمعة أن الاتفاق وقع في 5 مارس/آذار 2016.", published="2018-04-14")
    doc = DateStage()(TextLayer()(doc))
    doc.check()
    assert [(d.text, d.value) for d in doc.dates] == [("أمس الجمعة", "2018-04-13"), ("5 مارس/آذار 2016", "2016-03-05")]


def test_stage_declares_layers_and_pickles():
    st = DateStage()
    assert (st.name, st.requires, st.provides) == ("dates", ("text", "tokens"), ("dates",))
    check_order([TextLayer(), st])
    assert isinstance(pickle.loads(pickle.dumps(st)), DateStage)
    assert any(isinstance(s, DateStage) for s in default_stages())


def test_no_published_gives_none_values():
    doc = DateStage()(TextLayer()(Document("d2", "وصل الوفد اليوم")))
    assert [(d.text, d.value) for d in doc.dates] == [("اليوم", None)]
