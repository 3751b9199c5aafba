"""Invariants of the scorer on generated records (hypothesis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.eval import score
from marsad.eval.oracle import gold_as_system

# Own vocabulary; no word is a substring of another, so occurrences never nest.
WORDS = ["قطر", "الأردن", "بغداد", "الناتو", "السبت", "أمس", "مارس", "2018", "وفد", "اتفاق", "سالم"]
TYPES = ["PER", "ORG", "GPE", "LOC", "FAC"]
CODES = ["QAT", "JOR", "IRQ", "NATO", "UN", None]
EVENT_TYPES = ["AGREE", "CONSULT", "ACCUSE", "ASSAULT", "PROTEST"]
VALUES = ["2018", "2018-03", "2018-03-10", "2017-11-02"]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
actor_lists = st.lists(st.sampled_from([c for c in CODES if c] + ["متظاهرون"]), max_size=2)
gold_entities = st.lists(
    st.fixed_dictionaries(
        {"type": st.sampled_from(TYPES), "actor": st.sampled_from(CODES),
         "mentions": st.lists(st.sampled_from(WORDS), min_size=1, max_size=3, unique=True)}
    ),
    max_size=6,
)
gold_events = st.lists(
    st.fixed_dictionaries(
        {"type": st.sampled_from(EVENT_TYPES), "source": actor_lists, "target": actor_lists,
         "date": st.sampled_from(VALUES + [None]), "location": st.none(), "evidence": st.just("")}
    ),
    max_size=5,
)


@st.composite
def gold_and_text(draw):
    text = draw(texts)
    present = sorted({w for w in WORDS if w in text.split(" ")})
    dates = []
    for word in draw(st.lists(st.sampled_from(present), max_size=4)):
        # Never more entries for a text than it has occurrences (the guideline's rule).
        if sum(d["text"] == word for d in dates) < text.split(" ").count(word):
            dates.append({"text": word, "value": draw(st.sampled_from(VALUES))})
    gold = {"id": "g", "published": "2018-03-10", "entities": draw(gold_entities), "dates": dates,
            "events": draw(gold_events)}
    return gold, text


@st.composite
def system_record(draw, text: str):
    def span():
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        return a, b

    ents, dates, events = [], [], []
    for _ in range(draw(st.integers(0, 6))):
        a, b = span()
        ents.append({"start": a, "end": b, "text": text[a:b], "type": draw(st.sampled_from(TYPES)),
                     "actor": draw(st.sampled_from(CODES))})
    for _ in range(draw(st.integers(0, 4))):
        a, b = span()
        dates.append({"start": a, "end": b, "text": text[a:b], "value": draw(st.sampled_from(VALUES + [None]))})
    for ev in draw(gold_events):
        a, b = span()
        events.append({**ev, "start": a, "end": b})
    return {"id": "g", "published": None, "text": text, "entities": ents, "dates": dates, "events": events}


def _all_scores(report):
    return [report.entities, report.dates, report.events, report.events_date,
            *report.entity_types.values(), *report.event_types.values()]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_scores_lie_in_unit_interval(data) -> None:
    gold, text = data.draw(gold_and_text())
    system = data.draw(system_record(text))
    report = score([gold], [system])
    for sc in _all_scores(report):
        assert 0.0 <= sc.precision <= 1.0 and 0.0 <= sc.recall <= 1.0 and 0.0 <= sc.f1 <= 1.0
        assert sc.found <= sc.gold and sc.correct <= sc.system
    assert report.events_date.found <= report.events.found


@settings(max_examples=150, deadline=None)
@given(gold_and_text())
def test_perfect_copy_scores_one(gold_text) -> None:
    gold, text = gold_text
    report = score([gold], [gold_as_system(gold, text)])
    for sc in _all_scores(report):
        assert sc.f1 == 1.0, sc


_CHARS = st.sampled_from(list("قطرالأدنبغوس ") + ["\u064e", "\u0651", "  ", "\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_CHARS, min_size=1, max_size=40).map("".join), st.data())
def test_date_occurrences_are_exact_offsets(text: str, data) -> None:
    from marsad.arabic import normalize_text
    from marsad.eval.dates import find_occurrences

    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a + 1, len(text)))
    needle = text[a:b]
    occ = find_occurrences(text, needle)
    if needle.strip():
        assert occ, "an exact substring is always found"
    key = " ".join(normalize_text(needle).split())
    last = 0
    for s, e in occ:
        assert last <= s <= e <= len(text)  # in order, non-overlapping, inside the text
        assert " ".join(normalize_text(text[s:e]).split()) == key
        last = e
