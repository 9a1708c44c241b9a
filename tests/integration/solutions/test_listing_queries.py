"""The solution catalog's lists make the same number of queries whatever the number of offerings or requests:
the index with its filters, a category page, the guide's answer and a member's "My requests"."""

import pytest
from django.utils import timezone
from wagtail.models import Locale

from catalog.solutions.models import ConsultationRequest, Need
from portal.markets import Market
from tests.factories.solutions import (
    ConsultationRequestFactory,
    ProviderFactory,
    ProviderRatingFactory,
    SolutionPageFactory,
)
from tests.query_counts import assert_constant_queries

pytestmark = pytest.mark.django_db


def _offerings(parent, count):
    """``count`` offerings under ``parent``, each by its own provider, who has an English version."""
    for number in range(count):
        provider = ProviderFactory()
        provider.copy_for_translation(Locale.objects.get(language_code="en")).save()
        SolutionPageFactory(parent=parent, provider=provider, markets=[Market.THAILAND], free_for_coached=number % 2)


@pytest.mark.parametrize(
    "url",
    [
        "/zh-hant/solutions/",
        "/zh-hant/solutions/?market=TH",
        f"/zh-hant/solutions/guide/?market=TH&need={Need.LOGISTICS}",
    ],
)
def test_the_index_and_the_guide_do_not_query_per_offering(client, catalog, url):
    """Five offerings or twelve more, each by another provider: the same queries for the index (filtered or
    not) and for the guide's answer."""
    assert_constant_queries(client, url, grow=lambda: _offerings(catalog.logistics, 12))


def test_a_category_page_does_not_query_per_offering(client, catalog):
    """Two offerings in the category or fourteen: the same queries."""
    assert_constant_queries(client, catalog.logistics.url, grow=lambda: _offerings(catalog.logistics, 12))


def test_my_requests_does_not_query_per_request(client, catalog, membership):
    """Three requests or twelve (open ones without an offering, closed ones about an offering, some rated): the
    same queries."""
    client.force_login(membership.user)

    def add(count):
        for number in range(count):
            closed = number % 2
            request = ConsultationRequestFactory(
                company=membership.company,
                requested_by=membership.user,
                solution_page=catalog.halal if closed else None,
            )
            if closed:
                request.status = ConsultationRequest.Status.CLOSED
                request.introduced_at = timezone.now()
                request.save(update_fields=["status", "introduced_at"])
                if number % 4 == 1:
                    ProviderRatingFactory(request=request, provider=catalog.halal.provider)

    add(3)
    assert_constant_queries(client, "/en/my/consultations/", grow=lambda: add(9))
