from django import forms


class FindForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The address the person gave us, or the one they sign in with.",
        error_messages={
            "required": "Enter the person's email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


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
