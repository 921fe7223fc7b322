import datetime

import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory

COLOURS = [("red", "Red"), ("blue", "Blue")]


class ExampleForm(forms.Form):
    name = forms.CharField(help_text="As it appears on your passport")
    email = forms.EmailField(required=False)
    colour = forms.ChoiceField(choices=COLOURS, widget=forms.RadioSelect)
    starts = forms.DateField(required=False)
    notes = forms.CharField(required=False, widget=forms.Textarea)
    agree = forms.BooleanField()

    def clean(self):
        raise forms.ValidationError("Something about the form as a whole is wrong")


def render(source: str, **context) -> str:
    return Template("{% load govuk %}" + source).render(Context(context))


@pytest.fixture
def bad_form():
    form = ExampleForm(data={"name": "", "email": "<script>alert(1)</script>", "colour": "green"})
    assert not form.is_valid()
    return form


def test_error_summary_links_every_error_to_its_field(bad_form):
    html = render("{% govuk_error_summary form %}", form=bad_form)

    assert 'data-module="govuk-error-summary"' in html
    assert "There is a problem" in html
    # Non-field errors point at the first field.
    assert '<a href="#id_name">Something about the form as a whole is wrong</a>' in html
    # Django's generic messages are made specific to the field (GOV.UK error messages).
    assert '<a href="#id_name">Enter name</a>' in html
    assert "This field is required." not in html
    assert '<a href="#id_email">Enter email in the right format, like name@example.org</a>' in html
    assert '<a href="#id_agree">Select agree</a>' in html
    assert 'href="#id_colour"' in html
    assert 'href="#id_agree"' in html


def test_error_summary_is_empty_without_errors():
    assert render("{% govuk_error_summary form %}", form=ExampleForm()).strip() == ""
    assert render("{% govuk_error_summary form %}").strip() == ""


def test_field_with_error_has_govuk_error_classes_and_described_by(bad_form):
    html = render("{% govuk_field form.name %}", form=bad_form)

    assert "govuk-form-group govuk-form-group--error" in html
    assert 'class="govuk-input govuk-input--error"' in html
    assert '<label class="govuk-label" for="id_name">Name</label>' in html
    assert '<div id="id_name-hint" class="govuk-hint">As it appears on your passport</div>' in html
    assert 'id="id_name-error" class="govuk-error-message"' in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html


def test_user_input_is_escaped(bad_form):
    html = render("{% govuk_field form.email %}{% govuk_error_summary form %}", form=bad_form)

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_radios_use_a_fieldset_and_the_field_id_on_the_first_radio(bad_form):
    html = render("{% govuk_field form.colour %}", form=bad_form)

    assert '<fieldset class="govuk-fieldset" aria-describedby="id_colour-error">' in html
    assert 'data-module="govuk-radios"' in html
    assert 'id="id_colour" name="colour" type="radio" value="red"' in html
    assert 'id="id_colour-2" name="colour" type="radio" value="blue"' in html


def test_other_widgets_get_govuk_classes():
    form = ExampleForm(initial={"starts": datetime.date(2025, 6, 1)})
    html = render(
        "{% govuk_field form.email %}{% govuk_field form.starts %}"
        "{% govuk_field form.notes %}{% govuk_field form.agree %}",
        form=form,
    )

    assert 'type="email"' in html and "Email (optional)" in html
    assert 'type="date"' in html and 'value="2025-06-01"' in html
    assert 'class="govuk-textarea"' in html
    assert 'class="govuk-checkboxes__input"' in html
    assert "govuk-form-group--error" not in html


def test_label_override_and_extra_attributes():
    html = render(
        '{% govuk_field form.name label="Full name" label_size="m" data_thing="x" %}',
        form=ExampleForm(),
    )

    assert '<label class="govuk-label govuk-label--m" for="id_name">Full name</label>' in html
    assert 'data-thing="x"' in html


def test_nav_item_marks_the_current_page():
    request = RequestFactory().get("/programmes/")
    html = render('{% govuk_nav_item "/programmes/" "Programmes" "programmes" %}', request=request)
    assert 'aria-current="page"' in html

    html = render(
        '{% govuk_nav_item "/programmes/x/organisations/" "Organisations" "organisations" %}',
        request=request,
        nav_current="organisations",
    )
    assert 'aria-current="true"' in html


def test_phase_banner_defaults_and_can_be_hidden():
    html = render("{% govuk_phase_banner %}")
    assert "govuk-phase-banner__content__tag" in html and ">Alpha<" in html
    assert "This is a new service" in html

    assert render("{% govuk_phase_banner %}", phase_banner="").strip() == ""


def test_checkbox_lists_and_hidden_fields():
    class Form(forms.Form):
        tags = forms.MultipleChoiceField(choices=COLOURS, widget=forms.CheckboxSelectMultiple)
        token = forms.CharField(widget=forms.HiddenInput)

    form = Form(data={"tags": ["blue"]})
    html = render("{% govuk_field form.tags %}{% govuk_field form.token %}", form=form)

    assert 'data-module="govuk-checkboxes"' in html and 'type="radio"' not in html
    assert 'id="id_tags-2" name="tags" type="checkbox" value="blue" checked' in html
    assert '<input type="hidden" name="token" id="id_token">' in html
