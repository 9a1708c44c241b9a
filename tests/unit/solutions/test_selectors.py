"""Filters, the "what do you need?" guide, a company's requests, and the provider rating summary."""

import pytest

from catalog.solutions import selectors
from catalog.solutions.models import Need
from tests.factories.companies import MembershipFactory
from tests.factories.solutions import ConsultationRequestFactory, ProviderFactory, ProviderRatingFactory

pytestmark = pytest.mark.django_db


def titles(pages):
    return sorted(page.title for page in pages)


class TestFilters:
    def test_no_filter_lists_every_live_offering(self, catalog):
        """Without filters the index lists all five offerings."""
        assert len(selectors.solution_pages_filtered(index=catalog.index)) == 5

    def test_market_filter(self, catalog):
        """Thailand: the offerings whose markets include TH."""
        result = selectors.solution_pages_filtered(index=catalog.index, market="TH")
        assert titles(result) == ["PChome Thai 台北好物館", "東南亞物流", "清真認證"]

    def test_category_filter(self, catalog):
        """The logistics need: only the logistics category's offerings."""
        result = selectors.solution_pages_filtered(index=catalog.index, need=Need.LOGISTICS)
        assert titles(result) == ["東南亞物流", "越南物流"]

    def test_free_filter_combined_with_market(self, catalog):
        """Free/subsidised and Thailand: the free offerings for TH only."""
        result = selectors.solution_pages_filtered(index=catalog.index, market="TH", free_only=True)
        assert titles(result) == ["PChome Thai 台北好物館", "東南亞物流"]

    def test_need_without_category_gives_nothing(self, catalog):
        """A need no category answers (training) lists no offering rather than everything."""
        assert list(selectors.solution_pages_filtered(index=catalog.index, need=Need.TRAINING)) == []

    def test_unpublished_offerings_are_hidden(self, catalog):
        """An unpublished offering disappears from the filtered list."""
        catalog.pchome.unpublish()
        assert "PChome Thai 台北好物館" not in titles(selectors.solution_pages_filtered(index=catalog.index))

    def test_market_code_does_not_match_inside_other_codes(self, catalog):
        """Filtering on a market matches whole codes only (no offering serves the Philippines)."""
        assert list(selectors.solution_pages_filtered(index=catalog.index, market="PH")) == []


class TestGuide:
    @pytest.mark.parametrize(
        ("market", "need", "expected"),
        [
            ("TH", Need.MARKETPLACE, ["PChome Thai 台北好物館"]),
            ("MY", Need.LOGISTICS, ["東南亞物流"]),
            ("VN", Need.LOGISTICS, ["越南物流"]),
            ("ID", Need.COMPLIANCE, ["清真認證"]),
            ("SG", Need.MARKETPLACE, ["Amazon 開店"]),
        ],
    )
    def test_market_and_need_give_the_expected_offerings(self, catalog, market, need, expected):
        """The guide lists the offerings of the need's category that serve the market."""
        result = selectors.solution_guide(index=catalog.index, market=market, need=need)
        assert [page.title for page in result.matches] == expected
        assert result.other_markets == []

    def test_free_offerings_come_first(self, catalog):
        """Among matches, free or subsidised offerings are listed first."""
        catalog.ship_vietnam.markets = ["TH"]
        catalog.ship_vietnam.save_revision().publish()
        result = selectors.solution_guide(index=catalog.index, market="TH", need=Need.LOGISTICS)
        assert [page.title for page in result.matches] == ["東南亞物流", "越南物流"]

    def test_no_match_suggests_the_same_need_in_other_markets(self, catalog):
        """No logistics offering for Japan: the guide falls back to the logistics offerings for other markets."""
        result = selectors.solution_guide(index=catalog.index, market="JP", need=Need.LOGISTICS)
        assert result.matches == []
        assert titles(result.other_markets) == ["東南亞物流", "越南物流"]

    def test_need_without_category(self, catalog):
        """A need with no category yet gives no matches and no suggestions."""
        result = selectors.solution_guide(index=catalog.index, market="TH", need=Need.FINANCING)
        assert result.category is None
        assert result.matches == [] and result.other_markets == []


class TestRequestsAndRatings:
    def test_user_sees_only_the_requests_of_their_companies(self, catalog):
        """A member sees their company's requests, not other companies'."""
        membership = MembershipFactory()
        own = ConsultationRequestFactory(company=membership.company, solution_page=catalog.halal)
        ConsultationRequestFactory(solution_page=catalog.halal)
        assert list(selectors.consultation_requests_for_user(user=membership.user)) == [own]
        assert selectors.consultation_request_for_user(user=membership.user, pk=own.pk) == own

    def test_average_is_hidden_below_three_ratings(self, catalog):
        """Two ratings: no average is shown."""
        provider = catalog.halal.provider
        for score in (5, 3):
            ProviderRatingFactory(request__solution_page=catalog.halal, provider=provider, score=score)
        assert selectors.provider_rating_summary(provider=provider) is None

    def test_average_from_three_ratings_across_translations(self, catalog):
        """Three ratings (one on the English version of the provider) give the average over all three."""
        provider = catalog.halal.provider
        english_provider = provider.copy_for_translation(catalog.english)
        english_provider.save()
        ProviderRatingFactory(request__solution_page=catalog.halal, provider=provider, score=5)
        ProviderRatingFactory(request__solution_page=catalog.halal, provider=provider, score=4)
        ProviderRatingFactory(request__solution_page=catalog.halal, provider=english_provider, score=4)
        ProviderRatingFactory(request__solution_page=catalog.amazon, provider=ProviderFactory(), score=1)
        summary = selectors.provider_rating_summary(provider=english_provider)
        assert summary.count == 3
        assert summary.average == pytest.approx(4.3)
