"""LinkingStage: capitals for states, anaphora and surnames, roles and affiliations."""
from __future__ import annotations

from marsad.actors.linking import link
from marsad.model import Document
from marsad.pipeline import Stage


class LinkingStage(Stage):
    name = "linking"
    requires = ("entities", "tokens", "sentences")
    provides = ("entities",)

    def __call__(self, doc: Document) -> Document:
        doc.entities = link(doc)
        return doc
