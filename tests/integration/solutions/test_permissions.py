"""Who may move a consultation request: the model permission, not only the superuser flag."""

import pytest
from django.contrib.auth.models import Permission

from catalog.solutions import services
from catalog.solutions.models import CatalogError, ConsultationRequest
from tests.factories.accounts import UserFactory
from tests.factories.solutions import ConsultationRequestFactory


@pytest.fixture
def consultation_request(catalog):
    return ConsultationRequestFactory(solution_page=catalog.ship_asean)


def test_staff_with_the_change_permission_move_a_request(consultation_request):
    """A staff member granted solutions.change_consultationrequest (no superuser) introduces the provider."""
    officer = UserFactory(is_staff=True)
    officer.user_permissions.add(
        Permission.objects.get(content_type__app_label="solutions", codename="change_consultationrequest")
    )
    moved = services.consultation_request_set_status(
        consultation_request=consultation_request, status=ConsultationRequest.Status.INTRODUCED, by=officer
    )
    assert moved.status == ConsultationRequest.Status.INTRODUCED


def test_staff_without_it_are_refused(consultation_request):
    """is_staff alone is not enough; nothing changes."""
    with pytest.raises(CatalogError):
        services.consultation_request_set_status(
            consultation_request=consultation_request,
            status=ConsultationRequest.Status.INTRODUCED,
            by=UserFactory(is_staff=True),
        )
    consultation_request.refresh_from_db()
    assert consultation_request.status == ConsultationRequest.Status.NEW
