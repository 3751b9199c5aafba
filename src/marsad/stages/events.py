"""The events stage: fills `Document.events` with PLOVER/CAMEO events (see marsad.events)."""
from __future__ import annotations

from marsad.events.extract import events_of
from marsad.model import Document
from marsad.pipeline import Stage


class EventStage(Stage):
    """Political events with source/target actors, date, location and evidence spans.

    Stateless: the lexicons are module-level cached loaders (marsad.events.lexicon),
    so pickling the stage is free.
    """

    name = "events"
    requires = ("sentences", "tokens", "entities", "dates")
    provides = ("events",)

    def __call__(self, doc: Document) -> Document:
        doc.events = events_of(doc)
        return doc
