"""Document-level linking: capitals used for their state, nominal anaphora,
surname coreference, and roles/affiliations given by apposition.

Each step adds information, never removes mentions; new mentions (a surname
alone, «الحلف» after NATO) are added with source "coref".
"""
from __future__ import annotations

import enum
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from marsad.actors.matcher import Index, index, match_at
from marsad.actors.recognise import NAME_LINKS, Scan, state_after
from marsad.actors.registry import Entry, Kind, key_of, registry
from marsad.actors.tsv import load_word_cues
from marsad.arabic.tokenize import split_clitics
from marsad.model import Document, Entity, Token
from marsad.actors.parents import parent_affiliations


class Cue(enum.Enum):
    PLACE = "place"
    STATE = "state"


@lru_cache(maxsize=1)
def metonymy_cues() -> dict[str, Cue]:
    return load_word_cues("metonymy.tsv", "cue", Cue)


@dataclass
class DocView:
    doc: Document
    starts: list[int]  # token start offsets, for bisect

    @classmethod
    def of(cls, doc: Document) -> "DocView":
        return cls(doc, [t.start for t in doc.tokens])

    def token_index(self, offset: int) -> int:
        """Index of the token containing character `offset`."""
        i = bisect_left(self.starts, offset)
        if i == len(self.starts) or self.starts[i] > offset:
            i -= 1
        return max(i, 0)


def link(doc: Document) -> list[Entity]:
    view = DocView.of(doc)
    ents = sorted(doc.entities, key=lambda e: (e.start, -e.end))
    for e in ents:
        if e.type == "GPE" and e.actor is None:
            e.actor = capital_as_state(view, e)
    apposition_roles(view, ents)
    surname_affiliations(ents)
    parent_affiliations(doc.tokens, ents)
    ents = ents + coreference(view, ents)
    return sorted(ents, key=lambda e: (e.start, -e.end))


# -- capitals used for their state ------------------------------

def _capital_of(surface: str) -> str | None:
    reg = registry()
    for key in {key_of(surface), *(_stripped_keys(surface))}:
        for e in reg.lexicon.get(key, ()):
            if e.kind is Kind.CITY and e.capital:
                return e.code
    return None


def _stripped_keys(surface: str) -> list[tuple[str, ...]]:
    key = key_of(surface)
    if not key:
        return []
    b, s = split_clitics(key[0])
    out = [(key[0][b:], *key[1:])]
    if s > b:
        out.append(("ال" + key[0][s:], *key[1:]))
    return out


def capital_as_state(view: DocView, ent: Entity) -> str | None:
    """The state's code when a capital stands for its state in this context, else None.

    Place contexts (a locative preposition, «بالدوحة», a direction, a dateline) keep the
    city; agentive ones (after عن/مع/بين, a possessive noun, a verb or a coordinated
    state) give the state.  Ambiguous contexts stay a place: a wrong state code would
    turn a location into an actor.
    """
    code = _capital_of(ent.text)
    if code is None:
        return None
    toks = view.doc.tokens
    i = view.token_index(ent.start)
    tok = toks[i]
    clitics = tok.norm[: split_clitics(tok.norm)[0]] if tok.start != ent.start or tok.base_start != tok.start else ""
    if "ب" in clitics:
        return None  # «بالدوحة»: in Doha
    if tok.norm.startswith("لل") or "ل" in clitics:
        return code  # «بعثة للدوحة»: for Doha
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.kind == "punct" and nxt.text in "-–|:":
        return None  # dateline «بروكسيل- …»
    if i == 0 or toks[i - 1].kind == "punct":
        return code if nxt is not None and _verbish(nxt) else None
    prev = toks[i - 1]
    cue = metonymy_cues().get(prev.norm) or metonymy_cues().get(prev.norm[split_clitics(prev.norm)[0]:])
    if cue is Cue.PLACE:
        return None
    if cue is Cue.STATE or "و" in clitics and _state_before(view, i):
        return code
    if _verbish(prev):
        return code
    # «انضمت إليها الدوحة»: a verb, then a pronoun-suffixed preposition
    if i >= 2 and prev.norm.startswith(("الي", "علي", "له", "عليه", "منه")) and _verbish(toks[i - 2]):
        return code
    return None


def _verbish(tok: Token) -> bool:
    """A crude test for a finite verb: past 3rd fem. (…ت) or imperfect (ي/ت…), no article."""
    n = tok.norm[split_clitics(tok.norm)[0]:] if tok.kind == "word" else ""
    if len(n) < 3 or n.startswith("ال") or n in metonymy_cues():
        return False
    if match_at([tok], 0) is not None:
        return False
    return (n.endswith("ت") and len(n) <= 6) or (n[0] in "يت" and 4 <= len(n) <= 6)


def _state_before(view: DocView, i: int) -> bool:
    m = match_at(view.doc.tokens, i - 1) if i >= 1 else None
    return bool(m and m.first_of(Kind.STATE))


# -- roles by apposition: «الخليفي رئيس بعثة قطر لدى حلف الناتو» -------------------

def apposition_roles(view: DocView, ents: Sequence[Entity]) -> None:
    toks = view.doc.tokens
    idx = index()
    scan = Scan(view.doc, toks, [None] * len(toks), idx, [])
    for e in ents:
        if e.type != "PER" or e.role:
            continue
        j = view.token_index(e.end - 1) + 1
        m = match_at(toks, j, idx) if j < len(toks) else None
        title = m.first_of(Kind.TITLE) if m else None
        if title is None or title.role_kind == "honorific":
            continue
        e.role = title.label
        if e.affiliation is None:
            e.affiliation = _affiliation_after(scan, m.last)


def _affiliation_after(scan: Scan, j: int) -> str | None:
    toks = scan.tokens
    for k in range(j, min(j + 3, len(toks))):
        scan.matches[k] = match_at(toks, k, scan.idx)
    found = state_after(scan, j, max_modifiers=0)
    if found:
        return found[1]
    m = scan.matches[j] if j < len(toks) else None
    e = m.first_of(Kind.STATE, Kind.ORG) if m else None
    return e.code if e else None


# -- coreference: surnames, anaphoric nouns, facility names ------------------------

def surname_affiliations(ents: Sequence[Entity]) -> None:
    """A person mentioned by surname alone (the tagger finds «نينيستو» itself) takes the
    affiliation of the full name that introduced it."""
    people = _person_aliases(ents)
    for e in ents:
        if e.type != "PER" or e.affiliation is not None:
            continue
        key = key_of(e.text)
        full = people.get(key[-1]) if len(key) == 1 else None
        if full is not None and full.start < e.start:
            e.affiliation = full.affiliation


def coreference(view: DocView, ents: Sequence[Entity]) -> list[Entity]:
    doc, toks = view.doc, view.doc.tokens
    covered = _covered(ents, len(doc.text))
    people = _person_aliases(ents)
    anaphors = registry().anaphors
    organ_heads = _organ_heads(ents)
    added: list[Entity] = []
    for i, tok in enumerate(toks):
        if tok.kind != "word" or covered[tok.base_start]:
            continue
        b = split_clitics(tok.norm)[0]
        word = tok.norm[b:]
        if word.startswith("لل"):
            word = "ال" + word[2:]  # «للحلف» = ل + الحلف
        start = tok.base_start
        person = people.get(word)
        if person is not None and person.start < tok.start:
            added.append(_entity(doc, start, tok.end, "PER", None, person.affiliation))
            continue
        codes = anaphors.get(word)
        if codes:
            target = _latest(ents, tok.start, lambda e: e.type == "ORG" and e.actor in codes)
            if target is not None:
                added.append(_entity(doc, start, tok.end, "ORG", target.actor, None))
                continue
        organ = organ_heads.get(word)
        if organ is not None and organ.start < tok.start and not _followed_by_state(toks, i):
            added.append(_entity(doc, start, tok.end, "ORG", organ.actor, None))
    return added


def _entity(doc: Document, start: int, end: int, etype: str, actor: str | None, aff: str | None) -> Entity:
    return Entity(start, end, doc.text[start:end], type=etype, actor=actor, affiliation=aff, source="coref")


def _covered(ents: Sequence[Entity], n: int) -> bytearray:
    cov = bytearray(n + 1)
    for e in ents:
        cov[e.start:e.end] = b"\x01" * (e.end - e.start)
    return cov


def _person_aliases(ents: Sequence[Entity]) -> dict[str, Entity]:
    """Surname (last name word) → the first full-name PER mention that introduces it."""
    out: dict[str, Entity] = {}
    for e in ents:
        if e.type != "PER":
            continue
        words = key_of(e.text)
        if len(words) < 2:
            continue
        last = words[-1]
        if words[-2] in NAME_LINKS:
            continue  # «عبد السلام», «بن سلمان»: the last word is not a surname on its own
        if len(last) >= 3 and last not in NAME_LINKS and not _is_lexical(last):
            out.setdefault(last, e)
    return out


def _is_lexical(word: str) -> bool:
    """Whether a word is known to the registry as something other than a person name."""
    return any(e.kind not in (Kind.PERSON, Kind.GIVEN_NAME) for e in registry().lexicon.get((word,), ()))


def _organ_heads(ents: Sequence[Entity]) -> dict[str, Entity]:
    """First word of each state-organ mention («النظام» of «النظام السوري») → that mention."""
    out: dict[str, Entity] = {}
    for e in ents:
        if e.source == "organ" and e.actor:
            head = key_of(e.text)[0]
            if head.startswith("ال"):
                out[head] = e  # the latest organ with this head wins
    return out


def _latest(ents: Sequence[Entity], before: int, pred) -> Entity | None:
    best = None
    for e in ents:
        if e.start >= before:
            break
        if pred(e):
            best = e
    return best


def _followed_by_state(toks: Sequence[Token], i: int) -> bool:
    m = match_at(toks, i + 1) if i + 1 < len(toks) else None
    return bool(m and (m.first_of(Kind.DEMONYM, Kind.STATE)))


__all__ = ["Cue", "capital_as_state", "coreference", "link", "metonymy_cues"]
