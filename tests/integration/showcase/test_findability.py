"""What search engines and link previews read: one meta description per page, titles "Page — Site" with the
supplier on products, canonical URLs on the configured host, Open Graph/Twitter tags, JSON-LD field by field
(Product with tier offers, sample, MadeToOrder, seller, shipping; BreadcrumbList; storefront Organization),
category pages in the sitemap and compressed HTML."""

import gzip
import json
import re
from decimal import Decimal
from html import unescape

import pytest

from catalog.showcase.models import StockStatus
from portal import site_address
from tests.factories.inquiries import build_showcase

pytestmark = pytest.mark.django_db

HOST = "https://hub.example.gov.tw"
SITE = "Taipei Cross-Border E-Commerce Hub"


@pytest.fixture
def shop(settings):
    settings.WAGTAILADMIN_BASE_URL = HOST
    return build_showcase()


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def json_ld(html, kind):
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)]
    found = [b for b in blocks if b["@type"] == kind]
    assert len(found) == 1, f"{len(found)} {kind} blocks"
    return found[0]


def meta(html, attribute, name):
    return [unescape(v) for v in re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)]


def product_url(lang, product):
    return f"/{lang}/showcase/product/{product.pk}-{product.slug}/"


def pages_of_every_type(shop):
    return {
        "home": "/en/",
        "standard": shop.site.about_en.url,
        "news index": shop.site.news_en.url,
        "alliance": shop.site.alliance_en.url,
        "showcase": "/en/showcase/",
        "category": "/en/showcase/category/food-beverage/snacks/",
        "product": product_url("en", shop.cake),
        "supplier": f"/en/showcase/supplier/{shop.supplier.pk}/",
    }


def test_every_page_type_has_exactly_one_meta_description(client, shop):
    """Home, standard, news, alliance, showcase, category, product and supplier pages: one description each."""
    shop.site.about_en.search_description = "What the plan does for Taipei's exporters."
    shop.site.about_en.save_revision().publish()
    for kind, url in pages_of_every_type(shop).items():
        html = html_of(client, url)
        assert len(meta(html, "name", "description")) == 1, kind
    about = html_of(client, shop.site.about_en.url)
    assert meta(about, "name", "description") == ["What the plan does for Taipei's exporters."]
    product = html_of(client, product_url("en", shop.cake))
    assert meta(product, "name", "description") == [shop.cake.description_en[:160]]


def test_a_page_without_search_description_is_described_by_its_intro(client, shop):
    """An empty search description falls back to the page's introduction, in the page's language, tags stripped."""
    about = shop.site.about_en
    about.search_description = ""
    about.intro = "Coaching   for <b>exporters</b> in Southeast Asia."
    about.save_revision().publish()
    html = html_of(client, about.url)
    assert meta(html, "name", "description") == ["Coaching for exporters in Southeast Asia."]


def test_product_title_names_the_supplier_and_the_site_once(client, shop):
    """<title> is "Product — Supplier — Site": the supplier distinguishes same-named products, site name once."""
    html = html_of(client, product_url("en", shop.cake))
    assert re.search(r"<title>(.*?)</title>", html).group(1) == f"Pineapple cake — SunnyHills — {SITE}"
    html = html_of(client, product_url("zh-hant", shop.cake))
    assert re.search(r"<title>(.*?)</title>", html).group(1) == "土鳳梨酥 — 微熱山丘 — 臺北跨境電商服務平台"
    home = html_of(client, "/en/")
    assert re.search(r"<title>(.*?)</title>", home).group(1).count(SITE) == 1


def test_canonical_hreflang_and_og_url_are_on_the_configured_host(client, shop):
    """Whatever host the request names, canonical, hreflang and og:url use WAGTAILADMIN_BASE_URL."""
    for url in (shop.site.about_en.url, product_url("en", shop.cake)):
        html = client.get(url, HTTP_HOST="127.0.0.1").content.decode()
        links = re.findall(r'<link rel="(?:canonical|alternate)"[^>]*href="([^"]+)"', html)
        assert links and all(link.startswith(HOST + "/") for link in links), links
        assert meta(html, "property", "og:url") == [re.search(r'rel="canonical" href="([^"]+)"', html).group(1)]


def test_open_graph_and_twitter_card_carry_the_product_picture(client, shop):
    """A product's link preview: title, description, the product's 1200 px share rendition, a large card."""
    html = html_of(client, product_url("en", shop.cake))
    assert meta(html, "property", "og:title") == ["Pineapple cake — SunnyHills"]
    assert meta(html, "property", "og:type") == ["product"]
    assert meta(html, "property", "og:locale") == ["en_US"]
    [image] = meta(html, "property", "og:image")
    assert image.startswith(f"{HOST}/") and image.endswith(".webp")
    assert meta(html, "name", "twitter:card") == ["summary_large_image"]
    about = html_of(client, shop.site.about_en.url)
    assert meta(about, "name", "twitter:card") == ["summary"]
    assert meta(about, "property", "og:image")[0].startswith(f"{HOST}/")


def test_product_json_ld_field_by_field(client, shop):
    """Product: tiers and sample as offers in TWD, MadeToOrder, seller = storefront, ships-to, shown images."""
    cake = shop.cake
    cake.stock_status = StockStatus.MADE_TO_ORDER
    cake.sample_available, cake.sample_price_twd, cake.sample_limit = True, Decimal("150"), 3
    cake.ships_to = ["TH", "MY"]
    cake.save()
    html = html_of(client, product_url("en", cake))
    data = json_ld(html, "Product")
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Pineapple cake" and data["sku"] == "PC-001"
    assert data["url"] == f"{HOST}{product_url('en', cake)}"
    storefront = f"{HOST}/en/showcase/supplier/{shop.supplier.pk}/"
    assert data["manufacturer"] == {"@type": "Organization", "name": "SunnyHills", "url": storefront}
    prices = [(o["price"], o["eligibleQuantity"]["minValue"], o.get("name")) for o in data["offers"]]
    assert prices == [(f"{cake.price_twd:.2f}", cake.moq, None), ("400.00", 100, None), ("150.00", 1, "Sample")]
    assert data["offers"][2]["eligibleQuantity"]["maxValue"] == 3
    for offer in data["offers"]:
        assert offer["priceCurrency"] == "TWD"
        assert offer["availability"] == "https://schema.org/MadeToOrder"
        assert offer["seller"]["url"] == storefront
        destinations = offer["shippingDetails"]["shippingDestination"]
        assert [d["addressCountry"] for d in destinations] == ["TH", "MY"]
    shown = re.search(r'<section class="product__gallery".*?<img src="[^"]+" srcset="([^"]+)"', html, re.S).group(1)
    largest_shown = shown.split(", ")[-1].split(" ")[0]
    assert data["image"] == [site_address.absolute(largest_shown)]


def test_breadcrumb_json_ld_follows_the_visible_trail(client, shop):
    """Category and product pages: BreadcrumbList of the showcase and the categories, as the page shows them."""
    html = html_of(client, product_url("en", shop.cake))
    crumbs = json_ld(html, "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"]) for c in crumbs] == [
        (1, "Taipei Good Products"),
        (2, "Food & beverage"),
        (3, "Snacks"),
    ]
    assert crumbs[2]["item"] == f"{HOST}/en/showcase/category/food-beverage/snacks/"
    visible = re.search(r'<nav aria-label="Breadcrumb".*?</nav>', html, re.S).group(0)
    assert all(c["name"].replace("&", "&amp;") in visible for c in crumbs)
    category = html_of(client, "/en/showcase/category/food-beverage/snacks/")
    assert len(json_ld(category, "BreadcrumbList")["itemListElement"]) == 3


def test_storefront_json_ld_is_the_organization_with_its_products(client, shop):
    """Supplier page: Organization with name, alternate name, storefront URL, country and each live product."""
    html = html_of(client, f"/en/showcase/supplier/{shop.supplier.pk}/")
    data = json_ld(html, "Organization")
    assert data["name"] == "SunnyHills" and data["alternateName"] == "微熱山丘"
    assert data["url"] == f"{HOST}/en/showcase/supplier/{shop.supplier.pk}/"
    assert data["address"]["addressCountry"] == "TW"
    offered = {o["itemOffered"]["sku"]: o for o in data["makesOffer"]}
    assert set(offered) == {"PC-001", "TEA-01"}
    assert offered["PC-001"]["itemOffered"]["url"] == f"{HOST}{product_url('en', shop.cake)}"


def test_json_ld_scripts_carry_the_csp_nonce(client, shop):
    """Every inline JSON-LD script has the request's nonce (the public CSP allows no other inline script)."""
    response = client.get(product_url("en", shop.cake))
    nonces = re.findall(r'<script type="application/ld\+json" nonce="([^"]*)">', response.content.decode())
    assert len(nonces) == 2 and len(set(nonces)) == 1 and nonces[0]
    assert f"'nonce-{nonces[0]}'" in response.get("Content-Security-Policy-Report-Only", "") + response.get(
        "Content-Security-Policy", ""
    )


def test_sitemap_lists_category_pages_on_the_configured_host(client, shop):
    """sitemap.xml: category pages (parents too) and every address on the configured host."""
    content = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", content)
    assert locations and all(location.startswith(HOST + "/") for location in locations)
    assert f"{HOST}/zh-hant/showcase/category/food-beverage/" in locations
    assert f"{HOST}/zh-hant/showcase/category/food-beverage/snacks/" in locations
    robots = client.get("/robots.txt", HTTP_HOST="127.0.0.1").content.decode()
    assert f"Sitemap: {HOST}/sitemap.xml" in robots


def test_html_is_compressed_for_clients_that_accept_gzip(client, shop):
    """Pages go out gzip-compressed (with Vary: Accept-Encoding) when asked, and plain otherwise."""
    url = product_url("en", shop.cake)
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"Pineapple cake" in gzip.decompress(response.content)
    assert not client.get(url).has_header("Content-Encoding")
