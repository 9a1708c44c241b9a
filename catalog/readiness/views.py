"""The supplier's readiness page of a product: the checklist per market and the readiness data form.

Members of the product's company only (404 for anyone else, staff too, like the rest of the dashboard)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalog.showcase.models import ShowcaseError
from portal.companies.selectors import company_for_member

from . import selectors, services
from .forms import ReadinessForm


@login_required
def product_readiness(request, company_id, pk):
    company = company_for_member(user=request.user, pk=company_id)
    product = selectors.company_product(company=company, pk=pk)
    data = selectors.readiness_data(product)
    form = ReadinessForm(request.POST or None, initial=ReadinessForm.initial_from(data))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_readiness(
                product=product,
                user=request.user,
                label_languages=form.cleaned_data["label_languages"],
                claims_halal=form.cleaned_data["claims_halal"],
                registrations=form.registrations(),
            )
        except ShowcaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Saved. The checklist below uses what you entered."))
            return redirect("readiness:product", company_id=company.pk, pk=product.pk)
    lists = selectors.checklists([product.pk]).get(product.pk, [])
    return render(
        request,
        "readiness/product.html",
        {
            "company": company,
            "company_name": company.display_name(get_language()),
            "product": product,
            "checklists": lists,
            "form": form,
        },
    )
