"""Test inputs for the Spark area: self-written Arabic articles, WARC/JSONL/Parquet writers."""
from __future__ import annotations

import io
import json
from pathlib import Path

from marsad.model import DateMention, Document, Entity, Event
from marsad.pipeline import Failure
from marsad.spark.tables import TABLES, item_rows

# Written for these tests (not taken from any corpus).
ARTICLES = [
    ("وزير الخارجية القطري يلتقي الأمين العام لحلف الناتو",
     "الدوحة - التقى وزير الخارجية القطري يوم الثلاثاء 16 يناير 2018 الأمين العام لحلف الناتو في بروكسل، "
     "وبحث الجانبان سبل التعاون الأمني بين قطر والحلف.\nووقعت قطر اتفاقية أمنية مع الحلف في وقت لاحق."),
    ("الأمم المتحدة تدين الهجوم",
     "نيويورك - أدان الأمين العام للأمم المتحدة أمس الهجوم الذي استهدف مدينة حلب السورية، "
     "ودعا جميع الأطراف إلى ضبط النفس ووقف إطلاق النار فورا."),
    ("مصر والأردن تبحثان التعاون الاقتصادي",
     "القاهرة - بحث الرئيس المصري مع العاهل الأردني في اتصال هاتفي يوم 3 مارس 2018 تعزيز التعاون "
     "الاقتصادي بين البلدين، وأكد الجانبان دعمهما للقضية الفلسطينية."),
    ("احتجاجات في تونس",
     "تونس - تظاهر مئات المحتجين في العاصمة التونسية يوم الجمعة للمطالبة بتحسين الأوضاع المعيشية، "
     "وأعلنت وزارة الداخلية التونسية اعتقال عدد من المشاركين."),
    ("السعودية تقدم مساعدات لليمن",
     "الرياض - قدمت المملكة العربية السعودية في 10 أغسطس 2015 مساعدات إنسانية إلى اليمن عبر مركز الملك سلمان "
     "للإغاثة، وقال مسؤول إن المساعدات تشمل مواد غذائية وطبية."),
]
PUBLISHED = ["2018-01-17", "2018-04-08", "2018-03-04", "2018-02-02", "2015-08-11"]


def article_records(n: int) -> list[dict]:
    """n JSONL article records, cycling through ARTICLES with distinct ids and text."""
    out = []
    for i in range(n):
        title, text = ARTICLES[i % len(ARTICLES)]
        # A numbered closing line keeps every article's content (and hash) distinct.
        out.append({"id": f"art-{i:05d}", "title": title, "text": f"{text}\nتقرير رقم {i}.",
                    "date": PUBLISHED[i % len(PUBLISHED)], "source": "marsad-test", "url": f"https://example.org/news/{i}"})
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def article_html(rec: dict) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in rec["text"].split("\n"))
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{rec["title"]}</title>'
            f'<meta property="article:published_time" content="{rec["date"]}T10:00:00+03:00"></head>'
            f'<body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>'
            f'<article><h1>{rec["title"]}</h1>{paras}</article>'
            f'<footer>جميع الحقوق محفوظة</footer></body></html>').encode("utf-8")


def write_warc(path: Path, records: list[dict], gz: bool = True) -> Path:
    """A WARC with a warcinfo record, then a request and a response record per article."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "marsad-tests"}))
        for rec in records:
            req = writer.create_warc_record(rec["url"], "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(rec["url"], "response", payload=io.BytesIO(article_html(rec)),
                                                          http_headers=headers))
    return path


def sample_document(i: int = 0) -> Document:
    """A document with one span in every stored layer (offsets computed, never typed)."""
    title, text = ARTICLES[i % len(ARTICLES)]
    doc = Document(id=f"doc-{i}", text=text, title=title, published="2018-01-17", source="t", url=None,
                   metadata={"origin": f"test:{i}", "format": "jsonl"})
    word = text.split()[0]
    start = text.index(word)
    doc.entities.append(Entity(start, start + len(word), word, type="GPE", actor="QAT", source="gazetteer"))
    doc.dates.append(DateMention(start, start + len(word), word, value="2018-01-16"))
    doc.events.append(Event("CONSULT", "040", ["QAT"], ["NATO"], 0, len(text), text, date="2018-01-16",
                            trigger_start=start, trigger_end=start + len(word), trigger=word, quad="VC"))
    return doc


def write_tables(root: Path, items: list[Document | Failure]) -> Path:
    """What the Spark job writes, written with pyarrow (for load tests that need no JVM)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    for item in items:
        for r in item_rows(item):
            rows[r.table].append(r.values)
    for name, table in TABLES.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        columns = list(zip(*rows[name])) if rows[name] else [[] for _ in table.names]
        data = pa.table({n: pa.array(list(col), type=f.type) for n, col, f in zip(table.names, columns, table.arrow_schema())})
        pq.write_table(data, folder / "part-00000.parquet")
        (folder / "_SUCCESS").write_text("")
    return root


class ExplodingStage:
    """A stage that fails on one marked document (to show a failure stays one record)."""

    name = "explode"
    requires = ("text",)
    provides = ()

    def __call__(self, doc):
        if "تقرير رقم 3." in doc.text:
            raise ValueError("deliberate failure")
        return doc


def stages_with_explosion():
    from marsad.pipeline import default_stages

    return [*default_stages(), ExplodingStage()]
