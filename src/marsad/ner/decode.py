"""BIO label sequences → token ranges → `Entity` spans on the document text."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from marsad.model import Entity, Token
from marsad.ner.labels import OUTSIDE, split_tag


@dataclass(frozen=True, slots=True)
class TokenRange:
    start: int  # first token index
    end: int  # one past the last token index
    type: str


def bio_ranges(tags: Sequence[str]) -> list[TokenRange]:
    """Entity token ranges of a BIO sequence; a stray I- opens an entity (conlleval's reading)."""
    out: list[TokenRange] = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, t = split_tag(tag)
        if start >= 0 and (prefix != "I" or t != typ):
            out.append(TokenRange(start, i, typ))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, typ = i, t
    return out


def _trim(rng: TokenRange, tokens: Sequence[Token]) -> TokenRange | None:
    # Punctuation at the edges of a predicted entity is never part of the name.
    s, e = rng.start, rng.end
    while s < e and tokens[s].kind == "punct":
        s += 1
    while e > s and tokens[e - 1].kind == "punct":
        e -= 1
    return TokenRange(s, e, rng.type) if e > s else None


def ranges_to_entities(
    text: str,
    tokens: Sequence[Token],
    tags: Sequence[str],
    confidences: Sequence[float] | None = None,
    source: str = "crf",
) -> list[Entity]:
    """Entities for one tagged token sequence, exact into `text`.

    The mention starts at the first token's `base_start`, so attached
    conjunction/preposition proclitics are left out («الناتو» for «والناتو»),
    as the gold guidelines write mentions.
    """
    out: list[Entity] = []
    for rng in bio_ranges(tags):
        rng = _trim(rng, tokens)
        if rng is None:
            continue
        first, last = tokens[rng.start], tokens[rng.end - 1]
        start = first.base_start if first.start <= first.base_start < first.end else first.start
        end = last.end
        conf = 1.0
        if confidences is not None:
            window = confidences[rng.start:rng.end]
            conf = sum(window) / len(window)
        out.append(Entity(start, end, text[start:end], type=rng.type, source=source, confidence=round(conf, 4)))
    return out
