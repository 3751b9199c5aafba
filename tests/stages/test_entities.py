"""EntityStage on sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.model import Document
from marsad.pipeline import TextLayer, check_order
from marsad.stages import entities as entities_mod
from marsad.stages.entities import EntityStage, merge
from marsad.model import Entity


def run(text: str) -> Document:
    doc = EntityStage()(TextLayer()(Document("t", text)))
    doc.check()
    return doc


def found(text: str) -> set[tuple[str, str, str | None]]:
    return {(e.text, e.type, e.actor) for e in run(text).entities}


@pytest.mark.parametrize("text,expected", [
    ("أصدرت الخارجية القطرية بيانا", ("الخارجية القطرية", "ORG", "QAT")),
    ("قصفت القوات الجوية الأمريكية مواقع", ("القوات الجوية الأمريكية", "ORG", "USA")),
    ("تقدم الجيش السوري نحو البلدة", ("الجيش السوري", "ORG", "SYR")),
    ("وافقت الحكومة الإسرائيلية على الخطة", ("الحكومة الإسرائيلية", "ORG", "ISR")),
    ("أعلنت وزارة الدفاع الروسية", ("وزارة الدفاع الروسية", "ORG", "RUS")),
    ("حضر دبلوماسيون من سفارة دولة قطر أمس", ("سفارة دولة قطر", "ORG", "QAT")),
    ("قال الجيش السوري الحر إنه", ("الجيش السوري الحر", "ORG", "FSA")),
    ("تضم القوات الجوية الأميرية القطرية طائرات", ("القوات الجوية الأميرية القطرية", "ORG", "QAT")),
])
def test_state_organs(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", ["قال الجيش إن الوضع هادئ", "أعلنت الحكومة خطة جديدة", "رحبت الخارجية بالقرار"])
def test_generic_organ_is_not_annotated(text):
    assert not run(text).entities


def test_demonym_alone_is_not_a_mention():
    assert not run("التقى مسؤولون قطريون وأمريكيون").entities


@pytest.mark.parametrize("text,expected", [
    ("هبطت الطائرة في قاعدة «التاجي» الجوية مساء", ("قاعدة «التاجي» الجوية", "FAC", None)),
    ("أغلق معبر رفح أمس", ("معبر رفح", "FAC", None)),
    ("وصل إلى مطار بغداد الدولي", ("مطار بغداد الدولي", "FAC", None)),
])
def test_facilities(text, expected):
    assert expected in found(text)


def test_military_unit_with_state():
    text = "وصل السرب رقم 12 من القوات الجوية الفرنسية إلى القاعدة"
    assert ("السرب رقم 12 من القوات الجوية الفرنسية", "ORG", "FRA") in found(text)


def test_person_after_title_has_role_and_affiliation():
    doc = run("وقال وزير الخارجية الأمريكي جون سميث إن بلاده ستشارك")
    per = [e for e in doc.entities if e.type == "PER"]
    assert [(e.text, e.role, e.affiliation) for e in per] == [("جون سميث", "وزير الخارجية", "USA")]


def test_person_from_given_name():
    assert ("عبد الرحمن بن خالد الفلاني", "PER", None) in found("ووقع عبد الرحمن بن خالد الفلاني الاتفاق")


def test_every_occurrence_is_a_mention():
    ents = run("وقعت قطر والناتو اتفاقا، ثم قالت قطر إن الناتو شريك").entities
    assert [e.text for e in ents] == ["قطر", "الناتو", "قطر", "الناتو"]


def test_stage_contract():
    st = EntityStage()
    assert st.name == "entities" and st.requires == ("text", "tokens") and st.provides == ("entities",)
    check_order([TextLayer(), st])
    import pickle

    assert pickle.loads(pickle.dumps(st)).name == "entities"


def test_runs_without_a_tagger(monkeypatch):
    monkeypatch.setattr(entities_mod, "_tagger", lambda: None)
    assert ("قطر", "GPE", "QAT") in found("زار قطر")


def test_merge_keeps_gazetteer_and_adds_non_overlapping():
    rule = [Entity(0, 3, "قطر", type="GPE", actor="QAT")]
    extra = [Entity(0, 3, "قطر", type="LOC"), Entity(4, 8, "سميث", type="PER")]
    out = merge(rule, extra)
    assert [(e.text, e.type) for e in out] == [("قطر", "GPE"), ("سميث", "PER")]


@pytest.mark.parametrize("text,name", [
    ("اجتمع مع وزيرة الدفاع فلورانس بارلي أمس", "فلورانس بارلي"),  # ف is part of the name
    ("قال رئيس الوزراء البريطاني بوريس جونسون", "بوريس جونسون"),
])
def test_name_after_title_keeps_its_first_letter(text, name):
    assert (name, "PER", None) in found(text)


@pytest.mark.parametrize("text", [
    "وقال المتحدث حسب ما نشرت الوكالة",  # a three-letter preposition-like word
    "ورفض البابا طلبه في كل مرة",  # a pronoun suffix
    "إن المتحدثة باسم الوزارة أشارت إلى",  # a verb
    "عرض عليهم القاضي وثيقة من عشر صفحات",  # a feminine noun
    "قدم استقالته للبابا أكثر من مرة",  # an elative
])
def test_common_word_after_title_is_not_a_person(text):
    assert not any(t == "PER" for _, t, _ in found(text))
