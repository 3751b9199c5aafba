from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.web.safety import safe_url


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://example.org", "HTTPS://EXAMPLE.ORG/x"])
def test_http_urls_are_kept(url):
    assert safe_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example/x",
                                 "/relative", "https://", "http://[::1", "", None, 42, "https://a b"])
def test_other_urls_are_dropped(url):
    assert safe_url(url) is None


@given(st.text(max_size=40))
def test_only_http_schemes_survive(s):
    out = safe_url(s)
    assert out is None or out.lower().startswith(("http://", "https://"))
