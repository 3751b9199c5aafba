"""Names after a head noun (marsad.actors.heads), on sentences written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from marsad.actors.registry import Entry, Extent, Kind, registry
from marsad.actors.tsv import RegistryError, parse_tsv
from marsad.model import Document
from marsad.pipeline import TextLayer
from marsad.stages.entities import EntityStage


def found(text: str) -> set[tuple[str, str, str | None]]:
    doc = EntityStage()(TextLayer()(Document("t", text)))
    doc.check()
    return {(e.text, e.type, e.actor) for e in doc.entities}


@pytest.mark.parametrize("text,expected", [
    # places: the gold writes the name alone
    ("سقطت قذيفة على محافظة كسلا شرق البلاد", ("كسلا", "GPE", None)),
    ("وصلت العاصفة إلى ولاية أوكلاهوما ليلا", ("أوكلاهوما", "GPE", None)),
    ("في ولاية تكساس الأمريكية", ("تكساس", "GPE", None)),
    ("نزح السكان من قرية الهيشة بعد القصف", ("قرية الهيشة", "GPE", None)),
    ("أبحرت السفينة قرب جزيرة كريت", ("كريت", "LOC", None)),
    ("تقع القرية في وادي الرافدين الأخضر", ("وادي الرافدين", "LOC", None)),
    # facilities
    ("هبطت الطائرة في قاعدة «الظفرة» الجوية", ("قاعدة «الظفرة» الجوية", "FAC", None)),
    ("أغلق معبر كرم أبو سالم أمس", ("معبر كرم أبو سالم", "FAC", None)),
    ("وصل الوفد إلى مطار رفيق الحريري الدولي", ("مطار رفيق الحريري الدولي", "FAC", None)),
    ("توقفت الحركة في ميناء الحديدة", ("ميناء الحديدة", "FAC", None)),
    ("نقل المعتقلون إلى سجن صيدنايا", ("سجن صيدنايا", "FAC", None)),
    # organisations
    ("قال حزب الشعوب الديمقراطي إن", ("حزب الشعوب الديمقراطي", "ORG", None)),
    ("أعلنت هيئة الطيران المدني الإيرانية أن", ("هيئة الطيران المدني الإيرانية", "ORG", "IRN")),
    ("قالت حركة أحرار الشام في بيان", ("حركة أحرار الشام", "ORG", None)),
    ("وقعت شركة «نوكيا» عقدا جديدا", ("نوكيا", "ORG", None)),
    ("ذكرت صحيفة «لوموند» الفرنسية أن", ("لوموند", "ORG", None)),
    # one «و» coordination belongs to the name («العدالة والتنمية»)
    ("فاز حزب الفلاحين الأحرار والعمال بالانتخابات", ("حزب الفلاحين الأحرار والعمال", "ORG", None)),
])
def test_named_after_head(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "انتقلت القوات إلى قاعدة عسكرية قريبة",  # indefinite adjective: a description
    "شكلت الحكومة لجنة تحقيق في الحادث",  # indefinite common noun
    "دعا إلى منطقة منزوعة السلاح",
    "وأدى انفجار إلى مقتل خمسة",  # «وأدى» folds to «وادي» (valley) but is a verb
    "انضم إلى جماعة لتنظيم الشباب",  # a preposition: the head is not in construct
])
def test_descriptions_are_not_names(text):
    assert not found(text)


def test_known_place_after_head_keeps_its_gazetteer_reading():
    assert ("جنيف", "GPE", None) in found("عقد الاجتماع في مدينة جنيف السويسرية")
    assert not any(t.startswith("مدينة") for t, _, _ in found("عقد الاجتماع في مدينة جنيف السويسرية"))


def test_term_of_office_is_not_a_state():
    assert not any(ty == "GPE" for _, ty, _ in found("انتهت ولاية دونالد ترامب الأولى"))


def test_every_head_is_indexed_with_its_rule():
    heads = [e for es in registry().lexicon.values() for e in es if e.kind is Kind.NAME_HEAD]
    assert heads and all(isinstance(e.extent, Extent) and e.etype in ("GPE", "LOC", "FAC", "ORG") for e in heads)


@pytest.mark.parametrize("line,message", [
    ("حزب\tPARTY\tphrase\tfull\t0\tx", "type must be"),
    ("حزب\tORG\twide\tfull\t0\tx", "extent must be"),
    ("حزب\tORG\tphrase\tfull\t0\t", "empty 'source'"),
])
def test_malformed_head_rows_name_file_and_line(line, message, monkeypatch):
    import importlib

    from marsad.actors import tsv

    reg_mod = importlib.import_module("marsad.actors.registry")

    header = "head\ttype\textent\tmention\tstateful\tsource\n"
    real = tsv.read_text

    def fake(name: str) -> str:
        return header + line + "\n" if name == "name_heads.tsv" else real(name)

    monkeypatch.setattr(reg_mod, "load_tsv", lambda name, req: parse_tsv(name, fake(name), req))
    reg_mod.registry.cache_clear()
    try:
        with pytest.raises(RegistryError, match=rf"name_heads.tsv:2: .*{message}"):
            reg_mod.registry()
    finally:
        reg_mod.registry.cache_clear()


_WORDS = ["محافظة", "ولاية", "قاعدة", "حزب", "شركة", "مطار", "«", "»", "الجوية", "الدولي", "التركي",
          "حجة", "العدالة", "والتنمية", "كبيرة", "في", "،", "بنسلفانيا", "وميناء", "لل", "عسكرية"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12))
def test_head_spans_index_the_text(words):
    doc = EntityStage()(TextLayer()(Document("h", " ".join(words))))
    doc.check()  # raises SpanError unless every span is text[start:end]
