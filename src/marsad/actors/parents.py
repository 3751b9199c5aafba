"""Programmes and bodies that belong to a coded actor: «مبادرة إسطنبول للتعاون التي أطلقها
حلف الناتو» keeps its own name (actor null, as the gold guidelines write it) but gets the
affiliation NATO, so that joining it is cooperation with NATO.

Only founding/leading relations count («أطلق، أسس، أنشأ، يقود» and «التابع لـ»): a body
that an actor merely supports («تدعمها») does not act for it.  The cue words live in
resources/actors/parent_cues.tsv.
"""
from __future__ import annotations

import enum
from bisect import bisect_left
from functools import lru_cache
from typing import Sequence

from marsad.actors.tsv import load_word_cues
from marsad.model import Entity, Token

WINDOW = 5  # tokens after the cue in which the owning actor must start
MAX_GAP = 2  # words between the recognised body and the cue


class ParentCue(enum.Enum):
    RELATIVE = "relative"
    ATTACHED = "attached"
    FOUNDER = "founder"


@lru_cache(maxsize=1)
def parent_cues() -> dict[str, ParentCue]:
    return load_word_cues("parent_cues.tsv", "kind", ParentCue)


def _cue(tok: Token) -> ParentCue | None:
    cues = parent_cues()
    if tok.kind != "word":
        return None
    if tok.norm in cues:
        return cues[tok.norm]
    # A founder verb carries its object pronoun and maybe a conjunction: «أطلقها», «وأسسه».
    for word, kind in cues.items():
        if kind is ParentCue.FOUNDER and word in tok.norm[:len(word) + 1] and len(tok.norm) <= len(word) + 3:
            return kind
    return None


def _owner_window(window: Sequence[Token]) -> Sequence[Token]:
    """The tokens after the cue in which the owner is named, or nothing when no cue.

    The cue may follow a word or two that the recognised span left out of the noun phrase
    («مبادرة إسطنبول [للتعاون] التي أطلقها …»)."""
    for k, tok in enumerate(window[:MAX_GAP + 1]):
        if tok.kind == "punct" and tok.text not in "،,":
            return ()
        cue = _cue(tok)
        if cue is ParentCue.ATTACHED:
            rest = window[k + 1:]
        elif cue is ParentCue.RELATIVE and k + 1 < len(window) and _cue(window[k + 1]) is ParentCue.FOUNDER:
            rest = window[k + 2:]
        else:
            continue
        for j, t in enumerate(rest):
            if t.kind == "punct" and t.text not in "،,":
                return rest[:j]
        return rest
    return ()


def parent_affiliations(tokens: Sequence[Token], ents: Sequence[Entity]) -> None:
    """Give an uncoded ORG the code of the actor that founded, leads or owns it."""
    starts = [t.start for t in tokens]
    coded = [e for e in ents if e.actor and e.type in ("ORG", "GPE")]
    for e in ents:
        if e.type != "ORG" or e.actor or e.affiliation:
            continue
        i = bisect_left(starts, e.end)
        window = _owner_window(tokens[i:i + MAX_GAP + 2 + WINDOW])
        if not window:
            continue
        lo, hi = window[0].start, window[min(len(window), WINDOW) - 1].end
        owner = next((c for c in coded if lo <= c.start < hi), None)
        if owner is not None:
            e.affiliation = owner.actor
