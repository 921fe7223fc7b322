"""The register names every model that holds personal data: a new relation to a person, or
a new field that looks personal, fails here until it is placed in privacy/register.py."""

from django.apps import apps

from partnerbase.privacy import register


def test_every_relation_to_a_user_or_a_directory_person_is_in_the_register():
    found = set(register.links())
    listed = {(link.model, link.field) for link in register.LINKS}
    assert found - listed == set(), (
        "New relations to a person: add them to register.LINKS with their programme path"
    )
    assert listed - found == set(), "register.LINKS names relations that no longer exist"


def test_every_field_that_looks_personal_is_classed():
    unclassed = set(register.looks_personal()) - register.classed()
    assert unclassed == set(), (
        "Fields that look personal: add them to register.FIELDS (erased) or NOT_PERSONAL"
    )


def test_the_register_names_only_fields_that_exist():
    named = register.classed() | {f"{label}.{column}" for label, column in register.DELETED.items()}
    for dotted in named:
        label, field = dotted.rsplit(".", 1)
        apps.get_model(label)._meta.get_field(field)  # raises if the register is stale
    for link in register.LINKS:
        model = apps.get_model(link.model)
        if link.programme not in ("", "*"):
            assert model.objects.values_list(link.programme).query is not None
            model._meta.get_field(link.programme.split("__")[0])


def test_the_register_would_catch_a_new_personal_field(monkeypatch):
    """The check itself can fail: a field it has not seen is reported."""
    monkeypatch.setattr(
        register, "NOT_PERSONAL", register.NOT_PERSONAL - {"directory.Organisation.name"}
    )
    assert "directory.Organisation.name" in set(register.looks_personal()) - register.classed()
