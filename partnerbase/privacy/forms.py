from django import forms


class FindForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        required=False,
        help_text="The address the person gave us, or the one they sign in with.",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    # A directory person without an address, sent from their page in the directory.
    person = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("person"):
            self.add_error("email", "Enter the person's email address")
        return cleaned


class EraseForm(FindForm):
    reason = forms.CharField(
        label="Why is the data erased?",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For the erasure log, for example “Erasure request received 3 May 2026”. "
        "Do not give the person's name or address: the log keeps why, not who.",
    )
    confirm = forms.BooleanField(
        label="I understand that the person's name, email address, phone number and job "
        "title will be replaced everywhere, and that this cannot be undone",
        required=False,
    )
