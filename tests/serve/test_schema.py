"""Schemathesis against the served OpenAPI schema: no generated request makes the server fail (no 5xx)."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error


@pytest.fixture(scope="module")
def api_schema(server: str):  # type: ignore[no-untyped-def]
    """The schema of the read-only test server (loopback only: base URL is the local server)."""
    assert server.startswith("http://127.0.0.1:")
    return schemathesis.openapi.from_url(f"{server}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_request_makes_the_server_fail(case: schemathesis.Case) -> None:
    response = case.call_and_validate(checks=[not_a_server_error], timeout=30)
    if response.status_code >= 400:  # every refusal has the JSON error shape
        body = response.json()
        assert body["status"] == response.status_code and body["error"]


def test_the_schema_declares_the_error_shape(server: str) -> None:
    doc = httpx.get(f"{server}/openapi.json", timeout=30).json()
    responses = doc["paths"]["/api/documents"]["post"]["responses"]
    assert {"401", "403", "413"} <= set(responses)
    assert doc["components"]["schemas"]["ErrorBody"]["required"] == ["status", "error"]
