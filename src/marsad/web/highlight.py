"""Stored spans → HTML of the original article text, safe by construction.

The article text is untrusted.  Every piece of it is escaped with markupsafe
*before* it is wrapped in tags, and tag attributes are escaped too, so nothing
in a document can become markup.  Spans come from several layers (event
evidence, triggers, entities, dates) and may cross each other; HTML cannot
express crossing elements, so a span that runs past the end of the span it
starts in is split there and continued after it (each piece carries the same
`data-*` key, and only the first carries the anchor id).

Invariant (tested with hypothesis): removing the tags and unescaping gives back
the text exactly, and the pieces of each span concatenate to `text[start:end]`.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Iterable, Sequence

from markupsafe import Markup, escape


class MarkKind(IntEnum):
    """Nesting order when spans coincide: lower values wrap higher ones."""

    EVENT = 0
    TRIGGER = 1
    ENTITY = 2
    DATE = 3
    MATCH = 4  # a search hit


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: MarkKind
    key: str  # shared by all pieces of a split span (data attribute value)
    css: str = ""
    title: str = ""
    href: str | None = None  # an internal link (built by us from codes, never from article data)
    anchor: str | None = None  # id of the first piece
    value: str | None = None  # machine-readable value (a date's ISO value)


@dataclass(slots=True)
class _Node:
    start: int
    end: int
    mark: Mark | None
    first: bool = True
    children: list["_Node"] = field(default_factory=list)


def _tree(marks: Iterable[Mark], length: int) -> _Node:
    root = _Node(0, length, None)
    heap = [(m.start, -m.end, int(m.kind), i, m, True) for i, m in enumerate(marks)
            if 0 <= m.start < m.end <= length]
    heapq.heapify(heap)
    stack = [root]
    while heap:
        start, neg_end, rank, seq, mark, first = heapq.heappop(heap)
        end = -neg_end
        while len(stack) > 1 and stack[-1].end <= start:
            stack.pop()
        parent = stack[-1]
        if end > parent.end:  # crosses the parent's end: keep the inside piece, continue the rest later
            heapq.heappush(heap, (parent.end, -end, rank, seq, mark, False))
            end = parent.end
        node = _Node(start, end, mark, first)
        parent.children.append(node)
        stack.append(node)
    return root


def _attr(name: str, value: str) -> str:
    return f' {name}="{escape(value)}"'


def _open(node: _Node, in_link: bool) -> tuple[str, str, bool]:
    """Opening tag, closing tag, and whether the children are inside a link."""
    m = node.mark
    assert m is not None
    attrs = _attr("class", m.css) if m.css else ""
    if m.title:
        attrs += _attr("title", m.title)
    if node.first and m.anchor:
        attrs += _attr("id", m.anchor)
    if m.kind is MarkKind.EVENT:
        return f'<span{attrs}{_attr("data-ev", m.key)}>', "</span>", in_link
    if m.kind is MarkKind.TRIGGER:
        return f'<b{attrs}{_attr("data-trig", m.key)}>', "</b>", in_link
    if m.kind is MarkKind.MATCH:
        return f"<mark{attrs}>", "</mark>", in_link
    if m.kind is MarkKind.DATE:
        value = _attr("datetime", m.value) if m.value else ""
        return f'<time{attrs}{value}{_attr("data-date", m.key)}>', "</time>", in_link
    if m.href and not in_link:  # links cannot nest
        return f'<a{attrs}{_attr("href", m.href)}{_attr("data-ent", m.key)}>', "</a>", True
    return f'<span{attrs}{_attr("data-ent", m.key)}>', "</span>", in_link


def _render(text: str, node: _Node, in_link: bool, out: list[str]) -> None:
    pos = node.start
    for child in node.children:
        out.append(str(escape(text[pos:child.start])))
        open_tag, close_tag, child_in_link = _open(child, in_link)
        out.append(open_tag)
        _render(text, child, child_in_link, out)
        out.append(close_tag)
        pos = child.end
    out.append(str(escape(text[pos:node.end])))


def render(text: str, marks: Sequence[Mark]) -> Markup:
    """The escaped `text` with `marks` wrapped in tags (safe to insert into a template)."""
    out: list[str] = []
    _render(text, _tree(marks, len(text)), False, out)
    return Markup("".join(out))


# -- marks from an extraction record (docs/extract-format.md) -----------------
def event_key(start: int, end: int) -> str:
    return f"{start}-{end}"


def quad_css(quad: str | None) -> str:
    return "q-" + (quad or "none").replace(" ", "-")


def record_marks(record: dict[str, Any]) -> list[Mark]:
    """Marks for a record's events (evidence and trigger), entities and dates.

    Events with the same evidence span share one mark (and one anchor), so a link
    to `#ev-START-END` lands on the whole evidence.
    """
    from marsad.api.links import actor_href  # internal links are built in one place

    marks: list[Mark] = []
    by_span: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for ev in record.get("events", []):
        by_span.setdefault((ev["start"], ev["end"]), []).append(ev)
    for (start, end), evs in by_span.items():
        key = event_key(start, end)
        title = "؛ ".join(f"{e['type']} ({e.get('cameo') or '—'}) {'،'.join(e['source'])} → {'،'.join(e['target'])}"
                         for e in evs)
        marks.append(Mark(start, end, MarkKind.EVENT, key, f"ev {quad_css(evs[0].get('quad'))}", title,
                          anchor=f"ev-{key}"))
        for e in evs:
            trig = e.get("trigger")
            if trig and trig.get("start", -1) >= 0:
                marks.append(Mark(trig["start"], trig["end"], MarkKind.TRIGGER, key, "trig", e["type"]))
    for ent in record.get("entities", []):
        code = ent.get("actor")
        title = " · ".join(x for x in (ent.get("type"), code, ent.get("role"), ent.get("affiliation")) if x)
        marks.append(Mark(ent["start"], ent["end"], MarkKind.ENTITY, event_key(ent["start"], ent["end"]),
                          f"ent ent-{ent.get('type') or 'X'}", title, href=actor_href(code) if code else None))
    for d in record.get("dates", []):
        marks.append(Mark(d["start"], d["end"], MarkKind.DATE, event_key(d["start"], d["end"]), "date",
                          d.get("value") or "", value=d.get("value")))
    return marks


def hit_marks(spans: Iterable[tuple[int, int]], base: int = 0) -> list[Mark]:
    """Search-hit marks from (start, end) offsets, shifted by `base` (a snippet's start)."""
    return [Mark(s - base, e - base, MarkKind.MATCH, event_key(s, e), "hit") for s, e in spans]
