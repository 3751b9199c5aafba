"""The 16 PLOVER event types with their quad class and closest CAMEO code (data: ontology.tsv)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from marsad.events.resources import load_rows, parse_tsv, read_text

FILE = "ontology.tsv"
COLUMNS = ("type", "quad", "cameo", "cameo_name", "definition")
_CAMEO_RE = re.compile(r"^[0-2][0-9]{2,3}$")


class Quad(str, Enum):
    VERBAL_COOPERATION = "verbal cooperation"
    MATERIAL_COOPERATION = "material cooperation"
    VERBAL_CONFLICT = "verbal conflict"
    MATERIAL_CONFLICT = "material conflict"


class EventType(str, Enum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


# Types whose two parties act jointly: scoring ignores their order, and a coordinated
# subject with no complement («اتفق الطرفان») is split into source and target.
SYMMETRIC = frozenset({EventType.AGREE, EventType.CONSULT, EventType.COOPERATE})


@dataclass(frozen=True, slots=True)
class TypeInfo:
    type: EventType
    quad: Quad
    cameo: str
    cameo_name: str
    definition: str


def is_cameo(code: str) -> bool:
    return bool(_CAMEO_RE.match(code))


def parse_ontology(text: str) -> dict[EventType, TypeInfo]:
    out: dict[EventType, TypeInfo] = {}
    for row in parse_tsv(FILE, text, COLUMNS):
        f = row.fields
        try:
            etype = EventType(f["type"])
            quad = Quad(f["quad"])
        except ValueError as err:
            raise row.fail(str(err)) from None
        if not is_cameo(f["cameo"]):
            raise row.fail(f"bad CAMEO code {f['cameo']!r}")
        if etype in out:
            raise row.fail(f"duplicate type {etype.value}")
        out[etype] = TypeInfo(etype, quad, f["cameo"], f["cameo_name"], f["definition"])
    missing = set(EventType) - set(out)
    if missing:
        raise ValueError(f"events/{FILE}: missing types {sorted(m.value for m in missing)}")
    return out


@lru_cache(maxsize=1)
def ontology() -> dict[EventType, TypeInfo]:
    load_rows(FILE, COLUMNS)  # header/row shape check shared with the other files
    return parse_ontology(read_text(FILE))
