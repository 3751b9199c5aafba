"""A small bundled sample of Arabic news, written for this project (not copied).

It drives the demo: several dated Qatar–NATO events across years (a Qatar–NATO
timeline), plus other actor pairs and one wire story reprinted by a second outlet,
in every input form read_inputs accepts (.txt, .html, .jsonl, .warc.gz).
`make_warc.py` regenerates the WARC file.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_DIR = Path(str(resources.files(__name__)))
SAMPLE_SUFFIXES = (".txt", ".html", ".jsonl", ".warc.gz")


def sample_paths() -> list[Path]:
    """The sample input files, sorted (the demo reads them in this order)."""
    return sorted(p for p in SAMPLE_DIR.iterdir() if p.is_file() and p.name.endswith(SAMPLE_SUFFIXES))
