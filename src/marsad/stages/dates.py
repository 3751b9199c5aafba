"""The dates stage: fills `Document.dates` from the text, anchored on `published`."""
from __future__ import annotations

from marsad.dates import find_dates
from marsad.model import Document
from marsad.pipeline import Stage


class DateStage(Stage):
    """Date mentions with ISO values; relative ones resolved against `doc.published`.

    Stateless: the lexicon and compiled patterns are module-level cached loaders,
    so pickling the stage is free.
    """

    name = "dates"
    requires = ("text", "tokens")
    provides = ("dates",)

    def __call__(self, doc: Document) -> Document:
        doc.dates = find_dates(doc.text, doc.published)
        return doc
