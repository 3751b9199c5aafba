"""The OpenAPI schema documents every /api/ route, and every list route is paged with a capped limit."""
from __future__ import annotations

import pytest
from fastapi.routing import APIRoute

from marsad.api.routes import MAX_LIMIT, router

LIST_ROUTES = ["/api/articles", "/api/articles/{ref}/related", "/api/search", "/api/actors", "/api/timeline/{a}/{b}",
               "/api/events", "/api/events.csv", "/api/stories", "/api/network"]


@pytest.fixture(scope="module")
def schema(client):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    return r.json()


def test_every_api_route_is_documented(schema):
    routes = [r for r in router.routes if isinstance(r, APIRoute)]
    assert len(routes) >= 15
    for route in routes:
        for method in route.methods:
            op = schema["paths"][route.path][method.lower()]
            assert op.get("summary"), route.path
            assert "200" in op["responses"], route.path


def test_pages_are_not_in_the_api_schema(schema):
    assert all(p.startswith("/api/") for p in schema["paths"])


@pytest.mark.parametrize("path", LIST_ROUTES)
def test_list_routes_have_capped_paging(schema, path):
    params = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    assert "limit" in params and "offset" in params
    assert params["limit"]["schema"]["maximum"] <= max(MAX_LIMIT, 5000)
    assert params["offset"]["schema"]["minimum"] == 0


def test_text_inputs_are_length_capped(schema):
    q = {p["name"]: p for p in schema["paths"]["/api/search"]["get"]["parameters"]}["q"]
    assert q["schema"]["maxLength"] <= 200
