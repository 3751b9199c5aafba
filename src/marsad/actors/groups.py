"""Unnamed groups: «المعارضة السورية», «المقاومة الوطنية», «الفصائل المعارضة».

The gold annotates an opposition or resistance as an organisation (actor null)
when an adjective qualifies it; once a document has named it so, the bare head
(«المعارضة», «المقاومة») refers to the same group and is a mention too.  A bare
head in a document without a qualified mention is too often generic to annotate.
Heads come from resources/actors/groups.tsv.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.actors.tsv import load_tsv
from marsad.arabic.normalize import normalize_text
from marsad.arabic.tokenize import split_clitics
from marsad.model import Document, Entity, Token

SOURCE = "group"


@lru_cache(maxsize=1)
def group_heads() -> frozenset[str]:
    heads = set()
    for row in load_tsv("groups.tsv", ("head", "source")):
        head = normalize_text(row["head"])
        if not head.startswith("ال") or " " in head:
            raise row.fail("a group head is one definite word («المعارضة»)")
        heads.add(head)
    return frozenset(heads)


def _head(tok: Token) -> str | None:
    """The definite head this token writes (after و/ب/ل; «للمقاومة» = ل + المقاومة)."""
    if tok.kind != "word":
        return None
    n = tok.norm[split_clitics(tok.norm)[0]:]
    if n.startswith("لل"):
        n = "ال" + n[2:]
    return n if n in group_heads() else None


def _qualifier(tok: Token) -> bool:
    """A definite adjective: a nisba («السورية», «الوطنية») or «المعارضة»."""
    n = tok.norm
    return (tok.kind == "word" and tok.base_start == tok.start and n.startswith("ال") and len(n) >= 5
            and (n.endswith(("يه", "ي")) or n in group_heads()))


def groups(doc: Document, taken: list[Entity]) -> list[Entity]:
    """Group mentions not overlapping `taken`: qualified heads, then bare heads after one."""
    toks = doc.tokens
    cov = bytearray(len(doc.text) + 1)
    for e in taken:
        cov[e.start:e.end] = b"\x01" * (e.end - e.start)
    out: list[Entity] = []
    seen: set[str] = set()
    for i, tok in enumerate(toks):
        head = _head(tok)
        if head is None or cov[tok.base_start]:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and _qualifier(nxt) and not cov[nxt.start]:
            end = nxt.end
            seen.add(head)
        elif head in seen:
            end = tok.end
        else:
            continue
        start = tok.base_start
        out.append(Entity(start, end, doc.text[start:end], type="ORG", source=SOURCE))
    return out


__all__ = ["group_heads", "groups"]
