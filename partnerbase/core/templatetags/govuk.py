"""Render Django forms and page furniture in GOV.UK Design System markup.

    {% load govuk %}
    {% govuk_error_summary form %}
    {% govuk_field form.email label="Email address" classes="govuk-input--width-20" %}

Markup lives in templates/includes/ so Django's autoescaping covers every label, value and
message; only the widget HTML that Django itself renders is passed through as safe.
"""

import copy
import datetime

from django import forms, template
from django.core.validators import EmailValidator, MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from partnerbase.core.forms import DATE_PARTS, GovukDateWidget

register = template.Library()

TEXT_INPUTS = (
    forms.TextInput,
    forms.EmailInput,
    forms.PasswordInput,
    forms.NumberInput,
    forms.URLInput,
    forms.DateInput,
    forms.DateTimeInput,
    forms.TimeInput,
)
# Widget class -> (GOV.UK class, its error modifier).
WIDGET_CLASSES = [
    (forms.CheckboxInput, ("govuk-checkboxes__input", "")),
    (forms.Textarea, ("govuk-textarea", "govuk-textarea--error")),
    (forms.Select, ("govuk-select", "govuk-select--error")),
    (forms.FileInput, ("govuk-file-upload", "govuk-file-upload--error")),
    (TEXT_INPUTS, ("govuk-input", "govuk-input--error")),
]
LABEL_SIZES = {"s", "m", "l", "xl"}


def _field_kind(widget: forms.Widget) -> str:
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, GovukDateWidget):
        return "date"
    # CheckboxSelectMultiple subclasses RadioSelect, so it is tested first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


def _summary_href(bound_field) -> str:
    # Every control the tags render has the field's auto_id as its id (the first radio or
    # checkbox of a group included), so the summary can always link to it. A date input
    # is the exception: its link goes to the first of its inputs in error (id_<name>_0...).
    if not bound_field.auto_id:
        return ""
    if isinstance(bound_field.field.widget, GovukDateWidget):
        return f"#{bound_field.auto_id}_{min(_date_parts_in_error(bound_field), default=0)}"
    return f"#{bound_field.auto_id}"


def _date_parts_in_error(bound_field) -> set[int]:
    """Indexes (0 day, 1 month, 2 year) of the date inputs to highlight.

    GovukDateField's errors say which parts are wrong; any other error (from the form's
    clean(), or a service) is about the whole date, so all three inputs are highlighted.
    """
    errors = bound_field.form.errors.get(bound_field.name) if bound_field.form.is_bound else None
    if not errors:
        return set()
    parts = set()
    for error in errors.as_data():
        named = (error.params or {}).get("parts") if isinstance(error.params, dict) else None
        parts.update(named if named else range(len(DATE_PARTS)))
    return parts


CHOOSING_KINDS = ("select", "radios", "checkboxes", "checkbox")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def _required_message(bound_field, label: str) -> str:
    if isinstance(bound_field.field, forms.FileField):
        return f"Choose {_lower_first(label)}"
    if _field_kind(bound_field.field.widget) in CHOOSING_KINDS:
        return f"Select {_lower_first(label)}"
    return f"Enter {_lower_first(label)}"


def error_messages(bound_field) -> list[str]:
    """The field's errors, with Django's generic wording made specific to the field, as
    the GOV.UK error-message guidance asks ("Enter the rate", not "This field is required.")."""
    label = str(bound_field.label or bound_field.name.replace("_", " ")).rstrip("?:")
    field = bound_field.field
    generic = {
        forms.Field.default_error_messages["required"]: _required_message(bound_field, label),
        forms.IntegerField.default_error_messages["invalid"]: f"{label} must be a whole number",
        forms.DecimalField.default_error_messages["invalid"]: f"{label} must be a number",
        EmailValidator.message: (
            f"Enter {_lower_first(label)} in the right format, like name@example.org"
        ),
    }
    generic = {str(message): text for message, text in generic.items()}
    # Only Django's own wording: a form that set its own message keeps it.
    default_too_long = str(MaxLengthValidator.message)
    if isinstance(field, forms.CharField) and field.max_length:
        too_long = default_too_long % {
            "limit_value": field.max_length,
            "show_value": len(str(bound_field.data or "")),
        }
        generic[str(too_long)] = f"{label} must be {field.max_length} characters or fewer"
    return [generic.get(str(error), str(error)) for error in bound_field.errors]


@register.inclusion_tag("includes/error_summary.html")
def govuk_error_summary(*forms_):
    """An error summary for one or more forms; renders nothing when none has errors."""
    errors = []
    for form in forms_:
        if not isinstance(form, forms.BaseForm) or not form.errors:
            continue
        visible = form.visible_fields()
        # Errors that belong to no field point at the first field, where the user starts.
        first_href = _summary_href(visible[0]) if visible else ""
        errors.extend({"href": first_href, "text": e} for e in form.non_field_errors())
        for bound_field in form:
            for error in error_messages(bound_field):
                if bound_field.is_hidden:
                    errors.append({"href": "", "text": f"{bound_field.label}: {error}"})
                else:
                    errors.append({"href": _summary_href(bound_field), "text": error})
    stale = next((f for f in forms_ if getattr(f, "stale", None) is not None), None)
    return {"errors": errors, "versions": stale_versions(stale) if stale else []}


def stale_versions(form) -> list[dict]:
    """Each field of a stale edit form that the record has: the user's entry and the
    saved value, side by side (core.versions)."""
    current, rows = form.stale, []
    for bound_field in form:
        name = bound_field.name
        if bound_field.is_hidden or not hasattr(current, name):
            continue
        field = bound_field.field
        yours = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        saved = getattr(current, name)
        if isinstance(saved, models.Model) and not isinstance(yours, models.Model):
            saved = saved.pk
        rows.append(
            {
                "label": bound_field.label,
                "yours": _shown(field, yours),
                "saved": _shown(field, saved),
                "differs": _shown(field, yours) != _shown(field, saved),
            }
        )
    return rows or _their_change(current)


def _their_change(current) -> list[dict]:
    """For a form whose fields the record does not hold (a stage to move to): what the
    other person's save changed, as it was and as it is now."""
    latest = list(current.history.order_by("-history_date", "-history_id")[:2])
    if len(latest) < 2:
        return []
    labels = {f.name: f.verbose_name for f in current._meta.fields}
    rows = [
        {
            "label": str(labels.get(c.field, c.field)).capitalize(),
            "yours": _shown(None, c.old),
            "saved": _shown(None, c.new),
            "differs": True,
        }
        for c in latest[0].diff_against(latest[1]).changes
        if c.field != "updated_at"
    ]
    when = [timezone.localtime(row.history_date) for row in latest]
    return [
        *rows,
        {
            "label": "Saved",
            "yours": f"{when[1]:%H:%M} on {date_format(when[1], 'j F Y')}",
            "saved": f"{when[0]:%H:%M} on {date_format(when[0], 'j F Y')}",
            "differs": True,
        },
    ]


def _shown(field, value) -> str:
    if value in (None, "", [], ()):
        return "Not given"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    choices = dict(getattr(field, "choices", None) or ())
    if choices:
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(
            str(choices.get(getattr(v, "pk", v), choices.get(str(getattr(v, "pk", v)), v)))
            for v in values
        )
    return str(value)


@register.inclusion_tag("includes/field.html")
def govuk_field(bound_field, label=None, hint=None, label_size="", classes="", **attrs):
    """A form group for one bound field: label or legend, hint, error message and control.

    label / hint override the form's; label_size is one of s, m, l, xl; classes are added
    to the control (e.g. "govuk-input--width-10"); any other keyword becomes an attribute
    of the control, with underscores turned into hyphens (aria_label="…" -> aria-label).
    """
    widget = bound_field.field.widget
    kind = _field_kind(widget)
    auto_id = bound_field.auto_id
    errors = error_messages(bound_field)
    hint = bound_field.help_text if hint is None else hint
    hint_id = f"{auto_id}-hint" if hint and auto_id else ""
    error_id = f"{auto_id}-error" if errors and auto_id else ""
    described_by = " ".join(i for i in (hint_id, error_id) if i)
    size = label_size if label_size in LABEL_SIZES else ""
    optional = (
        not bound_field.field.required
        and kind not in ("checkbox", "hidden")
        and not getattr(bound_field.form, "is_filter_form", False)  # every filter is
    )
    ctx = {
        "field": bound_field,
        "kind": kind,
        "id": auto_id,
        "label": bound_field.label if label is None else label,
        "optional": optional,
        "label_size": size,
        "hint": hint,
        "hint_id": hint_id,
        "errors": errors,
        "error_id": error_id,
        "described_by": described_by,
        "classes": classes,
    }
    if kind == "hidden":
        ctx["widget_html"] = bound_field.as_widget()
        return ctx
    if kind in ("radios", "checkboxes"):
        ctx["items"] = _choice_items(bound_field)
        return ctx
    if kind == "date":
        ctx["items"] = _date_items(bound_field)
        return ctx

    widget_attrs = {k.replace("_", "-"): v for k, v in attrs.items()}
    # The error message and hint are announced with the control.
    if described_by:
        widget_attrs["aria-describedby"] = described_by
    css = [c for c in (widget.attrs.get("class", ""), classes) if c]
    for widget_type, (base_class, error_class) in WIDGET_CLASSES:
        if isinstance(widget, widget_type):
            css.insert(0, base_class)
            if errors and error_class:
                css.append(error_class)
            break
    if css:
        widget_attrs["class"] = " ".join(css)
    render_widget = None
    if isinstance(widget, forms.DateInput) and not isinstance(widget, forms.DateTimeInput):
        # A native date picker needs ISO dates whatever the locale's input format is.
        render_widget = copy.copy(widget)
        render_widget.input_type = "date"
        render_widget.format = "%Y-%m-%d"
    ctx["widget_html"] = bound_field.as_widget(widget=render_widget, attrs=widget_attrs)
    return ctx


def _date_items(bound_field) -> list[dict]:
    """The day, month and year inputs, with GOV.UK classes and the parts in error marked.

    Keyword attributes given to the tag are not copied onto the three inputs (an aria-label
    would be wrong on all of them); set attrs on the widget's subwidgets instead.
    """
    widget = bound_field.field.widget
    in_error = _date_parts_in_error(bound_field)
    auto_id = bound_field.auto_id
    context = widget.get_context(
        bound_field.html_name, bound_field.value(), {"id": auto_id} if auto_id else {}
    )
    items = []
    for index, sub in enumerate(context["widget"]["subwidgets"]):
        sub_attrs = dict(sub["attrs"])
        css = sub_attrs.pop("class", "")
        if index in in_error:
            css = f"{css} govuk-input--error"
        sub_attrs.pop("id", None)
        sub_attrs.pop("inputmode", None)
        items.append(
            {
                "id": sub["attrs"].get("id", ""),
                "name": sub["name"],
                "value": "" if sub["value"] is None else str(sub["value"]),
                "label": DATE_PARTS[index].capitalize(),
                "classes": css.strip(),
                "attrs": sub_attrs,
            }
        )
    return items


def _choice_items(bound_field) -> list[dict]:
    items = []
    for index, sub in enumerate(bound_field.subwidgets):
        data = sub.data
        items.append(
            {
                # GOV.UK convention: the first item carries the field's id, so error
                # summary links land on it; the rest are id-2, id-3, ...
                "id": bound_field.auto_id if index == 0 else f"{bound_field.auto_id}-{index + 1}",
                "name": data["name"],
                "value": "" if data["value"] is None else str(data["value"]),
                "label": data["label"],
                "checked": data["selected"],
            }
        )
    return items


@register.simple_tag(takes_context=True)
def govuk_nav_item(context, href, text, key, prefix=False):
    """One service navigation item, marked current by path or by the nav_current variable.

    The exact page gets aria-current="page"; a page inside the section (nav_current equal to
    key, or with prefix=True a path under href) gets aria-current="true".
    """
    if not href:
        # {% url ... as var %} swallows NoReverseMatch; fail loudly instead of an empty link.
        raise template.TemplateSyntaxError(f"govuk_nav_item {key!r} has no URL")
    request = context.get("request")
    path = getattr(request, "path", None)
    nav_current = context.get("nav_current")
    if path == href:
        current = "page"
    elif nav_current == key or (
        prefix and not nav_current and path and href != "/" and path.startswith(href)
    ):
        current = "true"
    else:
        current = ""
    if not current:
        return format_html(
            '<li class="govuk-service-navigation__item">'
            '<a class="govuk-service-navigation__link" href="{}">{}</a></li>',
            href,
            text,
        )
    # The <strong> keeps the current item visible when users override colours.
    return format_html(
        '<li class="govuk-service-navigation__item govuk-service-navigation__item--active">'
        '<a class="govuk-service-navigation__link" href="{}" aria-current="{}">'
        '<strong class="govuk-service-navigation__active-fallback">{}</strong></a></li>',
        href,
        current,
        text,
    )


DEFAULT_PHASE = "Alpha — this is a new service"


@register.inclusion_tag("includes/phase_banner.html", takes_context=True)
def govuk_phase_banner(context):
    """The phase banner from phase_banner ("Tag — text"); an empty phase_banner hides it."""
    phase = context.get("phase_banner", DEFAULT_PHASE)
    if phase is None:
        phase = DEFAULT_PHASE
    tag, sep, text = str(phase).partition(" — ")
    if not sep:
        tag, text = "", tag
    return {"tag": tag.strip(), "text": text.strip()[:1].upper() + text.strip()[1:]}
