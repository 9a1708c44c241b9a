"""Product cards are kept per process (catalog.showcase.cards) by everything they show: a published change, a
renamed or unverified supplier, a new picture, a new exchange rate or another language shows on the next
listing, in the same process, without anything being invalidated by hand."""

from decimal import Decimal

import pytest

from payments.models import ExchangeRate
from tests.factories.inquiries import build_showcase
from tests.factories.payments import ExchangeRateFactory
from tests.factories.showcase import ImageFactory

pytestmark = pytest.mark.django_db

LANDING = "/en/showcase/"


@pytest.fixture
def shop(db):
    return build_showcase()


def landing(client, path=LANDING):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def publish(product, **changes):
    for name, value in changes.items():
        setattr(product, name, value)
    product.save_revision().publish(skip_permission_checks=True)


def test_a_published_change_shows_on_the_next_listing(client, shop):
    """The card shows the published name, price, minimum order and sample badge, each changed in turn."""
    assert "Pineapple cake" in landing(client)
    publish(shop.cake, name_en="Pineapple shortcake")
    html = landing(client)
    assert "Pineapple shortcake" in html and "Pineapple cake<" not in html
    publish(shop.cake, moq=777)
    assert "777" in landing(client)
    publish(shop.cake, sample_available=True, sample_price_twd=Decimal("50"))
    cake_card = landing(client).split("Pineapple shortcake", 1)[1].split("</article>", 1)[0]
    assert "Sample available" in cake_card


def test_a_draft_change_does_not_show(client, shop):
    """A saved but unpublished revision leaves the live card as it is."""
    landing(client)
    shop.cake.name_en = "Not yet approved name"
    shop.cake.save_revision()
    assert "Not yet approved name" not in landing(client)
    assert "Pineapple cake" in landing(client)


def test_a_renamed_or_unverified_supplier_shows(client, shop):
    """The supplier's English name and its verification badge follow the company record."""
    html = landing(client)
    assert "SunnyHills" in html and "Verified supplier" in html
    shop.supplier.name_en = "Sunny Hills Taipei"
    shop.supplier.save()
    assert "Sunny Hills Taipei" in landing(client)


def cake_picture(html):
    card = html.split("Pineapple cake", 1)[0].rsplit('<article class="card product-card">', 1)[1]
    return card[card.index("<picture>") : card.index("</picture>")]


def test_a_new_first_picture_shows(client, shop):
    """Replacing the first picture's image gives the card the new image's renditions."""
    before = cake_picture(landing(client))
    first = shop.cake.images.order_by("sort_order").first()
    first.image = ImageFactory()
    first.save()
    after = cake_picture(landing(client))
    assert after != before


def test_a_new_exchange_rate_shows(client, shop):
    """English readers see US dollars: a new rate changes the converted price of every card at once."""
    ExchangeRateFactory(currency="USD", twd_per_unit=Decimal("32"))
    assert "≈ USD 14.06" in landing(client)
    ExchangeRate.objects.filter(currency="USD").update(twd_per_unit=Decimal("40"))
    html = landing(client)
    assert "≈ USD 11.25" in html and "≈ USD 14.06" not in html


def test_each_language_gets_its_own_cards(client, shop):
    """The same product's card in Chinese after English: Chinese names, not the English card kept before."""
    assert "Pineapple cake" in landing(client)
    html = landing(client, "/zh-hant/showcase/")
    assert "土鳳梨酥" in html and "Pineapple cake" not in html
