"""The pages' forms, fed from JSON: an API write is checked by the very form its page uses
(same fields, bounds and messages), then saved by the same service.

`bound_form` turns a JSON object into the form's data (a date "2018-03-27" into the GOV.UK
date input's day, month and year; a list into lines); `form_serializer` describes a form's
fields to the OpenAPI schema."""

import datetime

from django import forms
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings

from partnerbase.core.forms import GovukDateField

GENERAL = api_settings.NON_FIELD_ERRORS_KEY


def _date_parts(value) -> list[str]:
    if value in (None, ""):
        return ["", "", ""]
    try:
        day = datetime.date.fromisoformat(str(value))
    except ValueError:
        # Not a date: the form then says "… must be a real date".
        return ["?", "?", "?"]
    return [str(day.day), str(day.month), str(day.year)]


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value)
    if value is None:
        return ""
    return str(value)


def form_data(form_class: type[forms.Form], payload) -> dict:
    if not isinstance(payload, dict):
        raise ValidationError({GENERAL: ["Send a JSON object of the fields."]})
    data = {}
    for name, value in payload.items():
        if isinstance(form_class.base_fields.get(name), GovukDateField):
            for i, part in enumerate(_date_parts(value)):
                data[f"{name}_{i}"] = part
        else:
            data[name] = _text(value)
    return data


def bound_form(form_class: type[forms.Form], payload, **kwargs) -> forms.Form:
    """The form bound to the request's JSON; 400 with each field's messages if invalid."""
    form = form_class(form_data(form_class, payload), **kwargs)
    if not form.is_valid():
        raise ValidationError(
            {
                (GENERAL if field == "__all__" else field): [e["message"] for e in errors]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    return form


def _field(f: forms.Field) -> serializers.Field:
    common = {"required": f.required, "help_text": str(f.help_text or f.label or "") or None}
    if isinstance(f, GovukDateField):
        return serializers.DateField(**common)
    if isinstance(f, forms.ModelChoiceField):
        return serializers.IntegerField(**common)
    if isinstance(f, forms.BooleanField):
        return serializers.BooleanField(**{**common, "required": False})
    if isinstance(f, forms.ChoiceField):
        # With their labels, so that a form's choices are the model's choice set.
        choices = [(value, str(label)) for value, label in f.choices if value]
        if choices:
            return serializers.ChoiceField(choices=choices, **common)
        return serializers.CharField(**common)
    if isinstance(f, forms.IntegerField):
        return serializers.IntegerField(min_value=f.min_value, max_value=f.max_value, **common)
    if isinstance(f, forms.DecimalField):
        return serializers.DecimalField(
            max_digits=f.max_digits,
            decimal_places=f.decimal_places,
            min_value=f.min_value,
            max_value=f.max_value,
            **common,
        )
    if isinstance(f, forms.URLField):
        return serializers.URLField(**common)
    if isinstance(f, forms.EmailField):
        return serializers.EmailField(**common)
    max_length = getattr(f, "max_length", None)
    return serializers.CharField(max_length=max_length, allow_blank=not f.required, **common)


def form_serializer(
    form_class: type[forms.Form], name: str, *, extra: dict | None = None, drop=()
) -> type[serializers.Serializer]:
    """A serializer describing the form's fields (for the schema only)."""
    fields = {n: _field(f) for n, f in form_class.base_fields.items() if n not in drop}
    fields.update(extra or {})
    return type(name, (serializers.Serializer,), fields)
