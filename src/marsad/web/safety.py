"""Output safety for data-derived values: URLs from articles are untrusted.

Only absolute http(s) URLs become links; anything else (``javascript:``, ``data:``,
relative paths, whitespace or control-character tricks) is dropped, so a crawled
page cannot smuggle script into an ``href``.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]")


def safe_url(value: object) -> str | None:
    """`value` if it is an absolute http or https URL with a host, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    # Browsers ignore embedded tabs/newlines ("java\tscript:"), so reject any control or space.
    if not url or _CONTROL_RE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an invalid IPv6 literal
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url
