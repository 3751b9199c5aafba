"""Acceptance on the seed article (read from ../shared at run time, never copied).

The entity and date layers here come from a small gazetteer written for this test
(names and dates as a recogniser should find them), so the events stage is tested
on its own; tests/events/test_pipeline_seed.py-style checks on the real stages
belong to the lead's integration suite.
"""
from __future__ import annotations

import pytest

from marsad.events.extract import events_of
from marsad.events.oracle import find_all
from marsad.model import DateMention, Document, Entity
from marsad.pipeline import TextLayer
from tests.conftest import shared_path

CHROME = ("قد يعجبك ايضا", "التعليقات مغلقة.")
NAMES = {
    "دولة قطر": ("GPE", "QAT"), "قطر": ("GPE", "QAT"), "الدوحة": ("GPE", "QAT"),
    "حلف شمال الأطلسي": ("ORG", "NATO"), "حلف الناتو": ("ORG", "NATO"), "الناتو": ("ORG", "NATO"),
    "ناتو": ("ORG", "NATO"), "الحلف": ("ORG", "NATO"), "بروكسيل": ("GPE", None), "بروكسل": ("GPE", None),
    "بلجيكا": ("GPE", "BEL"), "العديد": ("FAC", None), "القاعدة": ("FAC", None),
    "الخارجية القطرية": ("ORG", "QAT"), "تميم بن حمد آل ثاني": ("PER", None),
}
DATES = {"16 فبراير/شباط 2005": "2005-02-16", "18 يناير/كانون الثاني 2018": "2018-01-18",
         "مارس/آذار 2018": "2018-03", "اليوم": None}


def seed_document() -> Document:
    raw = shared_path("seeds", "000_5d3db40c777d7577.txt").read_text(encoding="utf-8")
    title, _, body = raw.partition("\n")
    for chrome in reversed(CHROME):
        body = body.removesuffix(chrome).rstrip()
    doc = TextLayer()(Document(id="seed", text=body, title=title, published=None))
    taken, ents = [], []
    for name in sorted(NAMES, key=len, reverse=True):
        for i in find_all(body, name):
            j = i + len(name)
            if not any(i < e and s < j for s, e in taken):
                taken.append((i, j))
                ents.append(Entity(i, j, name, type=NAMES[name][0], actor=NAMES[name][1]))
    doc.entities = sorted(ents, key=lambda e: e.start)
    doc.dates = sorted((DateMention(i, i + len(t), t, value=v) for t, v in DATES.items() for i in find_all(body, t)),
                       key=lambda d: d.start)
    return doc


@pytest.fixture(scope="module")
def seed_events():
    doc = seed_document()
    evs = events_of(doc)
    for ev in evs:
        ev.check(doc.text)
    return doc, evs


def _has(evs, etype, source, target, date="any", location=None):
    for ev in evs:
        if ev.type != etype or source not in ev.source or target not in ev.target:
            continue
        if date != "any" and ev.date != date:
            continue
        if location and ev.location != location:
            continue
        return True
    return False


def test_signing_in_brussels(seed_events):
    _, evs = seed_events
    assert _has(evs, "AGREE", "QAT", "NATO", location="بروكسيل")


@pytest.mark.parametrize("etype,date", [("COOPERATE", "2005-02-16"), ("AGREE", "2018-01-18"), ("AGREE", "2018-03")])
def test_background_events_keep_their_dates(seed_events, etype, date):
    _, evs = seed_events
    assert _has(evs, etype, "QAT", "NATO", date=date)


def test_hosting_forces_is_cooperation(seed_events):
    _, evs = seed_events
    assert any(e.type == "COOPERATE" and "QAT" in e.source and set(e.target) & {"NATO", "USA", "GBR"}
               and ("تستضيف" in e.text or "استضافت" in e.text) for e in evs)


def test_no_event_from_future_offices(seed_events):
    doc, evs = seed_events
    future = doc.text.index("سيتم فتح مكاتب")
    assert not any(e.trigger_start >= future and e.trigger_end <= future + len("سيتم فتح مكاتب") for e in evs)
