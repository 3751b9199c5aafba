"""A sparse multinomial linear model read from a shipped JSON file, scored in pure Python.

The events stage decides with two such models (marsad.events.train makes them):
`triggers.json` (is a lexicon match a reported event, and of which type) and
`arguments.json` (is an actor mention the source, the target or neither of an
event).  Features are strings; the file maps each feature to one weight per
class.  Scoring is a handful of dict lookups per candidate, so no numerical
library is needed at run time.

File format (JSON): {"classes": [...], "bias": [...], "weights": {feature: [...]},
"threshold": float, "meta": {...}}.  A file is validated on load: a malformed one
raises `ModelFileError` naming the file.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

PACKAGE = "marsad.models"
AREA = "events"


class ModelFileError(ValueError):
    """A malformed or missing model file."""


@dataclass(frozen=True, eq=False)
class LinearModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float = 0.5
    meta: dict = field(default_factory=dict)

    def index(self, label: str) -> int:
        return self.classes.index(label)

    def probabilities(self, features: list[str]) -> list[float]:
        w = self.weights
        rows = [row for row in map(w.get, features) if row is not None]
        # One C-level zip over the rows: a column sum per class, not a Python loop per weight.
        scores = [sum(col) for col in zip(self.bias, *rows)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def to_json(self) -> str:
        return json.dumps(
            {"classes": list(self.classes), "bias": [round(b, 5) for b in self.bias],
             "threshold": self.threshold, "meta": self.meta,
             "weights": {f: [round(x, 4) for x in row] for f, row in sorted(self.weights.items())}},
            ensure_ascii=False, separators=(",", ":"),
        )


def parse_model(name: str, text: str) -> LinearModel:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise ModelFileError(f"{AREA}/{name}: invalid JSON ({err.msg}, line {err.lineno})") from None
    if not isinstance(raw, dict):
        raise ModelFileError(f"{AREA}/{name}: top level must be an object")
    classes = raw.get("classes")
    bias = raw.get("bias")
    weights = raw.get("weights")
    if not isinstance(classes, list) or not classes or not all(isinstance(c, str) for c in classes):
        raise ModelFileError(f"{AREA}/{name}: 'classes' must be a non-empty list of strings")
    n = len(classes)
    if not isinstance(bias, list) or len(bias) != n:
        raise ModelFileError(f"{AREA}/{name}: 'bias' must have one number per class")
    if not isinstance(weights, dict):
        raise ModelFileError(f"{AREA}/{name}: 'weights' must be an object")
    rows: dict[str, tuple[float, ...]] = {}
    for feat, row in weights.items():
        if not isinstance(row, list) or len(row) != n:
            raise ModelFileError(f"{AREA}/{name}: weights of feature {feat!r} must have {n} numbers")
        rows[feat] = tuple(float(x) for x in row)
    threshold = raw.get("threshold", 0.5)
    if not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise ModelFileError(f"{AREA}/{name}: 'threshold' must be in [0, 1]")
    return LinearModel(tuple(classes), tuple(float(b) for b in bias), rows, float(threshold), raw.get("meta", {}))


@lru_cache(maxsize=None)
def load_model(name: str) -> LinearModel | None:
    """The shipped model `name` (e.g. "triggers.json"), or None when it is absent."""
    path = resources.files(PACKAGE).joinpath(f"{AREA}/{name}")
    if not path.is_file():
        return None
    return parse_model(name, path.read_text("utf-8"))
