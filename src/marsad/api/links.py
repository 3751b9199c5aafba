"""Internal URLs built from codes and ids (path segments percent-encoded, never raw data)."""
from __future__ import annotations

from urllib.parse import quote, urlencode


def actor_href(code: str) -> str:
    return "/actor/" + quote(code, safe="")


def article_href(article_id: int, evidence: tuple[int, int] | None = None) -> str:
    href = f"/article/{int(article_id)}"
    if evidence is not None:
        start, end = evidence
        href += f"#ev-{int(start)}-{int(end)}"
    return href


def timeline_href(a: str, b: str) -> str:
    return f"/timeline/{quote(a, safe='')}/{quote(b, safe='')}"


def story_href(story_id: int) -> str:
    return f"/story/{int(story_id)}"


def query_href(path: str, params: dict[str, object]) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")
