"""Joining rule mentions and tagger mentions into one consistent entity layer.

* `merge`: rule/gazetteer mentions first (they carry actor codes); a tagger
  mention is kept only where no rule mention lies — except that a tagger person
  name that extends a rule person name by clean name words replaces it («الشيخ
  إبراهيم الزكزك»: the title rule stops before a definite surname), and that a
  person the title or given-name rules guessed is kept only when the tagger also
  sees a person there (those rules read «قال مسؤول رفيع المستوى» or «علي أحد
  مواقع» as names; the tagger, trained on labelled text, rarely does).
* `harmonise_types`: one surface has one type in a document.  The scorer groups
  mentions by type, so «سيبيريا» tagged GPE once and LOC once would be two
  entities; a rule mention's type wins over the tagger's, and among tagger
  mentions the majority (then the more confident) wins.
* `drop_bylines`: the outlet's own name in a dateline byline («دبي، الإمارات
  (CNN) -- …») is not an entity of the article (gold guidelines).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Sequence

from marsad.actors.refine import NOT_NAMES, TokenView, band, word_kinds
from marsad.arabic.tokenize import strip_clitics
from marsad.model import Document, Entity

TAGGER = "crf"
# Rule sources whose person spans may be extended by the tagger (a gazetteer person is
# already written in full).
EXTENDABLE = frozenset({"title", "given-name"})
MAX_EXTRA_WORDS = 2
# A definite word this frequent in the news is a common noun, not a surname: «الاتفاق»
# (band 12) after «ووقع فلان», while «العودة», «الصباح» (8–10) are family names too.
MAX_SURNAME_BAND = 10
# «(CNN) --», «(رويترز) —»: a parenthesised name followed by a dash.
_BYLINE_AFTER = re.compile(r"\s*\)\s*[-–—]")
_BYLINE_BEFORE = re.compile(r"\(\s*$")


def merge(rules: list[Entity], extra: list[Entity], doc: Document | None = None) -> list[Entity]:
    """Rule mentions plus the tagger mentions that overlap none of them.

    With `doc`, a tagger PER mention that contains a rule PER mention and adds only
    clean name words takes its place (keeping the rule's role and affiliation)."""
    rules = list(rules)
    if doc is not None and doc.tokens:
        rules = _extend_people(doc, _confirmed(rules, extra), extra)
    taken = sorted((e.start, e.end) for e in rules)
    out = list(rules)
    for e in extra:
        if not any(s < e.end and e.start < t for s, t in taken):
            out.append(e)
            taken.append((e.start, e.end))
    return sorted(out, key=lambda e: (e.start, -e.end))


def _confirmed(rules: list[Entity], extra: Sequence[Entity]) -> list[Entity]:
    """Rule mentions without the guessed persons that no tagger person overlaps."""
    people = [(e.start, e.end) for e in extra if e.type == "PER"]
    return [r for r in rules if not (r.type == "PER" and r.source in EXTENDABLE)
            or any(s < r.end and r.start < t for s, t in people)]


def _extend_people(doc: Document, rules: list[Entity], extra: Sequence[Entity]) -> list[Entity]:
    view = TokenView(doc)
    people = [e for e in extra if e.type == "PER"]
    out = []
    for r in rules:
        if r.type == "PER" and r.source in EXTENDABLE:
            wider = next((e for e in people if e.start <= r.start and r.end <= e.end
                          and (e.start, e.end) != (r.start, r.end) and _clean_extension(view, r, e)), None)
            if wider is not None:
                r = Entity(wider.start, wider.end, wider.text, type="PER", actor=r.actor, role=r.role,
                           affiliation=r.affiliation, source=r.source, confidence=r.confidence)
        out.append(r)
    return out


def _clean_extension(view: TokenView, inner: Entity, outer: Entity) -> bool:
    """Whether the words `outer` adds around `inner` can be name words: plain words, no
    proclitic, none a common word the registry knows (title, stopword, demonym …)."""
    toks = view.doc.tokens
    added = [toks[k] for k in view.span_tokens(outer) if toks[k].end <= inner.start or toks[k].start >= inner.end]
    if not added or len(added) > MAX_EXTRA_WORDS:
        return False
    for tok in added:
        if tok.kind not in ("word", "latin") or tok.base_start > tok.start or tok.norm.startswith("لل"):
            return False
        if word_kinds(tok.norm) & NOT_NAMES:
            return False
        if tok.norm.startswith("ال") and band(tok.norm) > MAX_SURNAME_BAND:
            return False
    return True


# -- one type per surface ------------------------------

def _keys(ent: Entity) -> frozenset[str]:
    return frozenset(strip_clitics(ent.text.strip()))


def harmonise_types(ents: Sequence[Entity]) -> list[Entity]:
    """Retype tagger mentions (in place) so that a surface has one type per document."""
    rule_type: dict[str, Entity] = {}
    for e in ents:
        if e.source != TAGGER:
            for k in _keys(e):
                rule_type.setdefault(k, e)
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    tagged = [e for e in ents if e.source == TAGGER]
    for e in tagged:
        rule = next((rule_type[k] for k in _keys(e) if k in rule_type), None)
        if rule is not None:
            if rule.type != e.type:
                e.type = rule.type
                e.actor = e.actor or rule.actor
            continue
        for k in _keys(e):
            votes[k][e.type] += 1 + e.confidence  # the count first, confidence breaks ties
    for e in tagged:
        ballots: dict[str, float] = defaultdict(float)
        for k in _keys(e):
            for t, v in votes.get(k, {}).items():
                ballots[t] = max(ballots[t], v)
        if len(ballots) > 1:
            e.type = max(ballots.items(), key=lambda kv: kv[1])[0]
    return list(ents)


# -- bylines ------------------------------

def drop_bylines(doc: Document, ents: Iterable[Entity]) -> list[Entity]:
    """Without the outlet named in a byline: an ORG in parentheses followed by a dash."""
    text = doc.text
    return [e for e in ents if not (e.type == "ORG" and _BYLINE_BEFORE.search(text, max(0, e.start - 3), e.start)
                                    and _BYLINE_AFTER.match(text, e.end))]


__all__ = ["drop_bylines", "harmonise_types", "merge"]
