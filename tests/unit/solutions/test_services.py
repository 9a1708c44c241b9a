"""Consultation requests: creation rules, the lifecycle with its e-mails, and rating rules."""

import pytest
from django.core import mail
from django.utils import translation

from catalog.solutions import services
from catalog.solutions.models import (
    CatalogError,
    ConsultationRequest,
    Need,
    ProviderRating,
    StaleConsultationRequest,
    Timing,
)
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.solutions import ConsultationRequestFactory, publish_translation, request_desk_user

pytestmark = pytest.mark.django_db


def create_request(membership, page, **overrides):
    arguments = {
        "user": membership.user,
        "company": membership.company,
        "solution_page": page,
        "need": Need.LOGISTICS,
        "market": "TH",
        "timing": Timing.QUARTER,
        "message": "We export pineapple cakes.",
        "consent": True,
        "language": "en",
        **overrides,
    }
    return services.consultation_request_create(**arguments)


def closed_request(catalog, membership, *, introduced=True):
    request = ConsultationRequestFactory(
        company=membership.company, requested_by=membership.user, solution_page=catalog.ship_asean
    )
    staff = StaffFactory()
    if introduced:
        request.set_status(ConsultationRequest.Status.INTRODUCED, by=staff)
    request.set_status(ConsultationRequest.Status.CLOSED, by=staff)
    return request


class TestCreate:
    def test_request_is_stored_and_mailed_after_commit(
        self, catalog, membership, settings, django_capture_on_commit_callbacks
    ):
        """The request is saved as new; after commit the provider, the staff and the requester get an e-mail."""
        settings.STAFF_NOTIFICATION_EMAILS = ["desk@bureau.example"]
        with django_capture_on_commit_callbacks(execute=True):
            request = create_request(membership, catalog.ship_asean)
            assert mail.outbox == []
        assert request.status == ConsultationRequest.Status.NEW
        assert request.provider == catalog.ship_asean.provider
        assert request.offering_key == catalog.ship_asean.translation_key
        recipients = sorted(message.to[0] for message in mail.outbox)
        assert recipients == sorted(
            [catalog.ship_asean.provider.contact_email, "desk@bureau.example", membership.user.email]
        )
        to_provider = next(m for m in mail.outbox if m.to == [catalog.ship_asean.provider.contact_email])
        assert membership.user.email in to_provider.body
        assert "We export pineapple cakes." in to_provider.body

    def test_requester_mail_is_in_the_requester_language(self, catalog, membership, django_capture_on_commit_callbacks):
        """The confirmation is rendered in the request's language (English here) whatever language is active."""
        with translation.override("zh-hant"), django_capture_on_commit_callbacks(execute=True):
            create_request(membership, catalog.ship_asean, language="en")
        confirmation = next(m for m in mail.outbox if m.to == [membership.user.email])
        assert confirmation.subject.startswith("We received your request")

    def test_without_consent_nothing_is_saved(self, catalog, membership, django_capture_on_commit_callbacks):
        """No consent: a clear error, no request, no e-mail."""
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(CatalogError, match="agree"):
            create_request(membership, catalog.ship_asean, consent=False)
        assert ConsultationRequest.objects.count() == 0
        assert mail.outbox == []

    def test_duplicate_open_request_is_refused(self, catalog, membership):
        """A second open request of the same company for the same offering is refused; nothing is saved."""
        create_request(membership, catalog.ship_asean)
        with pytest.raises(CatalogError, match="already has an open request"):
            create_request(membership, catalog.ship_asean)
        assert ConsultationRequest.objects.count() == 1

    def test_duplicate_through_another_language_is_refused(self, catalog, membership):
        """The English version of the same offering counts as the same offering."""
        category_en = publish_translation(catalog.logistics, catalog.english, title="Logistics")
        page_en = publish_translation(catalog.ship_asean, catalog.english, title="ASEAN shipping")
        assert category_en.live
        create_request(membership, catalog.ship_asean)
        with pytest.raises(CatalogError, match="already has an open request"):
            create_request(membership, page_en)
        assert ConsultationRequest.objects.count() == 1

    def test_a_new_request_is_allowed_once_the_previous_one_is_closed(self, catalog, membership):
        """After the open request is closed the company may ask again."""
        first = create_request(membership, catalog.ship_asean)
        first.set_status(ConsultationRequest.Status.CLOSED, by=StaffFactory())
        create_request(membership, catalog.ship_asean)
        assert ConsultationRequest.objects.count() == 2

    def test_other_companies_may_ask_for_the_same_offering(self, catalog, membership):
        """The one-open-request rule is per company."""
        create_request(membership, catalog.ship_asean)
        create_request(MembershipFactory(), catalog.ship_asean)
        assert ConsultationRequest.objects.count() == 2

    def test_unpublished_offering_is_refused(self, catalog, membership):
        """An unpublished offering takes no request; nothing is saved."""
        catalog.ship_asean.unpublish()
        catalog.ship_asean.refresh_from_db()
        with pytest.raises(CatalogError, match="not published"):
            create_request(membership, catalog.ship_asean)
        assert ConsultationRequest.objects.count() == 0

    def test_only_for_a_company_the_user_belongs_to(self, catalog, membership):
        """A user cannot ask on behalf of someone else's company."""
        with pytest.raises(CatalogError, match="company you belong to"):
            create_request(membership, catalog.ship_asean, user=UserFactory())
        assert ConsultationRequest.objects.count() == 0


class TestLifecycle:
    def test_introduced_then_closed_mails_the_requester(self, catalog, membership, django_capture_on_commit_callbacks):
        """Staff move new → introduced → closed; the requester gets an e-mail at each step, in their language."""
        staff = StaffFactory()
        request = create_request(membership, catalog.ship_asean, language="en")
        with django_capture_on_commit_callbacks(execute=True):
            services.consultation_request_set_status(consultation_request=request, status="introduced", by=staff)
        assert [m.to for m in mail.outbox] == [[membership.user.email]]
        assert mail.outbox[0].subject.startswith("You have been introduced")
        with django_capture_on_commit_callbacks(execute=True):
            services.consultation_request_set_status(consultation_request=request, status="closed", by=staff)
        assert mail.outbox[1].subject.startswith("Your request is closed")
        assert "Rate the provider" in mail.outbox[1].body
        request.refresh_from_db()
        assert request.status == "closed"

    def test_only_staff_change_the_status(self, catalog, membership):
        """A company member cannot move their own request."""
        request = create_request(membership, catalog.ship_asean)
        with pytest.raises(CatalogError, match="Only bureau staff"):
            services.consultation_request_set_status(
                consultation_request=request, status="introduced", by=membership.user
            )
        request.refresh_from_db()
        assert request.status == "new"

    def test_staff_with_the_change_permission_move_it_and_are_recorded(self, catalog, membership):
        """Not only superusers: a desk user with solutions.change_consultationrequest moves the request and the
        history names them."""
        desk = request_desk_user("change_consultationrequest")
        request = create_request(membership, catalog.ship_asean)
        services.consultation_request_set_status(consultation_request=request, status="introduced", by=desk)
        request.refresh_from_db()
        assert request.status == "introduced"
        assert [(c.changed_by, c.from_status, c.to_status) for c in request.history.all()] == [
            (desk, "new", "introduced")
        ]

    def test_a_move_based_on_a_stale_status_is_refused_without_mail(
        self, catalog, membership, django_capture_on_commit_callbacks
    ):
        """The page showed "new" but the request was closed since: the move is refused, nobody is e-mailed."""
        request = create_request(membership, catalog.ship_asean)
        request.set_status(ConsultationRequest.Status.CLOSED, by=StaffFactory())
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(StaleConsultationRequest):
            services.consultation_request_set_status(
                consultation_request=request, status="introduced", by=StaffFactory(), expected="new"
            )
        assert mail.outbox == []
        request.refresh_from_db()
        assert request.status == "closed"

    def test_wrong_move_is_refused_without_mail(self, catalog, membership, django_capture_on_commit_callbacks):
        """closed → introduced is refused and nobody is e-mailed."""
        request = closed_request(catalog, membership)
        with django_capture_on_commit_callbacks(execute=True), pytest.raises(CatalogError):
            services.consultation_request_set_status(
                consultation_request=request, status="introduced", by=StaffFactory()
            )
        assert mail.outbox == []


class TestRating:
    def test_member_rates_a_closed_request_once(self, catalog, membership):
        """After closing, a member rates the provider 1–5 with a comment; a second rating is refused."""
        request = closed_request(catalog, membership)
        rating = services.provider_rate(user=membership.user, consultation_request=request, score=4, comment="Fast")
        assert rating.provider == catalog.ship_asean.provider
        assert (rating.score, rating.comment) == (4, "Fast")
        with pytest.raises(CatalogError, match="already rated"):
            services.provider_rate(user=membership.user, consultation_request=request, score=5)
        assert ProviderRating.objects.count() == 1

    @pytest.mark.parametrize("status", ["new", "introduced"])
    def test_rating_before_closing_is_refused(self, catalog, membership, status):
        """Open requests cannot be rated; nothing is saved."""
        request = ConsultationRequestFactory(
            company=membership.company, solution_page=catalog.ship_asean, status=status
        )
        with pytest.raises(CatalogError, match="once the request is closed"):
            services.provider_rate(user=membership.user, consultation_request=request, score=5)
        assert ProviderRating.objects.count() == 0

    def test_closed_without_introduction_cannot_be_rated(self, catalog, membership):
        """A request closed without an introduction has no provider experience to rate."""
        request = closed_request(catalog, membership, introduced=False)
        with pytest.raises(CatalogError, match="without an introduction"):
            services.provider_rate(user=membership.user, consultation_request=request, score=5)

    def test_other_company_cannot_rate(self, catalog, membership):
        """Someone outside the requesting company cannot rate."""
        request = closed_request(catalog, membership)
        with pytest.raises(CatalogError, match="Only members"):
            services.provider_rate(user=MembershipFactory().user, consultation_request=request, score=5)
        assert ProviderRating.objects.count() == 0

    @pytest.mark.parametrize("score", [0, 6])
    def test_score_outside_one_to_five_is_refused(self, catalog, membership, score):
        """Scores are 1 to 5."""
        request = closed_request(catalog, membership)
        with pytest.raises(CatalogError, match="1 to 5"):
            services.provider_rate(user=membership.user, consultation_request=request, score=score)
