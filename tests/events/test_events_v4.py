"""Fourth pass: short names of uncoded groups, background cues that leave an event undated
(sentences written for these tests)."""
from __future__ import annotations

import pytest

from marsad.events.actors import group_name
from tests.events.helpers import PUBLISHED, run


@pytest.mark.parametrize(
    "name,short",
    [
        # A long descriptive name is cited by its head and adjective.
        ("التحالف العربي لدعم الشرعية في اليمن", "التحالف العربي"),
        ("التحالف الدولي لمحاربة تنظيم الدولة في العراق", "التحالف الدولي"),
        # Shorter names are kept whole.
        ("الجبهة الوطنية للتحرير", "الجبهة الوطنية للتحرير"),
        ("الاتحاد العالمي لعلماء المسلمين", "الاتحاد العالمي لعلماء المسلمين"),
        # An indefinite head is a construct name: kept whole.
        ("تحالف دعم الشرعية في اليمن", "تحالف دعم الشرعية في اليمن"),
        ("جيش الإسلام", "جيش الإسلام"),
    ],
)
def test_group_name(name, short):
    assert group_name(name) == short


@pytest.mark.parametrize(
    "text,etype",
    [
        ("يذكر أن تركيا اتهمت إيران بدعم الإرهاب.", "ACCUSE"),
        ("ودعت مصر الأردن مرارا إلى وقف التصعيد.", "REQUEST"),
        ("وطالبت تركيا إيران بالانسحاب في أكثر من مناسبة.", "REQUEST"),
        ("وزار وفد من قطر الأردن بعد اجتماع مصر والأردن.", "CONSULT"),
    ],
    ids=["yudhkar-anna", "repeatedly", "more-than-once", "after-noun"],
)
def test_background_cue_leaves_event_undated(text, etype):
    evs = [e for e in run(text) if e.type == etype]
    assert evs, f"no {etype} in {text}: {run(text)}"
    # The event governed by the cue has no date; any other is the reported day.
    assert any(e.date is None for e in evs), evs


def test_current_event_keeps_publication_date():
    evs = [e for e in run("اتهمت تركيا إيران بدعم الإرهاب.") if e.type == "ACCUSE"]
    assert evs and evs[0].date == PUBLISHED
