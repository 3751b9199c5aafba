"""The trigger and cue lexicons (data: triggers.tsv, cues.tsv) compiled into lookup tables.

A lexicon item is keyed by its first word's generated forms; multi-word items
also name the words that must follow (`rest`, in sequence) or one of which must
follow within a short window (`deps`, for verb + object phrases such as
«فرض عقوبات», where «فرض» alone is not an event).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from marsad.arabic.normalize import normalize_text
from marsad.events.forms import FormKind, FormSpecError, noun_forms, parse_verb_spec, verb_forms
from marsad.events.ontology import EventType, is_cameo
from marsad.events.resources import Row, load_rows

TRIGGERS = "triggers.tsv"
TRIGGER_COLUMNS = ("type", "cameo", "pos", "forms", "preps", "weight")
CUES = "cues.tsv"
CUE_COLUMNS = ("cue", "kind", "window")
PREPOSITIONS = frozenset(
    normalize_text(p) for p in ("مع", "إلى", "على", "ضد", "ل", "ب", "من", "عن", "في", "بين", "لدى", "obj", "by")
)  # "obj": the target is a direct object; "by": a passive participle whose agent follows «من»


class Pos(str, Enum):
    VERB = "verb"
    NOUN = "noun"
    PHRASE = "phrase"


class CueKind(str, Enum):
    NEGATION = "NEGATION"
    DENIAL = "DENIAL"
    FUTURE = "FUTURE"
    CONDITIONAL = "CONDITIONAL"
    BACKGROUND = "BACKGROUND"
    SPEECH = "SPEECH"
    PASSIVE_AGENT = "PASSIVE_AGENT"
    PASSIVE_AUX = "PASSIVE_AUX"


@dataclass(frozen=True, slots=True)
class Switch:
    """Re-type a trigger when one of `words` follows it («استضاف قوات» → COOPERATE)."""

    type: EventType
    cameo: str
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class Trigger:
    id: int
    type: EventType
    cameo: str
    pos: Pos
    preps: tuple[str, ...]  # prepositions that mark the target; "obj" = direct object
    weight: float
    switches: tuple[Switch, ...] = ()
    where: str = ""

    @property
    def takes_object(self) -> bool:
        return "obj" in self.preps


@dataclass(frozen=True, slots=True)
class Cue:
    kind: CueKind
    window: int | None  # tokens before the trigger; None = anywhere earlier in the clause
    both_sides: bool = False  # also after the trigger («الأسبوع المقبل»)


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of the lookup table: what a first word may start."""

    payload: Trigger | Cue
    kind: FormKind
    rest: tuple[str, ...] = ()
    deps: frozenset[str] = field(default_factory=frozenset)


def _bare(word: str) -> str:
    w = normalize_text(word.strip())
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _word_set(text: str) -> frozenset[str]:
    out = set()
    for w in text.split(","):
        if w.strip():
            out.add(normalize_text(w.strip()))
            out.add(_bare(w))
    return frozenset(out)


def _forms_of(spec: str, row: Row, noun: bool) -> dict[str, FormKind]:
    try:
        if spec.startswith("v:") or not noun:
            return verb_forms(parse_verb_spec(spec.removeprefix("v:")))
    except FormSpecError as err:
        raise row.fail(str(err)) from None
    word = normalize_text(spec.removeprefix("n:").strip())
    if not word or " " in word:
        raise row.fail(f"bad noun {spec!r}")
    return {f: FormKind.NOUN for f in noun_forms(word)}


def _items_for(spec: str, payload, row: Row, pos: Pos) -> list[tuple[str, Item]]:
    """(first-word form, item) pairs for one form spec."""
    out: list[tuple[str, Item]] = []
    if pos is Pos.PHRASE:
        if "+" not in spec:
            raise row.fail(f"phrase {spec!r} needs 'head+dep1,dep2'")
        head, deps = spec.split("+", 1)
        dep_set = _word_set(deps)
        if not dep_set:
            raise row.fail("phrase without dependents")
        noun = head.startswith("n:")
        # A noun head may list alternatives («n:اختبار,تجربة+نووي»); a verb head is one spec.
        heads = [h for h in head.removeprefix("n:").split(",") if h.strip()] if noun else [head]
        for h in heads:
            for form, kind in _forms_of("n:" + h if noun else h, row, noun=noun).items():
                out.append((form, Item(payload, kind, deps=dep_set)))
        return out
    alternatives = [spec] if pos is Pos.VERB else [s for s in spec.split(",") if s.strip()]
    for alt in alternatives:
        words = alt.strip().split()
        if pos is Pos.VERB or alt.startswith("v:"):
            forms = _forms_of(alt, row, noun=False)
        else:
            forms = _forms_of(words[0], row, noun=True)
        rest = tuple(_bare(w) for w in words[1:]) if pos is not Pos.VERB else ()
        for form, kind in forms.items():
            out.append((form, Item(payload, kind, rest=rest)))
    return out


def _parse_switches(text: str, row: Row) -> tuple[Switch, ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        bits = part.split(":")
        if len(bits) != 3:
            raise row.fail(f"switch {part!r} is not TYPE:CAMEO:word,word")
        try:
            etype = EventType(bits[0])
        except ValueError:
            raise row.fail(f"unknown event type {bits[0]!r} in switch") from None
        if not is_cameo(bits[1]):
            raise row.fail(f"bad CAMEO code {bits[1]!r} in switch")
        out.append(Switch(etype, bits[1], _word_set(bits[2])))
    return tuple(out)


def parse_trigger_row(row: Row, ident: int) -> tuple[Trigger, list[tuple[str, Item]]]:
    f = row.fields
    try:
        etype = EventType(f["type"])
        pos = Pos(f["pos"])
    except ValueError as err:
        raise row.fail(str(err)) from None
    if not is_cameo(f["cameo"]):
        raise row.fail(f"bad CAMEO code {f['cameo']!r}")
    preps = tuple(normalize_text(p.strip()) for p in f["preps"].split(",") if p.strip())
    bad = [p for p in preps if p not in PREPOSITIONS]
    if bad or not preps:
        raise row.fail(f"unknown prepositions {bad}")
    try:
        weight = float(f["weight"])
    except ValueError:
        raise row.fail(f"weight {f['weight']!r} is not a number") from None
    if not 0.0 < weight <= 1.0:
        raise row.fail("weight must be in (0, 1]")
    trig = Trigger(ident, etype, f["cameo"], pos, preps, weight, _parse_switches(f.get("switch", ""), row), row.where())
    return trig, _items_for(f["forms"], trig, row, pos)


def parse_cue_row(row: Row) -> list[tuple[str, Item]]:
    f = row.fields
    try:
        kind = CueKind(f["kind"])
    except ValueError as err:
        raise row.fail(str(err)) from None
    win = f["window"].strip()
    if win in ("clause", "clause+"):
        cue = Cue(kind, None, both_sides=win == "clause+")
    elif win.isdigit() and 0 < int(win) <= 10:
        cue = Cue(kind, int(win))
    else:
        raise row.fail(f"window {win!r} is not 1..10, 'clause' or 'clause+'")
    spec = f["cue"].strip()
    if spec.startswith("v:"):
        return _items_for(spec, cue, row, Pos.VERB)
    words = [normalize_text(w) for w in spec.split()]
    return [(words[0], Item(cue, FormKind.NOUN, rest=tuple(_bare(w) for w in words[1:])))]


LEARNED = "learned_triggers.tsv"
LEARNED_COLUMNS = ("form", "type", "cameo", "weight")


def parse_learned_row(row: Row, ident: int) -> tuple[Trigger, list[tuple[str, Item]]]:
    """A word form learned from train statistics (marsad.events.learn): exact form, no inflection."""
    f = row.fields
    try:
        etype = EventType(f["type"])
        weight = float(f["weight"])
    except ValueError as err:
        raise row.fail(str(err)) from None
    if not is_cameo(f["cameo"]) or not 0.0 < weight <= 1.0:
        raise row.fail("bad CAMEO code or weight")
    form = normalize_text(f["form"].strip())
    trig = Trigger(ident, etype, f["cameo"], Pos.NOUN, ("obj",), weight, (), row.where())
    return trig, [(form, Item(trig, FormKind.NOUN))]


@dataclass(frozen=True, eq=False)
class Lexicon:
    table: dict[str, tuple[Item, ...]]
    triggers: tuple[Trigger, ...]

    def lookup(self, form: str) -> tuple[Item, ...]:
        return self.table.get(form, ())


def build_lexicon(trigger_rows, cue_rows, learned_rows=()) -> Lexicon:
    table: dict[str, list[Item]] = defaultdict(list)
    triggers = []
    for i, row in enumerate(trigger_rows):
        trig, items = parse_trigger_row(row, i)
        triggers.append(trig)
        for form, item in items:
            table[form].append(item)
    for i, row in enumerate(learned_rows, start=len(triggers)):
        trig, items = parse_learned_row(row, i)
        if trig.type and items[0][0] not in table:  # the hand lexicon wins
            triggers.append(trig)
            table[items[0][0]].append(items[0][1])
    for row in cue_rows:
        for form, item in parse_cue_row(row):
            table[form].append(item)
    return Lexicon({k: tuple(v) for k, v in table.items()}, tuple(triggers))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return build_lexicon(load_rows(TRIGGERS, TRIGGER_COLUMNS), load_rows(CUES, CUE_COLUMNS),
                         load_rows(LEARNED, LEARNED_COLUMNS))
