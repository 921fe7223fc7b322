"""The convening team sets the programme's target for each headline figure."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from partnerbase.accounts.permissions import can_manage_programme
from partnerbase.impact.figures import MONEY_FIGURES
from partnerbase.impact.models import Figure, Target
from partnerbase.impact.services import target_set
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
    current = dict(Target.objects.filter(programme=programme).values_list("figure", "value"))
    form = TargetsForm(request.POST or None, initial=current, currency=programme.reference_currency)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for key, value in form.cleaned_data.items():
                if value is not None and value != current.get(key):
                    target_set(actor=request.user, programme=programme, figure=key, value=value)
        messages.success(request, "Targets saved.")
        return redirect("reports:dashboard", programme.slug)
    return render(
        request,
        "reports/targets_form.html",
        {"programme": programme, "form": form, "nav_current": "dashboard"},
    )
