"""Error responses: JSON under /api/, an HTML page elsewhere; never a stack trace.

The catch-all handler is Starlette's last-resort hook (it runs after the
response has failed); it logs the traceback server-side and answers with a
generic message so that internals do not reach the client.
"""
from __future__ import annotations

import logging
import sqlite3

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("marsad.api")

MESSAGES_AR = {
    400: "طلب غير صالح",
    404: "غير موجود",
    405: "الطريقة غير مسموح بها",
    422: "مُدخلات غير صالحة",
    500: "خطأ داخلي في الخادم",
    503: "قاعدة البيانات غير متاحة",
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/openapi.json",)


def _respond(request: Request, status: int, message: str, details: list | None = None) -> Response:
    if _wants_json(request):
        body: dict = {"error": {"status": status, "message": message}}
        if details:
            body["error"]["details"] = details
        return JSONResponse(body, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html",
        {"status": status, "message": MESSAGES_AR.get(status, message), "detail": message},
        status_code=status,
    )


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else MESSAGES_AR.get(exc.status_code, "error")
    return _respond(request, exc.status_code, message)


async def validation_error(request: Request, exc: RequestValidationError) -> Response:
    # Echo where and why, not the (possibly huge or hostile) input value itself.
    details = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()][:20]
    return _respond(request, 422, "invalid request parameters", details)


async def database_error(request: Request, exc: sqlite3.Error) -> Response:
    log.error("database error on %s: %s", request.url.path, exc)
    return _respond(request, 503, "database unavailable")


_PLAIN_500 = ('<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8"><title>500</title>'
              '<h1>500 — خطأ داخلي في الخادم</h1><p><a href="/">الرئيسية</a></p></html>')


async def internal_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path)
    if _wants_json(request):
        return _respond(request, 500, "internal server error")
    # A fixed page: the templates themselves may be what failed.
    return HTMLResponse(_PLAIN_500, status_code=500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(sqlite3.Error, database_error)
    app.add_exception_handler(Exception, internal_error)
