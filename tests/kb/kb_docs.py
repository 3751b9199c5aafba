"""Hand-written Arabic documents for knowledge-base tests (no text from ../shared)."""
from __future__ import annotations

from marsad.model import Document, Entity, Event

AGREEMENT = (
    "وقعت قطر وحلف الناتو اتفاقية أمنية جديدة في بروكسل يوم الاثنين. "
    "وقال وزير الخارجية القطري إن الاتفاقية تعزز التعاون العسكري بين الطرفين "
    "في مجالات التدريب وتبادل المعلومات ومكافحة الإرهاب، مشيرا إلى أن المفاوضات استمرت عدة أشهر."
)
# A wire reprint: same story, light edits and an extra closing sentence.
AGREEMENT_REPRINT = (
    "ووقعت قطر وحلف الناتو اتفاقية أمنية جديدة في بروكسل يوم الاثنين. "
    "وقال وزير الخارجية القطري إن الاتفاقية تعزز التعاون العسكري بين الطرفين "
    "في مجالات التدريب وتبادل المعلومات ومكافحة الإرهاب، مشيرا إلى أن المفاوضات استمرت عدة أشهر. "
    "ويأتي ذلك بعد زيارة قام بها الأمين العام للحلف إلى الدوحة."
)
# Another outlet's own write-up of the same signing: other wording, same actors and event.
AGREEMENT_OTHER_OUTLET = (
    "أعلن حلف الناتو أنه وقع مع قطر اتفاقية للتعاون الأمني في بروكسل، "
    "وذكر بيان للحلف أن الاتفاقية تشمل التدريب العسكري وتبادل المعلومات بين قطر والحلف، "
    "فيما رحبت الدوحة بالاتفاقية ووصفتها بأنها خطوة مهمة للتعاون الأمني."
)
STRIKES = (
    "شنت طائرات حربية غارات على مواقع في شمال سوريا، وأفادت مصادر محلية بسقوط قتلى وجرحى "
    "في صفوف المدنيين، بينما نفت الحكومة السورية استهداف أحياء سكنية."
)
TREATIES = "ناقش البرلمان الاتفاقيات التجارية، وطالب النواب باتفاقية جديدة للاستثمار والاتفاقية السابقة."


def make_doc(doc_id: str, text: str, *, published: str | None = "2018-03-05", source: str | None = "outlet_a",
             title: str = "", entities=(), events=()) -> Document:
    """entities: (surface, type, actor); events: (type, cameo, source, target, date, evidence_surface)."""
    d = Document(id=doc_id, text=text, title=title or text[:30], published=published, source=source)
    for surface, typ, actor in entities:
        i = text.find(surface)
        while i >= 0:
            d.entities.append(Entity(i, i + len(surface), surface, type=typ, actor=actor))
            i = text.find(surface, i + len(surface))
    for typ, cameo, src, tgt, date, surface in events:
        i = text.index(surface)
        d.events.append(Event(typ, cameo, list(src), list(tgt), i, i + len(surface), surface, date=date,
                              confidence=0.8))
    d.check()
    return d


QAT_NATO = [("قطر", "GPE", "QAT"), ("الناتو", "ORG", "NATO"), ("الدوحة", "GPE", "QAT")]


def agreement_docs() -> list[Document]:
    ev = ("AGREE", "057", ["QAT"], ["NATO"], "2018-03-05", "وقعت قطر وحلف الناتو اتفاقية")
    ev2 = ("AGREE", "057", ["QAT"], ["NATO"], "2018-03-05", "وقع مع قطر اتفاقية")
    return [
        make_doc("a1", AGREEMENT, entities=QAT_NATO, events=[ev]),
        make_doc("a2", AGREEMENT_REPRINT, source="outlet_b", entities=QAT_NATO, events=[ev]),
        make_doc("a3", AGREEMENT_OTHER_OUTLET, published="2018-03-06", source="outlet_c", entities=QAT_NATO,
                 events=[ev2]),
        make_doc("s1", STRIKES, published="2018-03-05", source="outlet_a",
                 entities=[("سوريا", "GPE", "SYR"), ("الحكومة السورية", "ORG", "SYR")],
                 events=[("ASSAULT", "190", [], ["SYR"], "2018-03-05", "شنت طائرات حربية غارات")]),
        make_doc("t1", TREATIES, published="2018-04-01", source="outlet_b"),
    ]


