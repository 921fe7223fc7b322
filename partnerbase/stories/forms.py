from django import forms


class StoryAddForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None,
        label="Innovator",
        empty_label="Choose an innovator",
        help_text="Innovators with a cohort place who have no story yet.",
        error_messages={"required": "Choose the innovator whose story to tell"},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class OwnSentenceForm(forms.Form):
    own_sentence = forms.CharField(
        label="Your own sentence",
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Printed after the paragraph written from the records. Leave blank for none.",
        error_messages={"max_length": "The sentence must be 600 characters or fewer"},
    )
