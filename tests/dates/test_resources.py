"""Every date resource file parses; malformed rows are reported with file and line."""
from __future__ import annotations

import pytest

from marsad.dates import lexicon as lx


@pytest.mark.parametrize("name", lx.FILES)
def test_resource_file_is_valid(name):
    lx.validate_file(name)


def test_lexicon_loads():
    lex = lx.lexicon()
    assert lex.gregorian["شباط"] == 2 and lex.gregorian["جانفي"] == 1
    assert lex.hijri["شوال"] == 10
    assert lex.weekdays["الثلاثاء"] == 1


@pytest.mark.parametrize(
    "text,message",
    [
        ("form\tmonth\tnote\nشوال\t13\tbad\n", "x.tsv:2"),
        ("form\tmonth\tnote\nشوال\tten\tbad\n", "not an integer"),
        ("form\tmonth\tnote\nشوال\t10\t\n", "empty note"),
        ("form\tmonth\tnote\nشوال\t10\n", "columns"),
        ("month\tform\tnote\n", "header"),
        ("form\tmonth\tnote\nشوال\t10\ta\nشوال\t11\tb\n", "already means"),
    ],
)
def test_malformed_rows_are_named(text, message):
    with pytest.raises(lx.LexiconError, match=message):
        lx.parse_simple("x.tsv", text, "month", 1, 12)


def test_unknown_role_and_unit():
    with pytest.raises(lx.LexiconError, match="unknown role"):
        lx.parse_cues("c.tsv", "form\trole\tnote\nكلمة\tnope\tn\n")
    with pytest.raises(lx.LexiconError, match="unknown unit"):
        lx.parse_relative("r.tsv", "phrase\tunit\toffset\tnote\nكلمة\tcentury\t1\tn\n")
