"""Publication date resolution: `resolve_published(...) -> Published`.

Order of trust (the first that gives a day wins):
1. dateline: a date written in the dateline («… 10 اغسطس 2015 م واس»);
2. text: when the metadata date is only a crawl time (a WARC-Date, or a timestamp
   without a time zone such as SaudiNewsNet's), an opening «اليوم (الاثنين)» /
   «أمس (الأحد)» pins the weekday: the most recent such day before the crawl.
   A publisher's own timestamp (with a zone, or a bare date) is not overridden;
3. metadata: the record's date (RFC 822, ISO 8601, «YYYY-MM-DD HH:MM:SS», DD/MM/YYYY),
   read as the calendar date in the publisher's own time zone, never converted to UTC;
4. url: a date in the URL path (/2018/04/10/, 20180410); it also beats a crawl time
   that is not earlier;
5. none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_tz
from enum import Enum
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from marsad.arabic import normalize
from marsad.ingest.resources import DayKind, day_words

MIN_YEAR, MAX_YEAR = 1900, 2100
# The opening phrase must be in the first sentence or so.
OPENING_CHARS = 300


class PublishedSource(str, Enum):
    DATELINE = "dateline"
    TEXT = "text"
    METADATA = "metadata"
    URL = "url"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Published:
    value: str | None  # ISO YYYY-MM-DD
    source: PublishedSource
    raw: str | None  # what the date was read from


def make_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s])")
_DMY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:$|\s)")


def parse_metadata_date(raw: str | None) -> dt.date | None:
    """The calendar date written in a metadata date string, as written (no UTC shift)."""
    if not raw or not isinstance(raw, str):
        return None
    for regex, order in ((_ISO, (1, 2, 3)), (_COMPACT, (1, 2, 3)), (_DMY, (3, 2, 1))):
        m = regex.match(raw)
        if m:
            # DD/MM/YYYY is the Arab (and European) order; US month-first is not used here.
            return make_date(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2])))
    parts = parsedate_tz(raw)
    if parts is not None:
        return make_date(parts[0], parts[1], parts[2])
    return None


_URL_YMD = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=/|$|[-_.])")
_URL_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")


def url_date(url: str | None) -> tuple[dt.date, str] | None:
    """A date in the URL path and the piece it was read from."""
    if not url:
        return None
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    for regex in (_URL_YMD, _URL_COMPACT):
        for m in regex.finditer(path):
            d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d is not None:
                return d, m.group().strip("/")
    return None


@lru_cache(maxsize=1)
def _opening_regex() -> tuple[re.Pattern, dict[str, int], dict[str, int]]:
    weekdays = {w.key: w.value for w in day_words() if w.kind is DayKind.WEEKDAY}
    relative = {w.key: w.value for w in day_words() if w.kind is DayKind.RELATIVE}
    rel = "|".join(re.escape(k) for k in sorted(relative, key=len, reverse=True))
    wd = "|".join(re.escape(k) for k in sorted(weekdays, key=len, reverse=True))
    # «اليوم (الاثنين)», «أمس الأحد», «يوم أمس (الاحد)»; optional comma before the bracket.
    pattern = re.compile(rf"(?<!\w)(?P<rel>{rel})[ ،,]{{0,2}}\(?[ ]?(?P<wd>{wd})[ ]?\)?(?!\w)")
    return pattern, weekdays, relative


@dataclass(frozen=True, slots=True)
class OpeningDay:
    relative: int
    weekday: int  # ISO
    text: str


def opening_day(text: str) -> OpeningDay | None:
    """«اليوم (الاثنين)»-style phrase near the start of the text."""
    head = text[:OPENING_CHARS]
    view = normalize(head)
    pattern, weekdays, relative = _opening_regex()
    m = pattern.search(view.text)
    if m is None:
        return None
    return OpeningDay(relative[m.group("rel")], weekdays[m.group("wd")], view.original_text(*m.span()))


def pin_weekday(anchor: dt.date, day: OpeningDay) -> dt.date:
    """Publication day such that the event day (publication + relative) has the stated
    weekday and is the most recent such day not after anchor + relative."""
    latest_event = anchor + dt.timedelta(days=day.relative)
    back = (latest_event.isoweekday() - day.weekday) % 7
    return latest_event - dt.timedelta(days=back) - dt.timedelta(days=day.relative)


_NAIVE_TIMESTAMP = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:?\d{2}(?::?\d{2}(?:\.\d+)?)?\s*$")


def looks_like_crawl_time(raw: str | None) -> bool:
    """A timestamp with no time zone is what crawlers record; publishers' feeds (RFC 822,
    ISO with an offset) carry a zone, and a bare date is a publication date."""
    return bool(raw) and bool(_NAIVE_TIMESTAMP.match(raw))


def resolve_published(
    text: str,
    dateline_date: str | None = None,
    dateline_text: str | None = None,
    metadata_date: str | None = None,
    url: str | None = None,
    metadata_is_crawl_time: bool | None = None,
) -> Published:
    """`metadata_is_crawl_time`: True for container dates (WARC-Date); None to infer."""
    if dateline_date:
        return Published(dateline_date, PublishedSource.DATELINE, dateline_text or dateline_date)
    meta = parse_metadata_date(metadata_date)
    if meta is not None:
        crawl = looks_like_crawl_time(metadata_date) if metadata_is_crawl_time is None else metadata_is_crawl_time
        day = opening_day(text) if crawl else None
        if day is not None:
            return Published(pin_weekday(meta, day).isoformat(), PublishedSource.TEXT, day.text)
        from_url = url_date(url) if crawl else None
        if from_url is not None and from_url[0] <= meta:
            # A crawl happens on or after publication; a date in the URL path is the
            # publisher's own and more precise.
            return Published(from_url[0].isoformat(), PublishedSource.URL, from_url[1])
        return Published(meta.isoformat(), PublishedSource.METADATA, metadata_date)
    from_url = url_date(url)
    if from_url is not None:
        return Published(from_url[0].isoformat(), PublishedSource.URL, from_url[1])
    return Published(None, PublishedSource.NONE, metadata_date or None)
