import pytest

from marsad.ingest import parse_metadata_date, resolve_published, url_date
from marsad.ingest.published import looks_like_crawl_time


@pytest.mark.parametrize(
    "raw, iso",
    [
        ("Tue, 10 Apr 2018 14:39:56 GMT", "2018-04-10"),
        ("Wed, 13 Jun 2018 00:50:07 +0400", "2018-06-13"),  # as written, not UTC (which is the 12th)
        ("Tue, 12 Jun 2018 23:50:07 -0500", "2018-06-12"),
        ("2015-08-10 20:27:03", "2015-08-10"),
        ("2017-01-21T23:43:00+01:00", "2017-01-21"),
        ("2019-10-08T16:20:00Z", "2019-10-08"),
        ("2018-04-10", "2018-04-10"),
        ("21/01/2017", "2017-01-21"),
        ("2017-01-22T194300", "2017-01-22"),
        ("20180410", "2018-04-10"),
        ("2018-02-30", None),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_metadata_date(raw, iso):
    d = parse_metadata_date(raw)
    assert (d.isoformat() if d else None) == iso


@pytest.mark.parametrize(
    "url, iso",
    [
        ("http://www.example.net/ar/world/2018/04/10/story.html", "2018-04-10"),
        ("https://example.com/ar/20180414-%D9%85%D8%A7%D9%83%D8%B1%D9%88%D9%86", "2018-04-14"),
        ("https://example.com/news/2019-10-05/item", "2019-10-05"),
        ("https://example.com/news/item-12345", None),
        ("https://example.com/2018/13/40/x", None),
        (None, None),
    ],
)
def test_url_date(url, iso):
    found = url_date(url)
    assert (found[0].isoformat() if found else None) == iso


@pytest.mark.parametrize(
    "text, meta, url, iso, source",
    [
        # Crawl time (no zone): the opening weekday pins the day.
        ("أعلنت الوزارة اليوم (الاثنين) أن المدارس ستفتح.", "2015-08-12 10:00:00", None, "2015-08-10", "text"),
        ("قال مسؤول يوم أمس (الأحد) إن الاتفاق وشيك.", "2015-07-31 04:32:14", None, "2015-07-27", "text"),
        ("قالت الشرطة اليوم الخميس إنها اعتقلت مشتبها به.", "2015-08-06 18:51:21", None, "2015-08-06", "text"),
        # A publisher's timestamp (with zone) is not overridden by the text.
        ("أعلنت الوزارة اليوم الجمعة أن المدارس ستفتح.", "Sat, 30 Jun 2018 03:02:20 +0400", None, "2018-06-30", "metadata"),
        ("نص بلا تاريخ.", "Tue, 10 Apr 2018 14:39:56 GMT", "http://x.net/2017/01/01/a", "2018-04-10", "metadata"),
        ("نص بلا تاريخ.", None, "http://x.net/2017/01/02/a", "2017-01-02", "url"),
        ("نص بلا تاريخ.", "2019-10-06 08:00:00", "http://x.net/2019/10/05/a", "2019-10-05", "url"),
        ("نص بلا تاريخ.", "garbage", None, None, "none"),
        ("نص بلا تاريخ.", None, None, None, "none"),
    ],
)
def test_resolve_published(text, meta, url, iso, source):
    p = resolve_published(text, metadata_date=meta, url=url)
    assert p.value == iso
    assert p.source.value == source


def test_dateline_date_wins_over_crawl_time():
    p = resolve_published("نص.", dateline_date="2015-08-10", dateline_text="بريدة … واس", metadata_date="2015-08-11 20:00:00")
    assert (p.value, p.source.value, p.raw) == ("2015-08-10", "dateline", "بريدة … واس")


def test_warc_date_is_a_crawl_time():
    p = resolve_published("استقبل الوزير اليوم (الثلاثاء) وفدا.", metadata_date="2019-10-10T09:00:00Z", metadata_is_crawl_time=True)
    assert (p.value, p.source.value) == ("2019-10-08", "text")


@pytest.mark.parametrize("raw, crawl", [("2015-08-10 20:27:03", True), ("Tue, 10 Apr 2018 14:39:56 GMT", False),
                                        ("2018-04-10", False), ("2017-01-21T23:43:00+01:00", False)])
def test_crawl_time_heuristic(raw, crawl):
    assert looks_like_crawl_time(raw) is crawl
