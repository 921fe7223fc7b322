"""The GOV.UK date input: day, month and year boxes, GOV.UK's error messages, and markup."""

import datetime

import pytest
from django import forms
from django.template import Context, Template

from partnerbase.core.forms import GovukDateField, GovukDateWidget


class DateForm(forms.Form):
    starts = GovukDateField(label="Start date", required=False, help_text="For example, 27 3 2018")
    born = GovukDateField(label="Date of birth", required=False)
    met = GovukDateField(label="Date")


def bound(**data) -> DateForm:
    """A form with met filled in correctly unless the data says otherwise."""
    values = {"met_0": "1", "met_1": "1", "met_2": "2020", **data}
    return DateForm(data=values)


def render(source: str, form) -> str:
    return Template("{% load govuk %}" + source).render(Context({"form": form}))


def test_a_valid_date_is_cleaned_to_a_date():
    form = bound(starts_0="27", starts_1="3", starts_2="2018")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts"] == datetime.date(2018, 3, 27)
    assert form.cleaned_data["met"] == datetime.date(2020, 1, 1)


def test_spaces_leading_zeros_and_month_names_are_accepted():
    form = bound(
        starts_0=" 07 ",
        starts_1="Mar",
        starts_2="2018",
        born_0="1",
        born_1="december",
        born_2="1990",
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts"] == datetime.date(2018, 3, 7)
    assert form.cleaned_data["born"] == datetime.date(1990, 12, 1)


def test_an_optional_date_left_blank_is_none():
    form = bound(starts_0="", starts_1=" ", starts_2="")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["starts"] is None and form.cleaned_data["born"] is None


def test_a_required_date_left_blank_asks_for_it():
    form = DateForm(data={})
    assert not form.is_valid()
    assert form.errors["met"] == ["Enter the date"]


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("27", "", "2018", "Start date must include a month"),
        ("", "3", "2018", "Start date must include a day"),
        ("27", "3", "", "Start date must include a year"),
        ("", "", "2018", "Start date must include a day and month"),
        ("31", "2", "2018", "Start date must be a real date"),
        ("0", "3", "2018", "Start date must be a real date"),
        ("27", "13", "2018", "Start date must be a real date"),
        ("x", "3", "2018", "Start date must be a real date"),
        ("27", "3", "18", "Start date must have a year with 4 numbers"),
        ("27", "3", "20180", "Start date must have a year with 4 numbers"),
    ],
)
def test_wrong_dates_get_the_govuk_messages(day, month, year, message):
    form = bound(starts_0=day, starts_1=month, starts_2=year)
    assert not form.is_valid()
    assert form.errors["starts"] == [message]


def test_error_name_replaces_the_label_in_messages():
    class PeriodForm(forms.Form):
        start = GovukDateField(label="From", error_name="The start date")

    assert PeriodForm(data={"start_0": "1"}).errors["start"] == [
        "The start date must include a month and year"
    ]
    assert PeriodForm(data={}).errors["start"] == ["Enter the start date"]


def test_initial_may_be_a_date():
    form = DateForm(initial={"starts": datetime.date(2018, 3, 27)})
    html = render("{% govuk_field form.starts %}", form)
    assert 'name="starts_0"' in html and 'value="27"' in html
    assert 'value="3"' in html and 'value="2018"' in html
    assert GovukDateWidget().decompress(datetime.date(2018, 3, 27)) == ["27", "3", "2018"]
    unchanged = DateForm(
        data={"starts_0": "27", "starts_1": "03", "starts_2": "2018", "met_0": ""},
        initial={"starts": datetime.date(2018, 3, 27)},
    )
    assert "starts" not in unchanged.changed_data


def test_renders_the_govuk_date_input_in_a_fieldset():
    html = render("{% govuk_field form.starts %}", DateForm())

    assert (
        '<fieldset class="govuk-fieldset" role="group" aria-describedby="id_starts-hint">' in html
    )
    assert '<legend class="govuk-fieldset__legend">Start date (optional)</legend>' in html
    assert '<div id="id_starts-hint" class="govuk-hint">For example, 27 3 2018</div>' in html
    assert '<div class="govuk-date-input" id="id_starts">' in html
    assert html.count('class="govuk-date-input__item"') == 3
    for index, (part, width) in enumerate([("Day", 2), ("Month", 2), ("Year", 4)]):
        assert (
            f'<label class="govuk-label govuk-date-input__label" for="id_starts_{index}">{part}'
            in html
        )
        assert (
            f'<input class="govuk-input govuk-date-input__input govuk-input--width-{width}" '
            f'id="id_starts_{index}" name="starts_{index}" type="text" inputmode="numeric">'
        ) in html
    assert 'type="date"' not in html
    assert "govuk-form-group--error" not in html and "govuk-input--error" not in html


def test_only_the_missing_part_is_highlighted_and_linked_from_the_summary():
    form = bound(starts_0="27", starts_1="", starts_2="2018")
    html = render("{% govuk_error_summary form %}{% govuk_field form.starts %}", form)

    assert '<a href="#id_starts_1">Start date must include a month</a>' in html
    assert '<div class="govuk-form-group govuk-form-group--error">' in html
    assert 'aria-describedby="id_starts-hint id_starts-error"' in html
    assert (
        '<p id="id_starts-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Start date must include a month</p>'
    ) in html
    # What the user typed is shown again.
    assert 'id="id_starts_0" name="starts_0" type="text" inputmode="numeric" value="27"' in html
    assert 'govuk-input--width-2" id="id_starts_0"' in html
    assert 'govuk-input--width-2 govuk-input--error" id="id_starts_1"' in html
    assert 'govuk-input--width-4" id="id_starts_2"' in html


def test_a_date_that_is_not_real_highlights_all_three_inputs():
    form = bound(starts_0="31", starts_1="2", starts_2="2018")
    html = render("{% govuk_error_summary form %}{% govuk_field form.starts %}", form)

    assert '<a href="#id_starts_0">Start date must be a real date</a>' in html
    assert html.count("govuk-input--error") == 3


def test_a_short_year_highlights_the_year():
    form = bound(starts_0="27", starts_1="3", starts_2="18")
    html = render("{% govuk_error_summary form %}{% govuk_field form.starts %}", form)

    assert '<a href="#id_starts_2">Start date must have a year with 4 numbers</a>' in html
    assert html.count("govuk-input--error") == 1


def test_an_error_added_by_the_form_highlights_the_whole_date():
    form = bound(starts_0="27", starts_1="3", starts_2="2018")
    assert form.is_valid()
    form.add_error("starts", "The start date must be before the end date")
    html = render("{% govuk_error_summary form %}{% govuk_field form.starts %}", form)

    assert '<a href="#id_starts_0">The start date must be before the end date</a>' in html
    assert html.count("govuk-input--error") == 3


def test_values_are_escaped():
    form = bound(starts_0='"><script>alert(1)</script>', starts_1="3", starts_2="2018")
    html = render("{% govuk_field form.starts %}", form)
    assert "<script>" not in html and "&lt;script&gt;" in html
