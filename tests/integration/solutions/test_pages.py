"""The catalog pages render in zh-hant and en; filters and the guide work with plain GET forms."""

import pytest

from catalog.solutions.models import Need
from tests.factories.accounts import StaffFactory
from tests.factories.companies import MembershipFactory
from tests.factories.solutions import ProviderRatingFactory, publish_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(catalog):
    """English versions of the logistics category and its two offerings."""
    catalog.logistics_en = publish_translation(catalog.logistics, catalog.english, title="Cross-border logistics")
    catalog.ship_asean_en = publish_translation(
        catalog.ship_asean, catalog.english, title="ASEAN shipping", summary="Parcels to Bangkok in three days."
    )
    catalog.ship_vietnam_en = publish_translation(catalog.ship_vietnam, catalog.english, title="Vietnam shipping")
    return catalog


class TestIndex:
    def test_index_renders_in_chinese_with_filters_and_offerings(self, client, catalog):
        """/zh-hant/solutions/ shows the filter form, the categories and every offering, in Chinese."""
        response = client.get("/zh-hant/solutions/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="zh-hant">' in html.lower()
        assert 'name="market"' in html and 'name="need"' in html and 'name="free"' in html
        for title in ["東南亞物流", "越南物流", "Amazon 開店", "PChome Thai 台北好物館", "清真認證"]:
            assert title in html

    def test_index_renders_in_english(self, client, english):
        """/en/solutions/ is the English index and lists the English offerings."""
        response = client.get("/en/solutions/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="en">' in html.lower()
        assert "One-stop solutions" in html
        assert "ASEAN shipping" in html
        assert "東南亞物流" not in html

    def test_filters_by_market_category_and_free(self, client, catalog):
        """?market=TH&need=marketplace&free=on lists only PChome Thai."""
        response = client.get("/zh-hant/solutions/", {"market": "TH", "need": Need.MARKETPLACE, "free": "on"})
        html = response.content.decode()
        assert "PChome Thai 台北好物館" in html
        assert "Amazon 開店" not in html
        assert "東南亞物流" not in html

    def test_unknown_filter_value_shows_an_error_and_lists_everything(self, client, catalog):
        """An unknown market is reported next to the field; the list is not filtered."""
        response = client.get("/en/solutions/", {"market": "XX"})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="id_market_error"' in html
        assert 'aria-invalid="true"' in html


class TestGuide:
    def test_guide_form_without_answers(self, client, catalog):
        """The guide page shows its two questions and no results before it is answered."""
        response = client.get("/en/solutions/guide/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "What do you need?" in html
        assert 'id="guide-results"' not in html

    def test_guide_lists_matching_offerings(self, client, catalog):
        """Thailand + marketplace → PChome Thai only."""
        response = client.get("/zh-hant/solutions/guide/", {"market": "TH", "need": Need.MARKETPLACE})
        html = response.content.decode()
        assert "PChome Thai 台北好物館" in html
        assert "Amazon 開店" not in html

    def test_guide_suggests_other_markets_when_nothing_matches(self, client, catalog):
        """Japan + logistics → no match; both logistics offerings are suggested."""
        response = client.get("/zh-hant/solutions/guide/", {"market": "JP", "need": Need.LOGISTICS})
        html = response.content.decode()
        assert "東南亞物流" in html and "越南物流" in html
        assert "PChome Thai 台北好物館" not in html

    def test_guide_reports_missing_answers(self, client, catalog):
        """Submitting the guide with a market but no need shows an error tied to the need field."""
        response = client.get("/en/solutions/guide/", {"market": "TH", "need": ""})
        html = response.content.decode()
        assert 'id="id_need_error"' in html


class TestCategoryAndOffering:
    def test_category_lists_its_offerings(self, client, catalog):
        """The logistics category lists its two offerings and not the others."""
        html = client.get(catalog.logistics.url).content.decode()
        assert "東南亞物流" in html and "越南物流" in html
        assert "清真認證" not in html

    def test_offering_renders_in_chinese_and_english(self, client, english):
        """The offering page renders in both languages, with a link to ask for an introduction."""
        zh = client.get(english.ship_asean.url)
        en = client.get(english.ship_asean_en.url)
        assert zh.status_code == en.status_code == 200
        assert english.ship_asean_en.url.startswith("/en/")
        assert "東南亞物流" in zh.content.decode()
        en_html = en.content.decode()
        assert "ASEAN shipping" in en_html
        assert "Ask for an introduction" in en_html
        assert f"/en/my/consultations/new/{english.ship_asean_en.pk}/" in en_html

    def test_offering_never_shows_the_provider_contact_email(self, client, catalog):
        """The provider's private introduction address is not on the public page."""
        html = client.get(catalog.ship_asean.url).content.decode()
        assert catalog.ship_asean.provider.contact_email not in html

    def test_offering_shows_free_for_coached_and_markets(self, client, english):
        """A free offering says so; markets are listed by name; a paid one does not claim to be free."""
        html = client.get(english.ship_asean_en.url).content.decode()
        assert "Free or subsidised for coached companies" in html
        assert "Thailand, Malaysia" in html
        paid = client.get(english.ship_vietnam_en.url).content.decode()
        assert "Free or subsidised for coached companies" not in paid

    def test_average_rating_shows_from_three_ratings(self, client, catalog):
        """Two ratings: no average; three ratings: the average appears on the offering page."""
        provider = catalog.ship_asean.provider
        for score in (5, 4):
            ProviderRatingFactory(request__solution_page=catalog.ship_asean, provider=provider, score=score)
        with_two = client.get(catalog.ship_asean.url).content.decode()
        assert 'class="rating"' not in with_two
        ProviderRatingFactory(request__solution_page=catalog.ship_asean, provider=provider, score=3)
        with_three = client.get(catalog.ship_asean.url).content.decode()
        assert 'class="rating"' in with_three
        assert "4.0" in with_three

    def test_unpublished_offering_is_not_found(self, client, catalog):
        """An unpublished offering page is a 404."""
        url = catalog.halal.url
        catalog.halal.unpublish()
        assert client.get(url).status_code == 404


class TestPublicPagesForEveryone:
    @pytest.mark.parametrize("who", ["anonymous", "member", "other_company", "staff"])
    def test_public_pages_render_for_everyone(self, client, catalog, who):
        """Index, guide, category and offering pages are public: anonymous, members and staff all get them."""
        users = {
            "anonymous": None,
            "member": lambda: MembershipFactory().user,
            "other_company": lambda: MembershipFactory().user,
            "staff": StaffFactory,
        }
        if users[who]:
            client.force_login(users[who]())
        urls = ["/zh-hant/solutions/", "/en/solutions/guide/?market=TH&need=logistics", catalog.logistics.url]
        for url in [*urls, catalog.ship_asean.url]:
            assert client.get(url).status_code == 200, url
