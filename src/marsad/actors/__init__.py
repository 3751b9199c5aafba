"""The actor registry (states, organisations, groups, persons and the words that
point to them) and the gazetteer matcher built on it."""
from marsad.actors.matcher import Match, all_matches, gazetteer_labels, is_title_token, match_at
from marsad.actors.registry import Entry, Kind, Registry, inflect_demonym, key_of, registry
from marsad.actors.tsv import RegistryError

__all__ = [
    "Entry",
    "Kind",
    "Match",
    "Registry",
    "RegistryError",
    "all_matches",
    "gazetteer_labels",
    "inflect_demonym",
    "is_title_token",
    "key_of",
    "match_at",
    "registry",
]
