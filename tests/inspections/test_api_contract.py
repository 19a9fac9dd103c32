"""The API's contract: a parameter an export does not read is a 400 naming those it does
(never ignored, answering every row), and /api/ lists each parameter's valid values, read
from the same filters."""

from __future__ import annotations

import json

import pytest

from inspections.exports import EXPORTS

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("format", ["csv", "json", "xlsx"])
def test_a_misspelt_parameter_is_a_400_naming_the_valid_ones(client, merseyside, format):
    response = client.get(f"/judgements.{format}", {"grdae": "inadequate"})
    assert response.status_code == 400
    text = _body(response).decode()
    if format == "json":
        errors = json.loads(text)["errors"]
        assert list(errors) == ["grdae"]
        text = errors["grdae"][0]
    else:
        assert "grdae" in text
    assert "is not a parameter of /judgements" in text
    for valid in ("authority", "area", "grade", "date_from"):
        assert valid in text


@pytest.mark.parametrize("export", EXPORTS, ids=lambda export: export.name)
def test_every_export_refuses_an_unknown_parameter_and_reads_its_own(client, merseyside, export):
    assert client.get(f"/{export.name}.json", {"nonsense": "1"}).status_code == 400
    # Its own parameters, and the JSON page, are never refused as unknown.
    names = list(export.parameters.names())
    response = client.get(f"/{export.name}.json", {"page_size": "5"})
    assert response.status_code == 200
    for name in names:
        response = client.get(f"/{export.name}.json", {name: ""})
        assert response.status_code == 200, (name, _body(response)[:300])


def test_the_csv_link_of_an_inspection_page_is_still_valid(client, merseyside):
    inspection = merseyside["knowsley"][-1]
    response = client.get("/judgements.csv", {"inspection": inspection.pk})
    assert response.status_code == 200


def test_the_api_page_lists_each_parameters_valid_values(client, merseyside):
    page = client.get("/api/").content.decode()
    # The judgement grades and areas, the frameworks, the compare years, England's date.
    for fragment in (
        "<code>grade</code>",
        "<code>requires-improvement</code>",
        "<code>help-and-protection</code>",
        "<code>ilacs</code>",
        "<code>neighbours_of</code>",
        "<code>knowsley</code>",
        "<code>as_at</code>",
        "a date written YYYY-MM-DD",
        "<code>priority_actions</code>",
    ):
        assert fragment in page, fragment
    assert page.count('class="data api-parameters table--stack"') == len(EXPORTS)
