"""Thin views: parse the input, call a selector or a service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from . import selectors, services
from .forms import ConsultationRequestForm, ProviderRatingForm, SolutionFilterForm, SolutionGuideForm
from .models import CatalogError, SolutionIndexPage, SolutionPage


def solution_index(request, page):
    """The catalog index filtered by market, category and free/subsidised (GET parameters)."""
    categories = page.categories()
    form = SolutionFilterForm(request.GET, categories=categories)
    offerings = selectors.with_local_providers(selectors.solution_pages_filtered(index=page, **form.filters()))
    return page.render(
        request,
        context_overrides={"filter_form": form, "categories": categories, "offerings": offerings},
    )


def solution_guide(request, page):
    """ "What do you need?": a market and a need give the matching offerings."""
    form = SolutionGuideForm(request.GET or None)
    result = None
    if form.is_valid():
        result = selectors.solution_guide(index=page, **form.cleaned_data)
    return page.render(
        request,
        template="solutions/solution_guide.html",
        context_overrides={"guide_form": form, "result": result},
    )


@login_required
def consultation_request_create(request, page_id):
    """Ask for an introduction from one offering, on behalf of one of the user's companies."""
    solution_page = SolutionPage.objects.filter(pk=page_id).select_related("provider").first()
    if solution_page is None:
        raise Http404
    if not solution_page.live:
        return render(request, "solutions/request_unavailable.html", {"solution_page": solution_page}, status=404)
    companies = selectors.companies_for_requests(user=request.user)
    if not companies.exists():
        return render(request, "solutions/request_no_company.html", {"solution_page": solution_page}, status=403)

    initial = {"need": solution_page.need, "company": companies.first()}
    form = ConsultationRequestForm(request.POST or None, companies=companies, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.consultation_request_create(
                user=request.user,
                solution_page=solution_page,
                language=translation.get_language(),
                **form.cleaned_data,
            )
        except CatalogError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you. We sent your request to the provider and to bureau staff."))
            return redirect("solutions:my_requests")
    return render(
        request,
        "solutions/request_form.html",
        {"form": form, "solution_page": solution_page},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def my_requests(request):
    """The consultation requests of the user's companies, with their status."""
    consultation_requests = selectors.consultation_requests_for_user(user=request.user)
    return render(request, "solutions/my_requests.html", {"consultation_requests": consultation_requests})


@login_required
def provider_rate(request, pk):
    """Rate the provider of a closed request (members of the requesting company only)."""
    consultation_request = selectors.consultation_request_for_user(user=request.user, pk=pk)
    if consultation_request is None:
        raise Http404
    try:
        consultation_request.check_can_be_rated()
    except CatalogError as error:
        blocked_reason = str(error)
    else:
        blocked_reason = ""
    form = ProviderRatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.provider_rate(user=request.user, consultation_request=consultation_request, **form.cleaned_data)
        except CatalogError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you for rating the provider."))
            return redirect("solutions:my_requests")
    return render(
        request,
        "solutions/rate_provider.html",
        {"form": form, "consultation_request": consultation_request, "blocked_reason": blocked_reason},
        status=400 if form.is_bound and form.errors else 200,
    )


def register_routes():
    """The solution catalog's sub-routes: the filtered index and the "what do you need?" guide."""
    SolutionIndexPage.routes.register("", solution_index, name="filter_view")
    SolutionIndexPage.routes.register("guide/", solution_guide, name="guide_view")
