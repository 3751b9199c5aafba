"""EntityStage: gazetteer and rule recognition, then the CRF tagger's extra mentions.

The tagger's mentions are refined first (marsad.actors.refine: proclitics, coordinated
names, common nouns), then merged with the rule mentions and made consistent per
document (marsad.actors.consolidate).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.actors.consolidate import drop_bylines, harmonise_types
from marsad.actors.consolidate import merge as _merge
from marsad.actors.groups import groups
from marsad.actors.recognise import recognise
from marsad.actors.refine import refine
from marsad.actors.registry import Kind, key_of, registry
from marsad.model import Document, Entity
from marsad.pipeline import Stage


@lru_cache(maxsize=1)
def _tagger():
    """The packaged CRF tagger, or None when marsad.ner or its model is absent."""
    try:
        from marsad.ner import load_tagger
    except ImportError:  # also ModuleNotFoundError: the NER package is optional
        return None
    return load_tagger()


def merge(rules: list[Entity], extra: list[Entity], doc: Document | None = None) -> list[Entity]:
    """Rule/gazetteer mentions first (they carry actor codes); an extra mention is kept
    only when it overlaps none of them (see marsad.actors.consolidate.merge)."""
    return _merge(rules, extra, doc)


def _code_for(ent: Entity) -> str | None:
    """A registry code for a tagger mention whose surface is a known state or organisation."""
    for e in registry().lexicon.get(key_of(ent.text), ()):
        if e.kind in (Kind.STATE, Kind.ORG) and e.etype == ent.type:
            return e.code
    return None


class EntityStage(Stage):
    name = "entities"
    requires = ("text", "tokens")
    provides = ("entities",)

    def __call__(self, doc: Document) -> Document:
        found = recognise(doc)
        found = sorted(found + groups(doc, found), key=lambda e: (e.start, -e.end))
        tagger = _tagger()
        if tagger is not None:
            extra = refine(doc, tagger.tag(doc))
            for e in extra:
                e.actor = e.actor or _code_for(e)
            found = harmonise_types(merge(found, extra, doc))
        doc.entities = drop_bylines(doc, found)
        return doc
