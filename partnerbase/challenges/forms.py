from django import forms

from partnerbase.core.forms import GovukDateField

from .models import Electorate, VoteMethod


class _OrganisationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ProposalForm(forms.Form):
    organisation = _OrganisationChoice(
        queryset=None, label="Proposing organisation", empty_label="Choose an organisation"
    )
    title = forms.CharField(
        max_length=200, label="Challenge area", help_text="For example, Mental health at work"
    )
    description = forms.CharField(
        label="Why the partnership should take it on",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        if len(organisations) == 1:
            # One organisation to act for: show it, nothing to choose. The widget is replaced
            # before the queryset is set, which is what gives a widget its choices.
            field.widget, field.empty_label = forms.RadioSelect(), None
            field.initial = organisations[0].pk
        field.queryset = organisations


class _ProposalChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} (proposed by {obj.organisation.name})"


class VoteForm(forms.Form):
    title = forms.CharField(
        max_length=200, label="Title", help_text="For example, Choosing our challenge areas"
    )
    electorate = forms.ChoiceField(
        choices=Electorate.choices,
        widget=forms.RadioSelect,
        label="Who votes",
        help_text="One ballot per organisation. The board: organisations with a seat on the "
        "day the vote opens. The whole partnership: those and every organisation a champion, "
        "partner contact or working-group member acts for.",
    )
    method = forms.ChoiceField(
        choices=VoteMethod.choices,
        widget=forms.RadioSelect,
        label="How ballots are counted",
        help_text="Approval: each organisation ticks every area it supports. Ranked: each "
        "organisation puts areas in order; the Schulze method compares them pair by pair.",
    )
    seats = forms.IntegerField(
        min_value=1,
        max_value=20,
        label="How many challenge areas to choose",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-2"}),
    )
    opens_on = GovukDateField(label="Opens on", help_text="For example, 4 10 2017")
    closes_on = GovukDateField(label="Closes on", help_text="For example, 20 10 2017")
    proposals = _ProposalChoices(
        queryset=None, widget=forms.CheckboxSelectMultiple, label="Proposals to vote on"
    )

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = proposals


class ApprovalBallotForm(forms.Form):
    choices = _ProposalChoices(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Which challenge areas does your organisation support?",
        help_text="Select all that apply.",
        error_messages={"required": "Choose at least one challenge area"},
    )

    def __init__(self, *args, vote, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choices"].queryset = vote.proposals.select_related("organisation")
        self.proposals = proposals

    def ordered_choices(self):
        return list(self.cleaned_data["choices"])


class RankedBallotForm(forms.Form):
    """One rank select per proposal: 1 for the best; leave out any you would not support."""

    def __init__(self, *args, vote, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = proposals
        ranks = [("", "Not ranked")] + [(str(n), str(n)) for n in range(1, len(proposals) + 1)]
        for p in proposals:
            self.fields[f"rank_{p.uid.hex}"] = forms.ChoiceField(
                choices=ranks,
                required=False,
                label=p.title,
                help_text=f"Proposed by {p.organisation.name}",
            )

    def clean(self):
        data = super().clean()
        ranked = {}
        for p in self.proposals:
            value = data.get(f"rank_{p.uid.hex}")
            if value:
                ranked.setdefault(int(value), []).append(p)
        for rank, group in ranked.items():
            if len(group) > 1:
                for p in group:
                    self.add_error(
                        f"rank_{p.uid.hex}", f"Give rank {rank} to only one challenge area"
                    )
        if not ranked and self.proposals:
            self.add_error(f"rank_{self.proposals[0].uid.hex}", "Rank at least one challenge area")
        return data

    def ordered_choices(self):
        ranked = []
        for p in self.proposals:
            value = self.cleaned_data.get(f"rank_{p.uid.hex}")
            if value:
                ranked.append((int(value), p))
        return [p for _, p in sorted(ranked, key=lambda pair: pair[0])]


class _OnBehalf(forms.Form):
    """Whose ballot the team records: an organisation on the roll, and who sent it."""

    organisation = _OrganisationChoice(
        queryset=None,
        label="Whose ballot is it?",
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation whose ballot it is"},
    )
    cast_by_name = forms.CharField(
        required=False,
        max_length=200,
        label="Who sent it",
        help_text="Their name, if you know it. The history says you recorded it for them.",
    )
    field_order = ["organisation", "cast_by_name"]

    def __init__(self, *args, electors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = electors
        if "choices" in self.fields:
            self.fields["choices"].label = "Which challenge areas does the organisation support?"


class RecordedApprovalBallotForm(_OnBehalf, ApprovalBallotForm):
    pass


class RecordedRankedBallotForm(_OnBehalf, RankedBallotForm):
    pass
