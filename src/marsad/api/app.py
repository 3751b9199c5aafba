"""The FastAPI application: JSON API, web pages, static files, errors and security headers."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from marsad.api import errors, pages, routes
from marsad.api.deps import ConnectionPool
from marsad.api.security import SecurityHeaders
from marsad.api.templating import make_templates
from marsad.store.db import StoreError
from marsad.web import STATIC_DIR

DESCRIPTION = """Read-only access to a marsad knowledge base: articles with their entity, date and
event spans, Arabic full-text search, actors, pair timelines, canonical events (JSON or CSV),
stories and related articles.  Every list is paged with `limit` (capped) and `offset`."""


def create_app(db: str | Path, *, readonly: bool = True) -> FastAPI:
    """An app serving the database at `db` (opened read-only unless `readonly=False`)."""
    db = Path(db)
    if not db.is_file():
        raise StoreError(f"no database at {db}")
    pool = ConnectionPool(db, readonly=readonly)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        pool.close()

    app = FastAPI(title="marsad (مرصد) API", version="1", description=DESCRIPTION, lifespan=lifespan,
                  # No Swagger/ReDoc pages: they load scripts from a CDN.  The schema is /api/openapi.json.
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.pool = pool
    app.state.templates = make_templates()
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
