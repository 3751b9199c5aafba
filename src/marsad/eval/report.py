"""The evaluation report: totals, per-document details, JSON and a rich table."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

from marsad.eval.metrics import Score


@dataclass
class DocReport:
    """Per-document counts and the items to look at for error analysis."""

    id: str
    entities: Score
    dates: Score
    events: Score
    events_date: Score
    details: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    entity_types: dict[str, Score] = field(default_factory=dict)
    event_types: dict[str, Score] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entities": self.entities.as_dict(),
            "dates": self.dates.as_dict(),
            "events": self.events.as_dict(),
            "events+date": self.events_date.as_dict(),
            **self.details,
        }


@dataclass
class EvalReport:
    entities: Score = field(default_factory=Score)
    entity_types: dict[str, Score] = field(default_factory=dict)
    dates: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    events_date: Score = field(default_factory=Score)
    event_types: dict[str, Score] = field(default_factory=dict)
    documents: list[DocReport] = field(default_factory=list)
    # Bookkeeping that explains the numbers rather than being one.
    docs_gold: int = 0
    docs_system: int = 0
    missing_ids: list[str] = field(default_factory=list)  # gold documents with no system record
    extra_ids: list[str] = field(default_factory=list)  # system records with no gold (not scored)
    no_published: int = 0  # scored system records whose `published` is null
    failures: list[str] = field(default_factory=list)  # pipeline failures (--articles mode)
    seconds: float = 0.0  # pipeline time (--articles mode)

    def rows(self) -> list[tuple[str, Score]]:
        """Table rows in display order: the four layers, then entity types."""
        out = [("entities", self.entities)]
        out += [(f"  entities {t}", sc) for t, sc in self.entity_types.items()]
        out += [("dates", self.dates), ("events", self.events), ("events+date", self.events_date)]
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "summary": {
                "entities": self.entities.as_dict(),
                "entity_types": {t: s.as_dict() for t, s in self.entity_types.items()},
                "dates": self.dates.as_dict(),
                "events": self.events.as_dict(),
                "events+date": self.events_date.as_dict(),
                "event_types": {t: s.as_dict() for t, s in self.event_types.items()},
            },
            "conventions": CONVENTIONS,
            "docs_gold": self.docs_gold,
            "docs_system": self.docs_system,
            "missing_ids": self.missing_ids,
            "extra_ids": self.extra_ids,
            "no_published": self.no_published,
            "failures": self.failures,
            "seconds": round(self.seconds, 3),
            "documents": [d.as_dict() for d in self.documents],
        }

    def write_json(self, path: Path) -> None:
        path.write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# The scoring conventions, written into every JSON report so that numbers read
# later carry their definitions (details in marsad.eval.entities/dates/events).
CONVENTIONS = {
    "entities": "document level; gold found by a same-type system mention with the gold actor code "
    "(gold actor not null) or a normalised clitic-free surface equal to a gold mention; system "
    "mentions grouped by type+actor, else type+surface (surfaces of one gold entity merged)",
    "dates": "mention level; gold entries matched one-to-one in order to occurrences of their text, "
    "found by an overlapping system mention with the same value; a system mention is correct when "
    "it overlaps any gold occurrence of the same value; system value null is not a prediction",
    "events": "one-to-one maximum matching; same type, sources and targets intersect; a gold side "
    "that is [] puts no condition; AGREE/CONSULT also match swapped",
    "events+date": "as events, and dates equal as strings at the gold granularity (null == null)",
}


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def render_table(report: EvalReport) -> Table:
    """gold / system / found (recall hits) / correct (precision hits) / P / R / F1 per row.

    Two hit columns because for entities and dates the rule that finds a gold item
    is not the rule that makes a system item correct (see marsad.eval.entities).
    """
    table = Table(title=f"marsad eval — {report.docs_gold} gold documents")
    table.add_column("layer")
    for name in ("gold", "system", "found", "correct", "P", "R", "F1"):
        table.add_column(name, justify="right")
    for name, sc in report.rows():
        table.add_row(
            name,
            str(sc.gold),
            str(sc.system),
            str(sc.found),
            str(sc.correct),
            _pct(sc.precision),
            _pct(sc.recall),
            _pct(sc.f1),
        )
    return table
