"""Writes for the catalog: consultation requests, their status, and provider ratings."""

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal.companies.models import Company

from . import tasks
from .models import CatalogError, ConsultationRequest, ProviderRating


@transaction.atomic
def consultation_request_create(
    *, user, company, solution_page, need, market, timing, message, consent, language=None
) -> ConsultationRequest:
    """Store a request for an introduction and e-mail the provider, the staff and the requester after commit."""
    if not consent:
        raise CatalogError(
            _("Please agree to share your contact details with the provider; without it we cannot introduce you.")
        )
    if not Company.objects.for_user(user).filter(pk=company.pk).exists():
        raise CatalogError(_("You can only ask for an introduction on behalf of a company you belong to."))
    if not solution_page.live:
        raise CatalogError(_("This offering is not published at the moment, so it cannot take requests."))
    offering_key = solution_page.translation_key
    if ConsultationRequest.objects.open().filter(company=company, offering_key=offering_key).exists():
        raise CatalogError(
            _("Your company already has an open request for this offering. You can follow it under “My requests”.")
        )
    try:
        with transaction.atomic():
            consultation_request = ConsultationRequest.objects.create(
                company=company,
                solution_page=solution_page,
                offering_key=offering_key,
                provider=solution_page.provider,
                requested_by=user,
                need=need,
                market=market,
                timing=timing,
                message=message,
                consent=True,
                language=language or translation.get_language() or "",
            )
    except IntegrityError as error:
        raise CatalogError(
            _("Your company already has an open request for this offering. You can follow it under “My requests”.")
        ) from error
    transaction.on_commit(
        lambda: tasks.send_consultation_request_emails.enqueue(request_id=consultation_request.pk, event="created")
    )
    return consultation_request


@transaction.atomic
def consultation_request_set_status(*, consultation_request, status, by, expected=None) -> ConsultationRequest:
    """Move a request along new → introduced → closed (staff only) and tell the requester.

    ``expected`` is the status the staff member saw; when the request has moved since, ``StaleConsultationRequest``
    is raised and nothing changes. Who moved it, from what, to what, is kept in its history and the audit log.
    """
    if not by.has_perm(f"{ConsultationRequest._meta.app_label}.change_consultationrequest"):
        raise CatalogError(_("Only bureau staff can change the status of a request."))
    locked = ConsultationRequest.objects.select_for_update().get(pk=consultation_request.pk)
    locked.set_status(status, by=by, expected=expected)
    transaction.on_commit(lambda: tasks.send_consultation_request_emails.enqueue(request_id=locked.pk, event=status))
    return locked


@transaction.atomic
def provider_rate(*, user, consultation_request, score, comment="") -> ProviderRating:
    """Rate the provider of a closed request, once, as a member of the requesting company."""
    if not Company.objects.for_user(user).filter(pk=consultation_request.company_id).exists():
        raise CatalogError(_("Only members of the requesting company can rate this provider."))
    locked = ConsultationRequest.objects.select_for_update().get(pk=consultation_request.pk)
    locked.check_can_be_rated()
    if locked.provider is None:
        raise CatalogError(_("This provider is no longer in the catalog."))
    if not 1 <= int(score) <= 5:
        raise CatalogError(_("Choose a score from 1 to 5."))
    try:
        with transaction.atomic():
            return ProviderRating.objects.create(
                request=locked, provider=locked.provider, score=score, comment=comment, rated_by=user
            )
    except IntegrityError as error:
        raise CatalogError(_("You have already rated the provider for this request.")) from error
