"""The application form, built from a call's own questions.

Fields only collect what the applicant typed; the services check it (word limits, numbers,
files, required answers at submission) so the demo, imports and forms share one set of
rules. The field for a question is named question.field_name ("q<id>").
"""

from django import forms

from .models import Answer, Application, QuestionKind


def _hint(question) -> str:
    parts = [question.help_text.strip()] if question.help_text.strip() else []
    if question.kind == QuestionKind.TEXT and question.word_limit:
        parts.append(f"Use {question.word_limit} words or fewer.")
    if question.kind == QuestionKind.NUMBER:
        low, high, fmt = question.min_value, question.max_value, question.format_number
        if low is not None and high is not None:
            parts.append(f"A whole number from {fmt(low)} to {fmt(high)}.")
        elif low is not None:
            parts.append(f"A whole number, {fmt(low)} or more.")
        elif high is not None:
            parts.append(f"A whole number, {fmt(high)} or less.")
        else:
            parts.append("A whole number.")
    if question.kind == QuestionKind.FILE:
        parts.append("PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG, up to 10 MB.")
    return " ".join(parts)


class _AnsweredLater:
    """`required` marks the label; the answer itself is required only at submission, which
    the services check, so an empty value passes here and a draft can be saved."""

    def validate(self, value):
        if value in self.empty_values:
            return
        super().validate(value)


class _Text(_AnsweredLater, forms.CharField):
    pass


class _Choice(_AnsweredLater, forms.ChoiceField):
    pass


class _File(_AnsweredLater, forms.FileField):
    pass


class _Area(_AnsweredLater, forms.ModelChoiceField):
    pass


def _field(question, answer: Answer | None) -> forms.Field:
    common = {"label": question.text, "required": question.required, "help_text": _hint(question)}
    if question.kind == QuestionKind.TEXT:
        field = _Text(widget=forms.Textarea(attrs={"rows": 6}), **common)
        field.initial = answer.text if answer else ""
    elif question.kind == QuestionKind.NUMBER:
        field = _Text(widget=forms.TextInput(attrs={"inputmode": "numeric"}), **common)
        field.initial = "" if answer is None or answer.number is None else str(answer.number)
    elif question.kind == QuestionKind.CHOICE:
        field = _Choice(
            choices=[(o, o) for o in question.option_list], widget=forms.RadioSelect, **common
        )
        field.initial = answer.text if answer else ""
    else:
        field = _File(**common)
        field.saved_name = answer.file_name if answer else ""
    field.question = question
    return field


class ApplicationForm(forms.Form):
    use_required_attribute = False  # a draft may be saved with answers missing

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        call = application.call
        self.questions = list(call.questions.all())
        saved = {a.question_id: a for a in application.answers.all()} if application.pk else {}
        areas = list(call.challenge_areas.all())
        if areas:
            self.fields["challenge_area"] = _Area(
                queryset=call.challenge_areas.all(),
                widget=forms.RadioSelect,
                label="Which challenge area is your application for?",
                empty_label=None,
                initial=application.challenge_area_id,
            )
        for question in self.questions:
            self.fields[question.field_name] = _field(question, saved.get(question.pk))

    def answers(self) -> dict:
        """{question: raw value} for the services; a file field with no upload is left out."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.field_name)
            if question.kind == QuestionKind.FILE and not value:
                continue
            result[question] = value if value is not None else ""
        return result
