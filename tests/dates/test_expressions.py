"""The expression table (tests/dates/expressions.tsv): our own sentences, one expectation each."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.dates import find_dates, parse_date

TABLE = Path(__file__).with_name("expressions.tsv")


def _rows():
    lines = [ln for ln in TABLE.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    for ln in lines[1:]:
        row = dict(zip(header, ln.split("\t")))
        yield pytest.param(row, id=f"{row['note']}|{row['text'][:30]}")


ROWS = list(_rows())


def test_table_is_large_enough():
    assert len(ROWS) >= 150


@pytest.mark.parametrize("row", ROWS)
def test_expression(row):
    text = row["text"]
    anchor = None if row["anchor"] == "-" else row["anchor"]
    expected = None if row["value"] == "-" else row["value"]
    mentions = find_dates(text, anchor)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    if row["span"] == "-":
        assert mentions == [], [(m.text, m.value) for m in mentions]
        return
    same = [m for m in mentions if m.text == row["span"]]
    assert same, f"no mention {row['span']!r} in {[(m.text, m.value) for m in mentions]}"
    assert same[0].value == expected


@pytest.mark.parametrize(
    "text,anchor,value",
    [
        ("16 فبراير/شباط 2005", None, "2005-02-16"),
        ("الثلاثاء المقبل", "2018-04-14", "2018-04-17"),
        ("يوم الجمعة", "2018-04-14", "2018-04-13"),
        ("رمضان 1439", None, "2018-05"),
        ("ثلاث سنوات", "2018-04-14", None),
        ("", "2018-04-14", None),
    ],
)
def test_parse_date(text, anchor, value):
    assert parse_date(text, anchor) == value


@pytest.mark.parametrize("anchor", ["2018-04-14", "2018-04-14 09:30:00", "Sat, 14 Apr 2018 05:39:50 GMT"])
def test_anchor_formats(anchor):
    assert parse_date("أمس", anchor) == "2018-04-13"


def test_paired_hijri_gregorian_gives_two_mentions():
    text = "وفي 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م افتتح المصنع"
    ms = find_dates(text)
    assert [(m.calendar, m.value) for m in ms] == [("hijri", "2015-08-10"), ("gregorian", "2015-08-10")]


def test_no_anchor_never_today():
    assert all(m.value is None for m in find_dates("اليوم وأمس وغدا والثلاثاء والعام الماضي"))
