import pytest

from marsad.actors.parents import parent_affiliations, parent_cues
from marsad.arabic import tokenize
from marsad.model import Entity


def _ents(text, spans):
    out = []
    for surface, etype, actor in spans:
        i = text.index(surface)
        out.append(Entity(i, i + len(surface), surface, type=etype, actor=actor))
    return out


CASES = [
    # (text, the uncoded body, coded actors in the text, expected affiliation of the body)
    ("انضمت الكويت إلى مبادرة إسطنبول للتعاون التي أطلقها حلف شمال الأطلسي عام 2004",
     "مبادرة إسطنبول", [("الكويت", "GPE", "KWT"), ("حلف شمال الأطلسي", "ORG", "NATO")], "NATO"),
    ("شارك الأردن في برنامج الشراكة الذي أسسه الاتحاد الأوروبي",
     "برنامج الشراكة", [("الأردن", "GPE", "JOR"), ("الاتحاد الأوروبي", "ORG", "EU")], "EU"),
    ("وصلت الوحدة التابعة للجيش الأمريكي إلى المنطقة",
     "الوحدة", [("للجيش الأمريكي", "ORG", "USA")], "USA"),
    ("هاجمت حركة الشباب التي تدعمها إريتريا مواقع حكومية",
     "حركة الشباب", [("إريتريا", "GPE", "ERI")], None),
    ("أعلنت اللجنة الوطنية أمس. وقالت فرنسا إنها ستشارك",
     "اللجنة الوطنية", [("فرنسا", "GPE", "FRA")], None),
]


@pytest.mark.parametrize("text,body,coded,expected", CASES)
def test_parent_affiliation(text, body, coded, expected):
    ents = _ents(text, [(body, "ORG", None), *coded])
    parent_affiliations(tokenize(text), ents)
    assert ents[0].affiliation == expected


def test_cue_file_validates():
    cues = parent_cues()
    assert cues and all(k == k.strip() for k in cues)
