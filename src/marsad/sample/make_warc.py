"""Regenerate the bundled crawl sample `05_crawl.warc.gz` (run from anywhere):

    .venv/bin/python src/marsad/sample/make_warc.py

The pages are written for this project.  Record ids and dates are fixed so that
the generated records are the same on every run.
"""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).with_name("05_crawl.warc.gz")

NATO_DOHA_URL = "https://example.org/ar/gulf/nato-deputy-visits-doha"
NATO_DOHA_HTML = """<!DOCTYPE html>
<html lang="ar"><head><meta charset="utf-8">
<title>نائب الأمين العام لحلف الناتو يزور الدوحة - بوابة الخليج</title>
<meta property="og:site_name" content="بوابة الخليج">
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/gulf">الخليج</a> | <a href="/world">العالم</a></nav>
<article>
<h1>نائب الأمين العام لحلف الناتو يزور الدوحة</h1>
<p>الدوحة - (قنا): استقبل وزير الدولة لشؤون الدفاع في دولة قطر اليوم (الثلاثاء) نائبة الأمين العام لحلف شمال الأطلسي، التي تزور الدوحة على رأس وفد من الحلف.</p>
<p>وبحث الجانبان علاقات التعاون العسكري بين قطر والناتو، وسبل تطويرها في مجالات التدريب والتعليم العسكري.</p>
<p>ووقع الجانبان في ختام اللقاء، يوم 8 تشرين الأول/أكتوبر 2019، اتفاقية لدعم عمليات الحلف وعبور قواته عبر الأراضي القطرية.</p>
<p>وكانت قطر قد افتتحت مقر بعثتها لدى الحلف في بروكسل في تموز/يوليو 2018.</p>
</article>
<aside><h3>اقرأ أيضا</h3><ul><li><a href="/x">معرض الدوحة للكتاب يفتح أبوابه</a></li></ul></aside>
<footer>جميع الحقوق محفوظة</footer>
</body></html>
"""

IRAQ_URL = "https://example.org/ar/iraq/2019/10/05/baghdad-protests"
IRAQ_HTML = """<!DOCTYPE html>
<html lang="ar"><head><meta charset="utf-8">
<title>احتجاجات في بغداد لليوم الخامس - بوابة الخليج</title></head><body>
<article>
<h1>احتجاجات في بغداد لليوم الخامس</h1>
<p>بغداد - رويترز - تواصلت الاحتجاجات في العاصمة العراقية بغداد لليوم الخامس على التوالي، وطالب المتظاهرون باستقالة الحكومة ومحاسبة الفاسدين.</p>
<p>وأعلنت السلطات العراقية رفع حظر التجول في بغداد صباح السبت، بعد أيام من المواجهات بين المحتجين وقوات الأمن.</p>
<p>ودعت بعثة الأمم المتحدة في العراق إلى ضبط النفس وإجراء حوار بين الحكومة والمتظاهرين.</p>
</article>
</body></html>
"""


def _response(writer: WARCWriter, url: str, html: str, date: str, rec_id: str):
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(html.encode("utf-8")),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": rec_id},
    )


def build(path: Path = OUT) -> Path:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(
            writer.create_warcinfo_record(
                path.name, {"software": "marsad sample generator", "description": "sample crawl"}
            )
        )
        writer.write_record(
            _response(writer, NATO_DOHA_URL, NATO_DOHA_HTML, "2019-10-08T16:20:00Z",
                      "<urn:uuid:6f1d2c3a-0000-4000-8000-000000000001>")
        )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/logo.png", "response", payload=BytesIO(b"\x89PNG\r\n\x1a\n"),
                http_headers=image,
                warc_headers_dict={"WARC-Date": "2019-10-08T16:20:01Z",
                                   "WARC-Record-ID": "<urn:uuid:6f1d2c3a-0000-4000-8000-000000000002>"},
            )
        )
        writer.write_record(
            _response(writer, IRAQ_URL, IRAQ_HTML, "2019-10-06T08:00:00Z",
                      "<urn:uuid:6f1d2c3a-0000-4000-8000-000000000003>")
        )
    return path


if __name__ == "__main__":
    print(build())
