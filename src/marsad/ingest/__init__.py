"""Ingestion: read articles from files, folders, dumps and crawls into cleaned Documents.

    from marsad.ingest import read_inputs
    for item in read_inputs(["file.txt", "dir/", "dump.jsonl.gz", "crawl.warc.gz", "page.html", "-"]):
        ...  # a marsad.model.Document (cleaned, text fixed) or a marsad.pipeline.Failure
"""
from marsad.ingest.clean import CleanResult, Removal, clean
from marsad.ingest.dateline import Dateline, parse_dateline
from marsad.ingest.encoding import Decoded, DecodeError, decode_bytes
from marsad.ingest.formats import Format, sniff_format
from marsad.ingest.published import Published, PublishedSource, parse_metadata_date, resolve_published, url_date
from marsad.ingest.reader import read_inputs, read_stream

__all__ = [
    "CleanResult",
    "Dateline",
    "DecodeError",
    "Decoded",
    "Format",
    "Published",
    "PublishedSource",
    "Removal",
    "clean",
    "decode_bytes",
    "parse_dateline",
    "parse_metadata_date",
    "read_inputs",
    "read_stream",
    "resolve_published",
    "sniff_format",
    "url_date",
]
