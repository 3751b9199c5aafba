"""An oracle entity/date layer built from gold annotations (for evaluating events alone).

The gold files list, per article, entities with their surface mentions and dates
with their surface text (../shared/gold, GUIDELINES.md).  Here each mention is
located in the article text (clitic prefixes allowed before it, no letter after
it) to give `Entity` and `DateMention` spans, as a perfect recogniser would.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from marsad.model import DateMention, Document, Entity
from marsad.pipeline import TextLayer

_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3A-Za-z0-9]")
_CLITICS = re.compile(r"^(?:[وف]?[بلك]?(?:ال|ل)?|[وف]?لل)$")


@dataclass(frozen=True, slots=True)
class GoldArticle:
    doc: Document
    gold: dict


def _boundary_ok(text: str, start: int, end: int) -> bool:
    if end < len(text) and _LETTER.match(text[end]):
        return False
    k = start
    while k > 0 and _LETTER.match(text[k - 1]):
        k -= 1
    return bool(_CLITICS.match(text[k:start])) if k < start else True


def find_all(text: str, needle: str) -> list[int]:
    out, pos = [], 0
    while needle:
        i = text.find(needle, pos)
        if i < 0:
            break
        if _boundary_ok(text, i, i + len(needle)):
            out.append(i)
        pos = i + 1
    return out


def oracle_entities(text: str, gold: dict) -> list[Entity]:
    cands = []
    for ent in gold.get("entities", []):
        for mention in ent.get("mentions", []):
            for i in find_all(text, mention):
                cands.append((i, i + len(mention), ent))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, ent in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(Entity(s, e, text[s:e], type=ent["type"], actor=ent.get("actor"), source="oracle"))
    return sorted(out, key=lambda x: x.start)


def oracle_dates(text: str, gold: dict) -> list[DateMention]:
    cursor: dict[str, int] = {}
    out = []
    for d in gold.get("dates", []):
        t = d["text"]
        hits = [i for i in find_all(text, t) if i >= cursor.get(t, 0)] or find_all(text, t)
        if not hits:
            continue
        i = hits[0]
        cursor[t] = i + 1
        out.append(DateMention(i, i + len(t), t, value=d.get("value")))
    return sorted(out, key=lambda x: x.start)


def load_gold(gold_path: Path, articles_path: Path) -> list[GoldArticle]:
    arts = {}
    with open(articles_path, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            arts[a["id"]] = a
    out = []
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            a = arts[g["id"]]
            doc = Document(id=g["id"], text=a["text"], title=a.get("title", ""), published=g.get("published"))
            out.append(GoldArticle(doc, g))
    return out


def with_oracle_layers(article: GoldArticle) -> Document:
    """The article as a document with text layer and oracle entities and dates."""
    doc = TextLayer()(Document(id=article.doc.id, text=article.doc.text, title=article.doc.title,
                               published=article.doc.published))
    doc.entities = oracle_entities(doc.text, article.gold)
    doc.dates = oracle_dates(doc.text, article.gold)
    return doc
