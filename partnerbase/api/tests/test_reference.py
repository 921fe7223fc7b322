"""The API reference page: built from the schema, so every endpoint the schema has is on
it, under its area, with its parameters and fields; and the builder reads references,
pages of rows and choices as a reader needs them."""

import re

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from partnerbase.api import reference


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def body(schema):
    return {"content": {"application/json": {"schema": schema}}}


STATUS = {"type": "string", "enum": ["open", "closed"]}
CHOICES = "* `open` - Open\n* `closed` - Closed"
THING = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "integer", "readOnly": True},
        "status": {"allOf": [ref("StatusEnum")], "nullable": True},
        "on": {"type": "string", "format": "date", "description": "When it happened."},
    },
}
SCHEMA = {
    "paths": {
        "/things/": {
            "get": {
                "operationId": "things_list",
                "tags": ["Stuff"],
                "description": "List the things.",
                "parameters": [
                    {"in": "query", "name": "status", "schema": STATUS, "description": CHOICES},
                    {"in": "path", "name": "slug", "required": True, "schema": {"type": "string"}},
                ],
                "responses": {"200": body(ref("PaginatedThingList"))},
            },
            "post": {
                "operationId": "things_create",
                "tags": ["Stuff"],
                "requestBody": body(ref("ThingRequest")),
                "responses": {"400": {}, "201": body(ref("Thing"))},
            },
        },
        "/other/": {"get": {"tags": ["More"], "responses": {}}},
    },
    "components": {
        "schemas": {
            "PaginatedThingList": {
                "type": "object",
                "properties": {
                    "count": {"type": "integer"},
                    "results": {"type": "array", "items": ref("Thing")},
                },
            },
            "Thing": THING,
            "ThingRequest": {
                "type": "object",
                "required": ["on"],
                "properties": {"on": {"type": "string", "format": "date"}},
            },
            "StatusEnum": {"enum": ["open", "closed", ""], "type": "string"},
        }
    },
}


def test_areas_group_by_tag_in_order_and_read_references():
    stuff, more = reference.areas(SCHEMA)
    assert (stuff.name, more.name) == ("Stuff", "More")
    listing, create = stuff.endpoints
    assert (listing.method, listing.path, listing.anchor) == ("GET", "/things/", "things_list")
    # The path's own parameter first; drf-spectacular's list of choices becomes the values.
    slug, status = listing.parameters
    assert slug.name == "slug" and slug.required
    assert status.values == ("open", "closed") and status.description == ""
    # A page of rows is read through to the row's fields.
    assert listing.gives_list
    assert [f.name for f in listing.gives] == ["id", "status", "on"]
    ident, state, on = listing.gives
    assert ident.required and ident.type == "integer, read-only"
    assert state.values == ("open", "closed") and state.type == "string, may be null"
    assert on.type == "string (date)" and on.description == "When it happened."
    # A write: what it takes, and what its 2xx answer gives (not its 400).
    assert not create.gives_list
    assert [(f.name, f.required) for f in create.takes] == [("on", True)]
    assert [f.name for f in create.gives] == ["id", "status", "on"]
    assert more.endpoints[0].anchor == "get--other"


@pytest.mark.django_db
def test_the_reference_page_lists_every_operation_of_the_schema(client):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    answer = client.get(reverse("api:docs"))
    assert answer.status_code == 200
    html = answer.content.decode()
    operations = [op for item in schema["paths"].values() for op in item.values()]
    assert len(operations) > 80
    for operation in operations:
        assert f'id="{operation["operationId"]}"' in html
    # Grouped by area, and the needs list shows its filters with their choices.
    assert re.search(r'<h2[^>]*id="brokering"[^>]*>Brokering</h2>', html)
    needs = html.split('id="programmes_needs_list"')[1].split("</section>")[0]
    assert "<code>status</code>" in needs and "<code>open</code>" in needs
    assert "a page of rows, each with" in needs
    # No script is needed to read it.
    assert "swagger" not in html.lower()
