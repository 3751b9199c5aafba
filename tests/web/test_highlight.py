"""Span highlighting: escaped pieces, balanced tags, and the text recovered exactly (hypothesis)."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.web.highlight import Mark, MarkKind, hit_marks, record_marks, render

TAG = re.compile(r"<[^>]*>")
VOID = {"br", "img"}


def plain(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def parse(markup: str) -> _Balance:
    p = _Balance()
    p.feed(str(markup))
    p.close()
    return p


def pieces(markup: str, attr: str, key: str) -> str:
    """Concatenated text of all elements carrying attr=key (split spans have several)."""
    out, depth, buf = [], 0, []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            nonlocal depth
            if depth:
                depth += 1
            elif dict(attrs).get(attr) == key:
                depth = 1

        def handle_endtag(self, tag):
            nonlocal depth
            if depth:
                depth -= 1
                if depth == 0:
                    out.append("".join(buf))
                    buf.clear()

        def handle_data(self, data):
            if depth:
                buf.append(data)

    p = P(convert_charrefs=True)
    p.feed(str(markup))
    return "".join(out)


ARABIC = st.text(alphabet=st.sampled_from(list("قطرالناتو وحلف<>&\"'\n ًّ") + ["\U0001F600"]), max_size=60)


@st.composite
def text_and_marks(draw):
    text = draw(ARABIC)
    n = len(text)
    marks = []
    for i in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(0, n))
        s, e = min(a, b), max(a, b)
        kind = draw(st.sampled_from(list(MarkKind)))
        href = draw(st.sampled_from([None, "/actor/QAT"]))
        marks.append(Mark(s, e, kind, f"k{i}", "c", title=text[s:e], href=href, anchor=f"a{i}"))
    return text, marks


@settings(max_examples=300, deadline=None)
@given(text_and_marks())
def test_render_round_trips_and_balances(data):
    text, marks = data
    out = render(text, marks)
    assert plain(out) == text
    p = parse(out)
    assert p.ok and not p.stack
    assert all(tag != "script" for tag, _ in p.tags)
    for m in marks:
        if m.start < m.end:
            assert pieces(out, {MarkKind.EVENT: "data-ev", MarkKind.TRIGGER: "data-trig", MarkKind.DATE: "data-date",
                                MarkKind.ENTITY: "data-ent"}.get(m.kind, "class"), m.key) == text[m.start:m.end] \
                or m.kind is MarkKind.MATCH


@settings(max_examples=100, deadline=None)
@given(text_and_marks())
def test_links_never_nest(data):
    text, marks = data
    depth = 0
    for tag in re.findall(r"</?a\b", str(render(text, marks))):
        depth += 1 if tag == "<a" else -1
        assert depth <= 1


def test_crossing_spans_are_split_with_one_anchor():
    text = "وقعت قطر وحلف الناتو اتفاقية"
    marks = [Mark(0, 13, MarkKind.EVENT, "e", "ev", anchor="ev-0-13"), Mark(9, 20, MarkKind.ENTITY, "n", "ent")]
    out = str(render(text, marks))
    assert out.count('id="ev-0-13"') == 1
    assert pieces(out, "data-ent", "n") == text[9:20]
    assert pieces(out, "data-ev", "e") == text[0:13]


@pytest.mark.parametrize("hostile", ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '" onmouseover="x'])
def test_hostile_text_and_attributes_are_escaped(hostile):
    text = "قبل " + hostile + " بعد"
    s = text.index(hostile)
    marks = [Mark(s, s + len(hostile), MarkKind.ENTITY, hostile, "ent", title=hostile, href="/actor/X")]
    out = str(render(text, marks))
    assert "<script" not in out and "<img" not in out and 'onmouseover="x' not in out
    assert plain(out) == text


def test_record_marks_link_entities_and_anchor_events():
    text = "وقعت قطر وحلف الناتو اتفاقية في 5 آذار"
    d = text.index("5 آذار")
    rec = {
        "text": text,
        "entities": [{"start": 5, "end": 8, "text": "قطر", "type": "GPE", "actor": "QAT"}],
        "dates": [{"start": d, "end": d + 6, "text": text[d:d + 6], "value": "2018-03-05"}],
        "events": [{"type": "AGREE", "cameo": "057", "source": ["QAT"], "target": ["NATO"], "start": 0, "end": 28,
                    "quad": "verbal cooperation", "trigger": {"start": 0, "end": 4, "text": "وقعت"}}],
    }
    out = str(render(text, record_marks(rec)))
    assert 'href="/actor/QAT"' in out and 'id="ev-0-28"' in out and 'datetime="2018-03-05"' in out
    assert pieces(out, "data-ev", "0-28") == text[0:28]
    assert plain(out) == text


def test_hit_marks_are_relative_to_the_snippet():
    out = str(render("الاتفاقية", hit_marks([(10, 19)], base=10)))
    assert out == '<mark class="hit">الاتفاقية</mark>'
