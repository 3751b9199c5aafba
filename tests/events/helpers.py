"""Build small documents from sentences written for these tests, with a tiny gazetteer
standing in for the entity and date stages."""
from __future__ import annotations

from marsad.events.extract import events_of
from marsad.events.oracle import find_all
from marsad.model import DateMention, Document, Entity
from marsad.pipeline import TextLayer

GAZETTEER = {
    "مصر": ("GPE", "EGY"), "الأردن": ("GPE", "JOR"), "تركيا": ("GPE", "TUR"), "الأمم المتحدة": ("ORG", "UN"),
    "كولومبيا": ("GPE", "COL"), "حلف الناتو": ("ORG", "NATO"), "اليابان": ("GPE", "JPN"), "اليمن": ("GPE", "YEM"),
    "الكويت": ("GPE", "KWT"), "إيران": ("GPE", "IRN"), "واشنطن": ("GPE", "USA"), "موسكو": ("GPE", "RUS"),
    "كوريا الشمالية": ("GPE", "PRK"), "إسرائيل": ("GPE", "ISR"), "حزب الله": ("ORG", "HEZBOLLAH"),
    "بغداد": ("GPE", None), "الولايات المتحدة": ("GPE", "USA"), "فنزويلا": ("GPE", "VEN"), "الصين": ("GPE", "CHN"),
    "أنقرة": ("GPE", None), "إدلب": ("GPE", None), "الهند": ("GPE", "IND"), "باكستان": ("GPE", "PAK"),
    "طالبان": ("ORG", "TALIBAN"), "السعودية": ("GPE", "SAU"), "تونس": ("GPE", "TUN"), "جنيف": ("GPE", None),
    "فرنسا": ("GPE", "FRA"), "مالي": ("GPE", "MLI"), "قطر": ("GPE", "QAT"), "حلب": ("GPE", None),
    "سوريا": ("GPE", "SYR"), "وكالة الأنباء الفرنسية": ("ORG", None), "CNN": ("ORG", None),
    "عمان": ("GPE", None), "باريس": ("GPE", None), "كابول": ("GPE", None), "الحكومة المغربية": ("ORG", "MAR"),
}
DATES = {"أمس": "2018-04-30", "عام 2018": "2018", "عام 1979": "1979", "الثلاثاء": "2018-05-01"}
PUBLISHED = "2018-05-01"


def make_doc(text: str, published: str | None = PUBLISHED) -> Document:
    doc = TextLayer()(Document(id="t", text=text, published=published))
    taken: list[tuple[int, int]] = []
    ents = []
    for name in sorted(GAZETTEER, key=len, reverse=True):
        for i in find_all(text, name):
            j = i + len(name)
            if any(i < e and s < j for s, e in taken):
                continue
            taken.append((i, j))
            etype, actor = GAZETTEER[name]
            ents.append(Entity(i, j, name, type=etype, actor=actor))
    doc.entities = sorted(ents, key=lambda e: e.start)
    dates = []
    for t, v in DATES.items():
        for i in find_all(text, t):
            dates.append(DateMention(i, i + len(t), t, value=v))
    doc.dates = sorted(dates, key=lambda d: d.start)
    return doc


def run(text: str, published: str | None = PUBLISHED):
    doc = make_doc(text, published)
    evs = events_of(doc)
    for ev in evs:
        ev.check(doc.text)
    return evs
