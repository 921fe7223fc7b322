from django import forms

SUBMIT = "submit"


class CriterionForm(forms.Form):
    name = forms.CharField(
        max_length=200, label="Criterion", error_messages={"required": "Enter the criterion"}
    )
    guidance = forms.CharField(
        required=False,
        label="Guidance for assessors",
        help_text="What a low and a high score look like.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    weight = forms.IntegerField(
        min_value=1,
        max_value=100,
        initial=1,
        label="Weight",
        help_text="How much this criterion counts against the others, for example 2.",
        error_messages={
            "required": "Enter the weight",
            "invalid": "The weight must be a whole number",
            "min_value": "The weight must be 1 or more",
            "max_value": "The weight must be 100 or less",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    min_score = forms.IntegerField(
        initial=0,
        label="Lowest score",
        error_messages={
            "required": "Enter the lowest score",
            "invalid": "The lowest score must be a whole number",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    max_score = forms.IntegerField(
        initial=10,
        label="Highest score",
        error_messages={
            "required": "Enter the highest score",
            "invalid": "The highest score must be a whole number",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )

    def clean(self):
        data = super().clean()
        low, high = data.get("min_score"), data.get("max_score")
        if low is not None and high is not None and high <= low:
            self.add_error("max_score", "The highest score must be above the lowest score")
        return data


class ThresholdForm(forms.Form):
    disagreement_threshold = forms.IntegerField(
        min_value=0,
        max_value=100,
        label="Flag disagreement above",
        help_text="Points on the 0 to 100 scale between the highest and lowest assessor's "
        "total for one application.",
        error_messages={
            "required": "Enter the threshold",
            "invalid": "The threshold must be a whole number",
            "min_value": "The threshold must be 0 or more",
            "max_value": "The threshold must be 100 or less",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )


class AssignForm(forms.Form):
    application = forms.ModelChoiceField(
        queryset=None,
        label="Application",
        empty_label="Choose an application",
        error_messages={"required": "Choose an application"},
    )
    assessor = forms.ModelChoiceField(
        queryset=None,
        label="Assessor",
        empty_label="Choose an assessor",
        error_messages={"required": "Choose an assessor"},
    )

    def __init__(self, *args, applications, assessors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications
        self.fields["application"].label_from_instance = lambda a: a.organisation.name
        self.fields["assessor"].queryset = assessors


class AutoAssignForm(forms.Form):
    per_application = forms.IntegerField(
        min_value=1,
        max_value=20,
        initial=2,
        label="Assessors per application",
        error_messages={
            "required": "Enter how many assessors each application needs",
            "invalid": "The number of assessors must be a whole number",
            "min_value": "Each application needs 1 or more assessors",
            "max_value": "Choose 20 assessors or fewer per application",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
    )


class ScoreSheetForm(forms.Form):
    """A score and a comment per criterion (score_<id>, comment_<id>). Saving a draft may
    leave scores blank; submitting (the button named action=submit) needs them all."""

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        initial_scores = initial_scores or {}
        for c in self.criteria:
            score, comment = initial_scores.get(c.pk, (None, ""))
            self.fields[f"score_{c.pk}"] = forms.IntegerField(
                # Needed to submit; a draft (bound without action=submit) may leave it blank.
                required=self.submitting or not self.is_bound,
                label=f"Score for {c.name}",
                min_value=c.min_score,
                max_value=c.max_score,
                initial=score,
                help_text=f"A whole number from {c.min_score} to {c.max_score}.",
                error_messages={
                    "required": f"Enter a score for {c.name}",
                    "invalid": f"The score for {c.name} must be a whole number",
                    "min_value": f"The score for {c.name} must be {c.min_score} or more",
                    "max_value": f"The score for {c.name} must be {c.max_score} or less",
                },
                widget=forms.TextInput(
                    attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
                ),
            )
            self.fields[f"comment_{c.pk}"] = forms.CharField(
                required=False,
                label=f"Comment on {c.name}",
                initial=comment,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    @property
    def submitting(self) -> bool:
        return self.data.get("action") == SUBMIT

    def rows(self):
        """(criterion, score field, comment field) for the template."""
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict[int, tuple]:
        return {
            c.pk: (self.cleaned_data.get(f"score_{c.pk}"), self.cleaned_data.get(f"comment_{c.pk}"))
            for c in self.criteria
        }


class ModerationForm(forms.Form):
    note = forms.CharField(
        label="Moderation note",
        help_text="What the assessors disagreed on and what was decided.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the moderation note"},
    )
