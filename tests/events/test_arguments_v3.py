"""Argument frames, new trigger classes and actor filters (sentences written for these tests)."""
from __future__ import annotations

import pytest

from tests.events.helpers import run


def _find(evs, etype):
    return [e for e in evs if e.type == etype]


@pytest.mark.parametrize(
    "text,etype,source,target",
    [
        # «بين X و Y»: the first party acts on the others.
        ("اندلعت مواجهات بين القوات الإسرائيلية ومتظاهرين فلسطينيين قرب الحدود.", "ASSAULT", {"ISR"}, {"PSE"}),
        # noun + relative + verb with an object pronoun: the actor after the verb is the agent.
        ("وأدانت مصر الضربات التي شنتها الولايات المتحدة على سوريا.", "ASSAULT", {"USA"}, {"SYR"}),
        # an agreeing nisba adjective after a verbal noun names the agent.
        ("ونددت مصر بالغارات الإسرائيلية على سوريا.", "ASSAULT", {"ISR"}, {"SYR"}),
        # a passive participle: the agent follows «من», the backed party precedes it.
        ("تقدمت القوات السورية المدعومة من إيران نحو المدينة.", "AID", {"IRN"}, {"SYR"}),
        # passive with «برصاص»: the shooter is the agent.
        ("قتل ثلاثة متظاهرين فلسطينيين برصاص القوات الإسرائيلية.", "ASSAULT", {"ISR"}, {"PSE"}),
    ],
    ids=["between", "object-pronoun-verb", "nisba-agent", "backed-by", "bullets-of"],
)
def test_argument_frames(text, etype, source, target):
    evs = _find(run(text), etype)
    assert evs, f"no {etype} in {text}"
    assert source <= set(evs[0].source), evs[0]
    assert target <= set(evs[0].target), evs[0]


@pytest.mark.parametrize(
    "text,etype,source",
    [
        ("فتحت القوات الإسرائيلية النار على متظاهرين في غزة.", "ASSAULT", "ISR"),
        ("أعربت فرنسا عن قلقها من التصعيد في اليمن.", "ACCUSE", "FRA"),
        ("أمهلت الولايات المتحدة إيران أسبوعين للرد.", "THREATEN", "USA"),
        ("وأوقفت الولايات المتحدة مساعداتها المالية للأردن.", "SANCTION", "USA"),
        ("أعربت تركيا عن تضامنها مع قطر.", "SUPPORT", "TUR"),
        ("استأنفت مصر علاقاتها الدبلوماسية مع قطر.", "COOPERATE", "EGY"),
        ("واستعادت القوات السورية السيطرة على حلب.", "COERCE", "SYR"),
        ("وجهت النيابة التركية اتهامات إلى صحفيين.", "COERCE", "TUR"),
        ("دكت المدفعية التركية مواقع في سوريا.", "ASSAULT", "TUR"),
        ("وقال وزير الخارجية الكويتي متهما إيران بالتدخل في شؤون المنطقة.", "ACCUSE", "KWT"),
    ],
    ids=["open-fire", "express-concern", "ultimatum", "stop-aid", "express-solidarity", "resume-relations",
         "regain-control", "indict", "pound", "accusing-participle"],
)
def test_new_trigger_classes(text, etype, source):
    evs = _find(run(text), etype)
    assert evs, f"no {etype} in {text}: {run(text)}"
    assert source in evs[0].source


def test_news_outlet_is_not_a_party():
    for text in ("ذكرت وكالة الأنباء الفرنسية أن مصر وقعت اتفاقية مع الأردن.",
                 "قالت مصر لـCNN إنها وقعت اتفاقية مع الأردن."):
        for ev in run(text):
            assert not {"وكالة الأنباء الفرنسية", "CNN"} & (set(ev.source) | set(ev.target)), ev


def test_unstated_parties_default_to_the_main_state():
    evs = run("اعتقلت الشرطة التركية صحفيين في أنقرة. وخرجت مظاهرات حاشدة في عدة مدن.")
    protests = _find(evs, "PROTEST")
    assert protests and protests[0].source == ["TUR"]
