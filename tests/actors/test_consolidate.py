"""Merging, type harmonisation, bylines, groups and organ rules, on sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.actors.consolidate import drop_bylines, harmonise_types, merge
from marsad.actors.groups import groups
from marsad.actors.recognise import recognise
from marsad.model import Document, Entity
from marsad.pipeline import TextLayer


def doc_of(text: str) -> Document:
    return TextLayer()(Document("t", text))


def ent(doc: Document, surface: str, etype: str, source: str, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    return Entity(start, start + len(surface), surface, type=etype, source=source, confidence=0.9)


def test_tagger_extends_a_title_person_by_a_surname():
    doc = doc_of("وقال الشيخ سالم الكعبي إن الوفد وصل")
    rule = ent(doc, "سالم", "PER", "title")
    rule.role = "الشيخ"
    wider = ent(doc, "سالم الكعبي", "PER", "crf")
    out = merge([rule], [wider], doc)
    assert [(e.text, e.role) for e in out] == [("سالم الكعبي", "الشيخ")]


def test_guessed_person_without_tagger_support_is_dropped():
    doc = doc_of("قال مسؤول رفيع المستوى إن الاجتماع انتهى")
    guess = ent(doc, "رفيع المستوى", "PER", "title")
    assert merge([guess], [], doc) == []


def test_gazetteer_person_needs_no_support():
    doc = doc_of("قال ترامب إن")
    known = ent(doc, "ترامب", "PER", "gazetteer")
    assert merge([known], [], doc) == [known]


@pytest.mark.parametrize("extra_word", ["بالقانون", "الاتفاق"])
def test_extension_by_a_common_word_is_refused(extra_word):
    doc = doc_of(f"ووقع خالد الفلاني {extra_word} أمس")
    rule = ent(doc, "خالد الفلاني", "PER", "given-name")
    wider = ent(doc, f"خالد الفلاني {extra_word}", "PER", "crf")
    assert [e.text for e in merge([rule], [wider], doc)] == ["خالد الفلاني"]


def test_rule_type_wins_for_the_same_surface():
    doc = doc_of("وصل إلى كيرا. وفي كيرا احتجاجات")
    rule = ent(doc, "كيرا", "LOC", "head-name")
    tagged = ent(doc, "كيرا", "GPE", "crf", nth=1)
    harmonise_types([rule, tagged])
    assert tagged.type == "LOC"


def test_tagger_majority_type():
    doc = doc_of("زار نوفا. ثم نوفا. ثم نوفا")
    a, b, c = (ent(doc, "نوفا", t, "crf", nth=i) for i, t in enumerate(["GPE", "GPE", "PER"]))
    harmonise_types([a, b, c])
    assert {a.type, b.type, c.type} == {"GPE"}


@pytest.mark.parametrize("text,kept", [
    ("دبي، الإمارات (CNN) -- أعلنت الشركة", False),
    ("قالت شبكة (CNN) الأمريكية إن", True),
])
def test_byline_outlet_is_dropped(text, kept):
    doc = doc_of(text)
    e = ent(doc, "CNN", "ORG", "gazetteer")
    assert (drop_bylines(doc, [e]) == [e]) is kept


@pytest.mark.parametrize("text,expected", [
    ("دعت المعارضة الفنزويلية إلى التظاهر", ["المعارضة الفنزويلية"]),
    ("قالت المقاومة الشعبية إن المقاومة صامدة", ["المقاومة الشعبية", "المقاومة"]),
    ("قالت المعارضة إن الحكومة فشلت", []),  # bare and never qualified: generic
    ("سيطرت الفصائل المعارضة على البلدة", ["الفصائل المعارضة"]),
])
def test_unnamed_groups(text, expected):
    doc = doc_of(text)
    assert [e.text for e in groups(doc, [])] == expected


@pytest.mark.parametrize("text,expected", [
    ("أعلنت وزارة الصحة حصيلة جديدة", ("وزارة الصحة", "ORG", None)),
    ("قالت وزارة النقل التركية", ("وزارة النقل التركية", "ORG", "TUR")),
    ("أعلنت شرطة دبي القبض على المتهم", ("شرطة دبي", "ORG", "ARE")),
    ("انتقدت حكومة بغداد القرار", ("حكومة بغداد", "ORG", "IRQ")),
    ("قال حزب العدالة والتنمية التركي", ("حزب العدالة والتنمية التركي", "ORG", None)),
    ("منذ انهيار الاتحاد السوفيتي", ("الاتحاد السوفيتي", "GPE", "SUN")),
    ("قال لوكالة فرانس برس", ("فرانس برس", "ORG", None)),
])
def test_rule_organisations(text, expected):
    assert expected in {(e.text, e.type, e.actor) for e in recognise(doc_of(text))}


@pytest.mark.parametrize("loader", ["groups", "standalone"])
def test_new_data_files_load(loader):
    from marsad.actors.groups import group_heads
    from marsad.actors.recognise import standalone_organs

    data = group_heads() if loader == "groups" else standalone_organs()
    assert data


@pytest.mark.parametrize("name,text,message", [
    ("groups.tsv", "head\tsource\n\tno head\n", "groups.tsv:2"),
    ("standalone_organs.tsv", "head\tmax_words\tsource\nوزارة\t\tx\n", "standalone_organs.tsv:2"),
])
def test_bad_rows_name_file_and_line(name, text, message):
    from marsad.actors.tsv import RegistryError, parse_tsv

    header = tuple(text.splitlines()[0].split("\t"))
    with pytest.raises(RegistryError, match=message):
        parse_tsv(name, text, header)
