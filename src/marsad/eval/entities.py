"""Entity scoring at document level.

Recall: a gold entity (type, actor, mentions) is *found* when some system mention
of the same type either carries the gold actor code (only when the gold actor is
not null) or has a clitic-free surface reading equal to one of the gold mentions.
Note that this is not one-to-one: one system ORG mention coded QAT finds every
gold ORG entity coded QAT (ministry, army, embassy), as the task defines it.

Precision: system mentions are first grouped into document-level entities —
by (type, actor) when the mention has an actor, otherwise by (type, surface);
actor-less surfaces that match the same gold entity's mention list are merged
into one entity (so «قطر» and «دولة قطر» do not count twice).  A system entity
is correct when it matches some gold entity by the same rule as above.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.eval.forms import gold_form, surface_forms, surface_key
from marsad.eval.metrics import Score


@dataclass(frozen=True, slots=True)
class GoldEntity:
    type: str
    actor: str | None
    mentions: tuple[str, ...]
    forms: frozenset[str]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "GoldEntity":
        mentions = tuple(d.get("mentions") or ())
        forms = frozenset(f for f in (gold_form(m) for m in mentions) if f)
        return cls(str(d.get("type", "")).upper(), d.get("actor") or None, mentions, forms)

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "actor": self.actor, "mentions": list(self.mentions)}


@dataclass(slots=True)
class SystemEntity:
    """A document-level group of system mentions."""

    type: str
    actor: str | None
    surfaces: list[str] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "actor": self.actor, "surfaces": self.surfaces}


def matches(gold: GoldEntity, type_: str, actor: str | None, forms: set[str] | frozenset[str]) -> bool:
    if gold.type != type_:
        return False
    if gold.actor is not None and actor == gold.actor:
        return True
    return not gold.forms.isdisjoint(forms)


def group_mentions(mentions: list[dict[str, Any]], gold: list[GoldEntity]) -> list[SystemEntity]:
    groups: dict[tuple, SystemEntity] = {}
    for m in mentions:
        type_ = str(m.get("type", "")).upper()
        actor = m.get("actor") or None
        text = str(m.get("text", ""))
        forms = surface_forms(text)
        if actor is not None:
            key: tuple = ("actor", type_, actor)
        else:
            hit = next(
                (i for i, g in enumerate(gold) if g.type == type_ and not g.forms.isdisjoint(forms)), None
            )
            key = ("gold", type_, hit) if hit is not None else ("surface", type_, surface_key(text))
        ent = groups.setdefault(key, SystemEntity(type_, actor))
        if text not in ent.surfaces:
            ent.surfaces.append(text)
        ent.forms |= forms
    return list(groups.values())


@dataclass
class EntityResult:
    total: Score
    by_type: dict[str, Score]
    missed: list[dict[str, Any]]
    spurious: list[dict[str, Any]]


def score_entities(gold_dicts: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> EntityResult:
    gold = [GoldEntity.from_dict(d) for d in gold_dicts]
    system = group_mentions(mentions, gold)
    by_type: dict[str, Score] = {}
    total = Score()
    missed: list[dict[str, Any]] = []
    spurious: list[dict[str, Any]] = []
    mention_keys = [
        (str(m.get("type", "")).upper(), m.get("actor") or None, surface_forms(str(m.get("text", ""))))
        for m in mentions
    ]
    for g in gold:
        sc = by_type.setdefault(g.type, Score())
        sc.gold += 1
        if any(matches(g, t, a, f) for t, a, f in mention_keys):
            sc.found += 1
        else:
            missed.append(g.as_dict())
    for s in system:
        sc = by_type.setdefault(s.type, Score())
        sc.system += 1
        if any(matches(g, s.type, s.actor, s.forms) for g in gold):
            sc.correct += 1
        else:
            spurious.append(s.as_dict())
    for sc in by_type.values():
        total.add(sc)
    return EntityResult(total, dict(sorted(by_type.items())), missed, spurious)
