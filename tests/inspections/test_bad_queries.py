"""Odd query strings are a 400 or a form error, never a server error."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

NUL_QUERIES = [
    "/recommendations/?q=abc%00def",
    "/compare/?authority=know%00sley",
    "/compare.csv?authority=know%00sley&area=overall",
    "/compare/?neighbours_of=a%00b",
    "/judgements/?authority=know%00sley",
    "/judgements.csv?area=overall%00",
    "/inspections/?fram%00ework=sif",
    "/authorities/?q=%00",
]


@pytest.mark.parametrize("url", NUL_QUERIES)
def test_a_nul_character_in_the_query_is_a_400(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_ordinary_queries_still_work(client):
    assert client.get("/recommendations/?q=supervision").status_code == 200
    assert client.get("/compare/?authority=knowsley").status_code in (200, 302)


@pytest.mark.parametrize("url", ["/", "/authorities/", "/judgements/", "/admin/login/"])
def test_every_page_has_a_strict_content_security_policy(client, url):
    policy = client.get(url).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
