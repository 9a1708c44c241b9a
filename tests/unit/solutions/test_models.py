"""Page-tree rules, the request status machine and the markets field."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation
from wagtail.models import ModelLogEntry

from catalog.solutions.forms import SolutionGuideForm
from catalog.solutions.models import (
    CatalogError,
    ConsultationRequest,
    Need,
    Provider,
    SolutionCategoryPage,
    SolutionIndexPage,
    SolutionPage,
    StaleConsultationRequest,
)
from portal.home.models import HomePage
from portal.status import STATUS_CHANGE_ACTION, StatusChange, TransitionError
from tests.factories.accounts import StaffFactory
from tests.factories.solutions import ConsultationRequestFactory, ProviderFactory, SolutionCategoryPageFactory

pytestmark = pytest.mark.django_db


class TestPageTree:
    def test_index_lives_only_under_the_home_page(self):
        """The catalog index can only be created under a HomePage and only holds categories."""
        assert SolutionIndexPage.clean_parent_page_models() == [HomePage]
        assert SolutionIndexPage.allowed_subpage_models() == [SolutionCategoryPage]
        assert SolutionIndexPage.max_count_per_parent == 1

    def test_categories_live_only_under_the_index(self, catalog):
        """Categories go under the index, never under the home page or another category."""
        assert SolutionCategoryPage.can_create_at(catalog.index)
        assert not SolutionCategoryPage.can_create_at(catalog.home)
        assert not SolutionCategoryPage.can_create_at(catalog.logistics)

    def test_offerings_live_only_under_a_category_and_have_no_children(self, catalog):
        """Offerings go under a category only and cannot have sub-pages."""
        assert SolutionPage.can_create_at(catalog.logistics)
        assert not SolutionPage.can_create_at(catalog.index)
        assert not SolutionPage.can_create_at(catalog.home)
        assert SolutionPage.allowed_subpage_models() == []
        assert not SolutionCategoryPage.can_create_at(catalog.ship_asean)

    def test_two_categories_cannot_answer_the_same_need(self, catalog):
        """A second category with the same need under one index is refused with a message on the need field."""
        duplicate = SolutionCategoryPageFactory(parent=catalog.index, need=Need.COMPLIANCE, slug="other", title="Other")
        duplicate.need = Need.LOGISTICS
        with pytest.raises(ValidationError) as excinfo:
            duplicate.full_clean()
        assert "need" in excinfo.value.message_dict

    def test_offering_need_is_its_category_need(self, catalog):
        """An offering answers the need of the category it sits in."""
        assert catalog.ship_asean.need == Need.LOGISTICS
        assert catalog.halal.need == Need.COMPLIANCE


class TestStatusMachine:
    def test_new_request_goes_to_introduced_then_closed(self, catalog):
        """new → introduced → closed, each move stamping its time in the same write."""
        staff = StaffFactory()
        request = ConsultationRequestFactory(solution_page=catalog.ship_asean)
        introduced = request.set_status(ConsultationRequest.Status.INTRODUCED, by=staff)
        request.refresh_from_db()
        assert request.status == "introduced"
        assert request.introduced_at == introduced.created_at
        assert request.closed_at is None
        closed = request.set_status(ConsultationRequest.Status.CLOSED, by=staff)
        request.refresh_from_db()
        assert request.status == "closed"
        assert request.closed_at == closed.created_at

    def test_each_move_is_kept_in_the_history_and_the_audit_log(self, catalog):
        """Every move writes one history row and one audit-log entry: who, from, to."""
        staff, other_staff = StaffFactory(), StaffFactory()
        request = ConsultationRequestFactory(solution_page=catalog.ship_asean)
        request.set_status(ConsultationRequest.Status.INTRODUCED, by=staff)
        request.set_status(ConsultationRequest.Status.CLOSED, by=other_staff, note="Provider answered")
        assert [(c.changed_by, c.from_status, c.to_status, c.note) for c in request.history.all()] == [
            (staff, "new", "introduced", ""),
            (other_staff, "introduced", "closed", "Provider answered"),
        ]
        entries = ModelLogEntry.objects.for_instance(request).filter(action=STATUS_CHANGE_ACTION).order_by("pk")
        assert [(e.user, e.data["from"], e.data["to"]) for e in entries] == [
            (staff, "new", "introduced"),
            (other_staff, "introduced", "closed"),
        ]

    def test_new_request_may_be_closed_without_introduction(self, catalog):
        """Staff can close a request that will not lead to an introduction."""
        request = ConsultationRequestFactory(solution_page=catalog.ship_asean)
        request.set_status(ConsultationRequest.Status.CLOSED, by=StaffFactory())
        assert request.status == "closed"
        assert request.introduced_at is None

    @pytest.mark.parametrize(
        ("start", "target"),
        [("introduced", "new"), ("closed", "new"), ("closed", "introduced"), ("new", "new"), ("new", "bogus")],
    )
    def test_other_moves_are_refused(self, catalog, start, target):
        """Backward, repeated and unknown moves raise CatalogError (a TransitionError); nothing is written."""
        request = ConsultationRequestFactory(solution_page=catalog.ship_asean, status=start)
        with pytest.raises(CatalogError) as caught:
            request.set_status(target, by=StaffFactory())
        assert isinstance(caught.value, TransitionError)
        request.refresh_from_db()
        assert request.status == start
        assert not StatusChange.objects.exists()
        assert not ModelLogEntry.objects.for_instance(request).filter(action=STATUS_CHANGE_ACTION).exists()

    def test_refusal_message_names_both_statuses(self, catalog):
        """The refusal keeps its msgid: “A request that is “Closed” cannot become “Introduced”.”"""
        request = ConsultationRequestFactory(solution_page=catalog.ship_asean, status="closed")
        with translation.override("en"), pytest.raises(CatalogError) as caught:
            request.set_status(ConsultationRequest.Status.INTRODUCED, by=StaffFactory())
        assert str(caught.value) == "A request that is “Closed” cannot become “Introduced”."

    def test_a_stale_expected_status_is_refused(self, catalog):
        """Someone closed the request after the page showed it as new: introducing it now is refused."""
        request = ConsultationRequestFactory(solution_page=catalog.ship_asean)
        request.set_status(ConsultationRequest.Status.CLOSED, by=StaffFactory())
        with translation.override("en"), pytest.raises(StaleConsultationRequest) as caught:
            request.set_status(ConsultationRequest.Status.INTRODUCED, by=StaffFactory(), expected="new")
        assert isinstance(caught.value, CatalogError)
        assert str(caught.value) == (
            "This request was changed by someone else in the meantime. Reload the page and try again."
        )
        request.refresh_from_db()
        assert (request.status, request.introduced_at) == ("closed", None)
        assert request.history.count() == 1

    def test_the_status_machine_check_passes(self):
        """TRANSITIONS name only statuses of the field: the portal.E00x checks are clean."""
        assert ConsultationRequest.check() == []

    def test_database_refuses_a_second_open_request_for_the_same_offering(self, catalog):
        """The partial unique constraint allows one open request per company and offering."""
        first = ConsultationRequestFactory(solution_page=catalog.ship_asean)
        with pytest.raises(IntegrityError):
            ConsultationRequestFactory(solution_page=catalog.ship_asean, company=first.company)

    def test_database_refuses_a_request_without_consent(self, catalog):
        """The check constraint keeps requests without consent out of the database."""
        with pytest.raises(IntegrityError):
            ConsultationRequestFactory(solution_page=catalog.ship_asean, consent=False)


class TestMarketsField:
    def test_admin_form_offers_markets_as_checkboxes_and_rejects_unknown_codes(self):
        """The provider form stores a list of market codes and refuses a code that is not a market."""
        field = Provider._meta.get_field("markets").formfield()
        assert field.clean(["TH", "MY"]) == ["TH", "MY"]
        with pytest.raises(ValidationError):
            field.clean(["XX"])

    def test_provider_lists_its_markets_by_name(self):
        """Market codes are shown with their names, in the active language."""
        provider = ProviderFactory(markets=["TH", "ID"])
        with translation.override("en"):
            assert [str(label) for label in provider.get_markets_display()] == ["Thailand", "Indonesia"]
        with translation.override("zh-hant"):
            assert [str(label) for label in provider.get_markets_display()] == ["泰國", "印尼"]

    def test_guide_form_requires_market_and_need(self):
        """The guide needs both answers."""
        form = SolutionGuideForm({"market": "", "need": ""})
        assert not form.is_valid()
        assert set(form.errors) == {"market", "need"}
