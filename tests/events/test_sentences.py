"""Sentence cases written for these tests (not taken from any corpus)."""
from __future__ import annotations

import pytest

from tests.events.helpers import PUBLISHED, run

# (sentence, type, expected source subset, expected target subset)
TYPE_CASES = [
    ("وقعت مصر اتفاقية تجارية مع الأردن أمس.", "AGREE", {"EGY"}, {"JOR"}),
    ("التقى وزير الخارجية الفرنسي نظيره الألماني في باريس.", "CONSULT", {"FRA"}, {"DEU"}),
    ("رحبت تركيا بقرار الأمم المتحدة.", "SUPPORT", {"TUR"}, {"UN"}),
    ("أفرجت السلطات الإيرانية عن صحفي بريطاني.", "CONCEDE", {"IRN"}, {"GBR"}),
    ("انضمت كولومبيا إلى حلف الناتو عام 2018.", "COOPERATE", {"COL"}, {"NATO"}),
    ("قدمت اليابان مساعدات إنسانية إلى اليمن.", "AID", {"JPN"}, {"YEM"}),
    ("انسحبت القوات الروسية من مدينة حلب.", "RETREAT", {"RUS"}, set()),
    ("طالبت الكويت إيران بوقف التدخل في شؤونها.", "REQUEST", {"KWT"}, {"IRN"}),
    ("اتهمت واشنطن موسكو بشن هجمات إلكترونية.", "ACCUSE", {"USA"}, {"RUS"}),
    ("رفضت كوريا الشمالية المقترح الأمريكي.", "REJECT", {"PRK"}, {"USA"}),
    ("هددت إسرائيل حزب الله برد قاس.", "THREATEN", {"ISR"}, {"HEZBOLLAH"}),
    ("تظاهر آلاف العراقيين في بغداد ضد الحكومة.", "PROTEST", {"IRQ"}, set()),
    ("فرضت الولايات المتحدة عقوبات جديدة على فنزويلا.", "SANCTION", {"USA"}, {"VEN"}),
    ("نشرت الصين قوات إضافية قرب الحدود.", "MOBILIZE", {"CHN"}, set()),
    ("اعتقلت الشرطة التركية صحفيين في أنقرة.", "COERCE", {"TUR"}, set()),
    ("قصفت الطائرات السورية مواقع للمعارضة في إدلب.", "ASSAULT", {"SYR"}, set()),
]


def _find(evs, etype):
    return [e for e in evs if e.type == etype]


@pytest.mark.parametrize("text,etype,source,target", TYPE_CASES, ids=[c[1] for c in TYPE_CASES])
def test_each_type(text, etype, source, target):
    evs = _find(run(text), etype)
    assert evs, f"no {etype} in {text}"
    ev = evs[0]
    assert source <= set(ev.source)
    assert target <= set(ev.target)
    assert ev.cameo and ev.quad and ev.confidence > 0
    assert ev.trigger_start >= ev.start and ev.trigger_end <= ev.end


@pytest.mark.parametrize(
    "text,etype,source,target",
    [
        ("وقعت قطر والكويت مذكرة تفاهم مع تركيا.", "AGREE", ["QAT", "KWT"], ["TUR"]),  # VSO + coordination
        ("الهند اتهمت باكستان بدعم المسلحين.", "ACCUSE", ["IND"], ["PAK"]),  # SVO
        ("وكانت إيران قد هاجمت سفينة سعودية.", "ASSAULT", ["IRN"], ["SAU"]),  # SVO after كان
        ("قتل ثلاثة جنود باكستانيين على يد مسلحين من طالبان.", "ASSAULT", ["TALIBAN"], ["PAK"]),  # passive agent
        ("وقال وزير الخارجية القطري إن بلاده تدين الهجوم.", "ACCUSE", ["QAT"], None),  # attribution
        ("أعلنت السعودية أنها تدعم الحكومة اليمنية.", "SUPPORT", ["SAU"], ["YEM"]),  # attribution
    ],
    ids=["vso-coordination", "svo", "svo-pluperfect", "passive-agent", "attribution-qal", "attribution-alan"],
)
def test_word_order_and_arguments(text, etype, source, target):
    evs = _find(run(text), etype)
    assert evs, f"no {etype} in {text}"
    assert evs[0].source == source
    if target is not None:
        assert evs[0].target == target


@pytest.mark.parametrize(
    "text,etype",
    [
        ("لم توقع تونس أي اتفاق مع الأردن.", "AGREE"),
        ("نفت الحكومة المغربية أنها اعتقلت صحفيين.", "COERCE"),
        ("ستزور رئيسة الوزراء البريطانية الهند الأسبوع المقبل.", "CONSULT"),
        ("من المقرر أن يلتقي الرئيسان في جنيف.", "CONSULT"),
        ("تعتزم فرنسا إرسال قوات إلى مالي.", "MOBILIZE"),
        ("سيتم توقيع الاتفاق مع قطر.", "AGREE"),
        ("إذا هاجمت إيران السفن فإن واشنطن سترد.", "ASSAULT"),
        ("لن تفرض الصين عقوبات على الهند.", "SANCTION"),
    ],
    ids=["negated-lam", "denied", "future-sa", "scheduled", "intends", "future-passive", "conditional", "negated-lan"],
)
def test_not_factual(text, etype):
    assert not _find(run(text), etype)


@pytest.mark.parametrize(
    "text,date,date_source",
    [
        ("وكانت مصر وقعت اتفاقية سلام مع إسرائيل عام 1979.", "1979", "text"),
        ("وكانت مصر قد وقعت اتفاقية سلام مع إسرائيل.", None, "none"),
        ("وقعت مصر اتفاقية مع إسرائيل.", PUBLISHED, "published"),
        ("وقعت مصر اتفاقية مع إسرائيل أمس.", "2018-04-30", "text"),
    ],
    ids=["background-dated", "background-undated", "current-published", "current-dated"],
)
def test_dates(text, date, date_source):
    ev = _find(run(text), "AGREE")[0]
    assert (ev.date, ev.date_source) == (date, date_source)


def test_unknown_publication_date_gives_none():
    ev = _find(run("وقعت مصر اتفاقية مع إسرائيل.", published=None), "AGREE")[0]
    assert ev.date is None


def test_location_from_fi():
    ev = _find(run("التقى وزير الخارجية الفرنسي نظيره الألماني في باريس."), "CONSULT")[0]
    assert ev.location == "باريس"


def test_restated_event_is_deduplicated():
    text = "وقعت قطر اتفاقا مع تركيا. وجاء الاتفاق الذي وقعته قطر وتركيا بعد مفاوضات طويلة."
    assert len(_find(run(text), "AGREE")) == 1


def test_two_signings_on_different_dates_stay_two():
    text = "وقعت مصر اتفاقية مع الأردن أمس. وكانت مصر وقعت اتفاقية مع الأردن عام 1979."
    assert len(_find(run(text), "AGREE")) == 2


def test_demand_content_is_not_its_own_event():
    evs = run("طالبت الكويت إيران بالانسحاب من الجزر.")
    assert _find(evs, "REQUEST") and not _find(evs, "RETREAT")
