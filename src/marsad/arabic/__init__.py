"""Arabic text layer: normalised views with offset maps, tokens with clitics, sentences."""
from marsad.arabic.normalize import NormView, normalize, normalize_text
from marsad.arabic.tokenize import split_clitics, tokenize, sentences, strip_clitics

__all__ = [
    "NormView",
    "normalize",
    "normalize_text",
    "tokenize",
    "sentences",
    "split_clitics",
    "strip_clitics",
]
