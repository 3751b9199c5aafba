"""The Jinja2 environment of the web UI: autoescape always on, helpers as globals."""
from __future__ import annotations

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from marsad.api import links
from marsad.web import TEMPLATES_DIR
from marsad.web.highlight import quad_css
from marsad.web.safety import safe_url

QUADS = {
    "verbal cooperation": "تعاون لفظي",
    "material cooperation": "تعاون مادي",
    "verbal conflict": "نزاع لفظي",
    "material conflict": "نزاع مادي",
}
ENTITY_TYPES = {"PER": "شخص", "ORG": "منظمة", "GPE": "دولة/كيان سياسي", "LOC": "مكان", "FAC": "منشأة"}


def quad_label(quad: str | None) -> str:
    return QUADS.get(quad or "", quad or "—")


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,  # every {{ }} is escaped, whatever the file extension
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        actor_href=links.actor_href,
        article_href=links.article_href,
        timeline_href=links.timeline_href,
        story_href=links.story_href,
        query_href=links.query_href,
        safe_url=safe_url,
        quad_css=quad_css,
        quad_label=quad_label,
        QUADS=QUADS,
        ENTITY_TYPES=ENTITY_TYPES,
        nav="",  # the active menu item; pages override it
    )
    return Jinja2Templates(env=env)
