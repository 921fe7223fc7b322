"""The convening team sets the programme's target for each headline figure."""

from decimal import Decimal
from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.core.forms import add_service_error, opened_rows
from partnerbase.core.versions import StaleRecord
from partnerbase.impact.figures import MONEY_FIGURES
from partnerbase.impact.models import Figure, Target
from partnerbase.impact.services import targets_set, targets_version
from partnerbase.programmes.access import programme_for


class TargetsForm(forms.Form):
    def __init__(self, *args, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in Figure.choices:
            money = key in MONEY_FIGURES
            self.fields[key] = forms.DecimalField(
                label=label,
                required=False,
                min_value=Decimal(0),
                max_digits=16,
                decimal_places=2 if money else 0,
                help_text=f"In {currency}" if money else "A whole number",
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal" if money else "numeric", "spellcheck": "false"}
                ),
            )


@require_http_methods(["GET", "POST"])
def targets_edit(request, slug):
    programme = programme_for(request, slug, can_manage_programme)
    current = {
        # A count's target is shown as a whole number ("4", not "4.00", which its field
        # refuses), so saving the form unchanged saves.
        figure: value if figure in MONEY_FIGURES else int(value)
        for figure, value in Target.objects.filter(programme=programme).values_list(
            "figure", "value"
        )
    }
    form = TargetsForm(request.POST or None, initial=current, currency=programme.reference_currency)
    version = opened_rows(form, targets_version(programme=programme))
    if request.method == "POST" and form.is_valid():
        try:
            targets_set(
                actor=request.user, programme=programme, values=form.cleaned_data, version=version
            )
        except StaleRecord as exc:
            # Both versions side by side: the targets saved now, by the form's field names.
            saved = Target.objects.filter(programme=programme).values_list("figure", "value")
            exc.current = SimpleNamespace(**(dict.fromkeys(Figure.values) | dict(saved)))
            add_service_error(form, exc)
        else:
            messages.success(request, "Targets saved.")
            return redirect("reports:dashboard", programme.slug)
    return render(
        request,
        "reports/targets_form.html",
        {"programme": programme, "form": form, "nav_current": "dashboard"},
    )
