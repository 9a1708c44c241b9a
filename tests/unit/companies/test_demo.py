"""The demo seed creates the documented accounts and companies and is idempotent."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from portal.companies import demo
from portal.companies.models import Company, Membership
from portal.companies.validators import is_valid_ubn

pytestmark = pytest.mark.django_db


def snapshot():
    users = list(get_user_model().objects.order_by("email").values_list("email", "password", "is_superuser"))
    companies = list(Company.objects.order_by("ubn").values())
    memberships = list(Membership.objects.order_by("pk").values_list("company__ubn", "user__email", "role"))
    addresses = list(EmailAddress.objects.order_by("email").values_list("email", "verified", "primary"))
    return users, companies, memberships, addresses


def test_seed_creates_accounts_and_companies():
    out = io.StringIO()
    demo.seed(stdout=out)
    User = get_user_model()
    staff = User.objects.get(email=demo.STAFF_EMAIL)
    sme = User.objects.get(email=demo.SME_EMAIL)
    assert staff.is_superuser and staff.check_password(demo.STAFF_PASSWORD)
    assert not sme.is_staff and sme.check_password(demo.SME_PASSWORD)
    assert EmailAddress.objects.filter(user__in=[staff, sme], verified=True, primary=True).count() == 2
    assert Company.objects.count() == 3
    assert all(is_valid_ubn(ubn) for ubn in Company.objects.values_list("ubn", flat=True))
    assert Membership.objects.get(user=sme).role == Membership.Role.OWNER
    assert demo.STAFF_PASSWORD in out.getvalue() and demo.SME_PASSWORD in out.getvalue()


def test_seed_twice_changes_nothing():
    demo.seed(stdout=io.StringIO())
    before = snapshot()
    out = io.StringIO()
    demo.seed(stdout=out)
    assert snapshot() == before
    assert "created" not in out.getvalue()
