"""Per-document resource limits, with defaults, environment overrides and CLI overrides.

A document over a limit is quarantined with the limit named in the reason
(`marsad.limits.over_limit`), so an operator sees which knob to turn.

    MARSAD_MAX_DOC_BYTES     raw bytes of one document (a JSONL line, a text file, a WARC payload)
    MARSAD_MAX_HTML_BYTES    raw bytes of one HTML page (markup weighs more than text)
    MARSAD_MAX_DOC_CHARS     characters of one decoded document before cleaning
    MARSAD_MAX_DOC_SECONDS   wall-clock seconds for one document through the stages (0: no limit)

Precedence: explicit overrides (`marsad run --max-doc-bytes ...`) > environment > defaults.
The settings in force are process-wide (`current()`, `use()`), because the readers sit
several generator layers below the runner and a limit is a property of the run, not of
one call.
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
from dataclasses import dataclass
from typing import Iterator, Mapping

ENV_PREFIX = "MARSAD_"


class SettingsError(ValueError):
    """A limit given in the environment or on the command line is not a valid number."""


@dataclass(frozen=True, slots=True)
class Settings:
    # A news article is a few kB; 5 MB of text is already a book, not an article.
    max_doc_bytes: int = 5_000_000
    # HTML pages carry scripts, styles and markup: an article page is rarely over 2 MB.
    max_html_bytes: int = 10_000_000
    # Characters after decoding (bounds cleaning and every stage's linear passes).
    max_doc_chars: int = 2_000_000
    # No article needs this long on one core; a document that does is pathological.
    max_doc_seconds: float = 60.0

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise SettingsError(f"{f.name} must be a non-negative number, not {value!r}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Defaults overridden by MARSAD_MAX_* environment variables."""
        env = os.environ if env is None else env
        values = {}
        for f in dataclasses.fields(cls):
            var = env_var(f.name)
            raw = env.get(var)
            if raw is None or raw.strip() == "":
                continue
            values[f.name] = _parse(var, raw, float if f.type in ("float", float) else int)
        return cls(**values)

    def with_overrides(self, **overrides: int | float | None) -> "Settings":
        """A copy with the given (non-None) values replaced."""
        given = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(given) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise SettingsError(f"unknown settings: {sorted(unknown)}")
        return dataclasses.replace(self, **given)

    def as_dict(self) -> dict[str, int | float]:
        return dataclasses.asdict(self)


def env_var(field_name: str) -> str:
    return ENV_PREFIX + field_name.upper()


def _parse(var: str, raw: str, kind: type) -> int | float:
    text = raw.strip().replace("_", "").replace(",", "")
    try:
        value = kind(text) if kind is float else int(float(text)) if "e" in text.lower() else int(text)
    except ValueError:
        raise SettingsError(f"{var}={raw!r} is not a {'number' if kind is float else 'whole number'}") from None
    if value < 0:
        raise SettingsError(f"{var}={raw!r} must not be negative")
    return value


_current: Settings | None = None


def current() -> Settings:
    """The settings in force: those set by `use()`, else the environment's (read once)."""
    global _current
    if _current is None:
        _current = Settings.from_env()
    return _current


@contextlib.contextmanager
def use(settings: Settings) -> Iterator[Settings]:
    """Make `settings` the ones in force for the duration of a run."""
    global _current
    before = _current
    _current = settings
    try:
        yield settings
    finally:
        _current = before
