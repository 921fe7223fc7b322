from django import forms

from partnerbase.brokering.stages import Stage
from partnerbase.challenges.models import ChallengeArea
from partnerbase.core.forms import PeriodForm
from partnerbase.directory.models import SectorGroup

from .graph import EDGE_KINDS
from .queries import DEFAULT_KINDS, MapFilters

FIELDS = ("challenge_area", "stage", "sector", "show", "start", "end")


class MapForm(PeriodForm):
    """The map's filters, sent with GET; blank means everything."""

    challenge_area = forms.ModelChoiceField(
        queryset=ChallengeArea.objects.none(),
        required=False,
        empty_label="All challenge areas",
        label="Challenge area",
    )
    stage = forms.ChoiceField(
        choices=[("", "Any stage"), *Stage.choices_list()],
        required=False,
        label="Partnership stage",
    )
    sector = forms.ChoiceField(
        choices=[("", "All sectors"), *SectorGroup.choices],
        required=False,
        label="Sector",
    )
    show = forms.MultipleChoiceField(
        choices=list(EDGE_KINDS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Ties to show",
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge_area"].queryset = ChallengeArea.objects.filter(
            programme=programme
        ).order_by("name")
        if not self.is_bound:
            self.initial["show"] = sorted(DEFAULT_KINDS)

    def filters(self) -> MapFilters:
        """The filters chosen, or none but the programme's period while there are errors."""
        if not (self.is_bound and self.is_valid()):
            return MapFilters(period=self.default)
        data = self.cleaned_data
        area = data.get("challenge_area")
        return MapFilters(
            period=data["period"],
            challenge_area_id=area.pk if area else None,
            stage=data.get("stage") or "",
            sector=data.get("sector") or "",
            kinds=frozenset(data.get("show") or DEFAULT_KINDS),
        )
