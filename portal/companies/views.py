"""Company pages for members; every read goes through selectors, every write through services."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import CompanyDetailsForm, CompanyRegistrationForm, InvitationForm
from .models import CompanyError, Membership


def _owned_company(request, pk):
    """The company if the user owns it; 404 for non-members, 403 for members who are not owners."""
    company = selectors.company_for_member(user=request.user, pk=pk)
    if not services.is_owner(company=company, user=request.user):
        raise PermissionDenied(_("Only the company's owners can do this."))
    return company


def _render_detail(request, company, *, invitation_form=None, status=200):
    membership = selectors.membership_for(company=company, user=request.user)
    context = {
        "company": company,
        "company_name": company.display_name(get_language()),
        "is_owner": membership.role == Membership.Role.OWNER,
        "members": selectors.company_members(company=company),
        "invitations": selectors.company_pending_invitations(company=company),
        "invitation_form": invitation_form or InvitationForm(),
    }
    return render(request, "companies/company_detail.html", context, status=status)


@login_required
def my_company(request):
    """The user's company; with several, a list to choose from; with none, an invitation to register."""
    companies = list(selectors.companies_for_user(request.user))
    if len(companies) == 1:
        return redirect("companies:detail", pk=companies[0].pk)
    return render(request, "companies/my_company.html", {"companies": companies})


@verified_email_required
def company_register(request):
    form = CompanyRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            company = services.company_register(user=request.user, **form.cleaned_data)
        except CompanyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your company is registered. The bureau will verify it soon."))
            return redirect("companies:detail", pk=company.pk)
    return render(request, "companies/company_register.html", {"form": form})


@login_required
def company_detail(request, pk):
    company = selectors.company_for_member(user=request.user, pk=pk)
    return _render_detail(request, company)


@login_required
def company_edit(request, pk):
    company = _owned_company(request, pk)
    company_name = company.display_name(get_language())
    form = CompanyDetailsForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_update(company=company, by=request.user, **form.cleaned_data)
        except CompanyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The company details are saved."))
            return redirect("companies:detail", pk=company.pk)
    context = {"form": form, "company": company, "company_name": company_name}
    return render(request, "companies/company_edit.html", context)


@require_POST
@login_required
def invitation_create(request, pk):
    company = _owned_company(request, pk)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(
                company=company,
                email=form.cleaned_data["email"],
                invited_by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except CompanyError as exc:
            form.add_error("email", str(exc))
        else:
            messages.success(
                request, _("An invitation has been sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("companies:detail", pk=company.pk)
    return _render_detail(request, company, invitation_form=form, status=400)


@require_POST
@login_required
def invitation_revoke(request, pk, invitation_pk):
    company = _owned_company(request, pk)
    invitation = selectors.invitation_in_company(company=company, pk=invitation_pk)
    try:
        services.invitation_revoke(invitation=invitation, by=request.user)
    except CompanyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email})
    return redirect("companies:detail", pk=company.pk)


@require_POST
@login_required
def membership_remove(request, pk, membership_pk):
    company = _owned_company(request, pk)
    membership = selectors.membership_in_company(company=company, pk=membership_pk)
    try:
        services.membership_remove(membership=membership, by=request.user)
    except CompanyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("%(email)s is no longer a member.") % {"email": membership.user.email})
    return redirect("companies:detail", pk=company.pk)


@login_required
def invitation_accept(request, token):
    """The invited person confirms; refusals (expired, withdrawn, used, other e-mail, member) are explained."""
    invitation = selectors.invitation_by_token(token=token)
    error = None
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, user=request.user)
        except CompanyError as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                _("Welcome to %(company)s.") % {"company": invitation.company.display_name(get_language())},
            )
            return redirect("companies:detail", pk=invitation.company_id)
    context = {
        "invitation": invitation,
        "addressed_to_you": selectors.invitation_is_addressed_to(invitation=invitation, user=request.user),
        "company_name": invitation.company.display_name(get_language()),
        "error": error,
    }
    return render(request, "companies/invitation_accept.html", context, status=400 if error else 200)
