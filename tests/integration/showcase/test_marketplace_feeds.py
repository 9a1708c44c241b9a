"""The marketplace feeds under /showcase/feeds/: Google Merchant Center's RSS 2.0 and TSV, Shopee's Mass Upload
CSV, per language and target country; checked against the specifications named in catalog/showcase/feeds.py."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from catalog.showcase import feeds
from catalog.showcase.models import Product, ProductImage, StockStatus
from payments.models import ExchangeRate
from tests.factories.companies import CompanyFactory
from tests.factories.home import build_site, publish_translation
from tests.factories.inquiries import ShowcasePageFactory
from tests.factories.payments import ExchangeRateFactory
from tests.factories.showcase import ImageFactory, ProductCategoryFactory, ProductFactory, live_product

pytestmark = pytest.mark.django_db

G = "{http://base.google.com/ns/1.0}"
HOST = "https://hub.example.gov.tw"
THAI = {"name_th": "พายสับปะรดไต้หวัน", "description_th": "ไส้สับปะรดพื้นเมือง แป้งเนยกรอบ"}
# Google Merchant Center product data specification (support.google.com/merchants/answer/7052112).
REQUIRED = {"id", "title", "description", "link", "image_link", "availability", "price", "brand", "condition"}
AVAILABILITY = {"in_stock", "out_of_stock", "preorder", "backorder"}
CONDITION = {"new", "refurbished", "used"}
PRICE = re.compile(r"^\d+(\.\d{1,2})? [A-Z]{3}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:?\d{2}$")


@pytest.fixture
def showcase(settings):
    settings.WAGTAILADMIN_BASE_URL = HOST
    site = build_site(news_count=0)
    page = ShowcasePageFactory(parent=site.home)
    publish_translation(page, site.english, title="Taipei Good Products")
    ExchangeRateFactory(currency="THB", twd_per_unit="0.9")
    ExchangeRateFactory(currency="MYR", twd_per_unit="7.3")
    food = ProductCategoryFactory(slug="food-beverage", name_zh_hant="食品飲料", name_en="Food & beverage")
    snacks = ProductCategoryFactory(slug="snacks", parent=food, name_zh_hant="零食", name_en="Snacks", name_th="ขนม")
    return snacks


def _with_images(product, count):
    ProductImage.objects.filter(product=product).delete()
    for position in range(count):
        ProductImage.objects.create(product=product, image=ImageFactory(), alt_text="A box", sort_order=position)
    return product


def _thai_product(category, **kwargs):
    fields = {"category": category, "ships_to": ["TH", "MY"], **THAI, **kwargs}
    return live_product(**fields)


def _google_items(client, language="th", country="TH"):
    response = client.get(f"/showcase/feeds/google/{language}/{country}.xml")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(b"".join(response.streaming_content if response.streaming else [response.content]))
    return root, root.find("channel").findall("item")


def _fields(item):
    values = {}
    for element in item:
        assert element.tag.startswith(G), f"{element.tag} is not in the g: namespace"
        values.setdefault(element.tag[len(G) :], []).append(element.text)
    return values


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.getvalue()


def assert_meets_specification(fields):
    """The rules of Merchant Center's specification that every item must meet."""
    assert set(fields) >= REQUIRED, f"missing {REQUIRED - set(fields)}"
    assert all(len(values) == 1 for name, values in fields.items() if name != "additional_image_link")
    one = {name: values[0] for name, values in fields.items()}
    assert len(one["id"]) <= 50
    assert 0 < len(one["title"]) <= 150
    assert 0 < len(one["description"]) <= 5000
    for name in ("link", "image_link", *(["additional_image_link"] if "additional_image_link" in fields else [])):
        for url in fields[name]:
            parts = urlsplit(url)
            assert f"{parts.scheme}://{parts.netloc}" == HOST, f"{name} {url} is not on the public address"
    assert len(fields.get("additional_image_link", [])) <= 10
    assert one["availability"] in AVAILABILITY
    if one["availability"] in {"preorder", "backorder"}:
        assert ISO_DATE.match(one["availability_date"])
    assert PRICE.match(one["price"]), one["price"]
    assert one["condition"] in CONDITION
    assert len(one["brand"]) <= 70
    if "gtin" not in one and "mpn" not in one:
        assert one["identifier_exists"] == "no"
    if "product_type" in one:
        assert len(one["product_type"]) <= 750


def test_google_xml_item_field_by_field(client, showcase):
    """One Thai product for Thailand: every attribute as the specification asks, the price converted to THB at
    the staff rate, the link and images on the one public address (never the request's host)."""
    product = _thai_product(
        showcase,
        sku="PC-TH-1",
        name_en="Pineapple cake",
        brand="SunnyHills",
        gtin="4006381333931",
        price_twd=Decimal("450.00"),
        stock_status=StockStatus.MADE_TO_ORDER,
        lead_time_days=14,
        weight_grams=450,
    )
    _with_images(product, 3)
    root, items = _google_items(client)
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.find("channel/title").text.startswith("ไทเปกู๊ดโปรดักส์ — ")
    assert root.find("channel/link").text == f"{HOST}/th/showcase/"
    assert len(items) == 1
    fields = _fields(items[0])
    assert_meets_specification(fields)
    one = {name: values[0] for name, values in fields.items()}
    assert one["id"] == f"tgp-{product.pk}"
    assert one["title"] == THAI["name_th"]
    assert one["description"] == THAI["description_th"]
    assert one["link"] == f"{HOST}/th/showcase/product/{product.pk}-pineapple-cake/"
    assert client.get(urlsplit(one["link"]).path).status_code == 200
    images = list(product.images.order_by("sort_order"))
    assert one["image_link"] == HOST + images[0].image.file.url
    assert fields["additional_image_link"] == [HOST + item.image.file.url for item in images[1:]]
    assert one["availability"] == "backorder"
    assert one["availability_date"].endswith("T00:00+0800")
    assert one["price"] == "500.00 THB"
    assert one["brand"] == "SunnyHills"
    assert one["gtin"] == "4006381333931"
    assert "identifier_exists" not in one
    assert one["condition"] == "new"
    assert one["product_type"] == "Food & beverage > ขนม"
    assert one["ships_from_country"] == "TW"
    assert one["shipping_weight"] == "450 g"
    assert one["max_handling_time"] == "14"


def test_only_products_that_may_be_sold_there(client, showcase):
    """The feed for Thailand in Thai lists the public products that ship to Thailand, have Thai text and an
    image: not drafts, unverified companies, other markets, English-only or picture-less products."""
    sold = _thai_product(showcase, sku="OK")
    out = _thai_product(showcase, sku="OUT", stock_status=StockStatus.OUT_OF_STOCK)
    _thai_product(showcase, sku="MY-ONLY", ships_to=["MY"])
    _thai_product(showcase, sku="UNVERIFIED", company=CompanyFactory())
    _thai_product(showcase, sku="NO-PICTURE", with_image=False)
    live_product(category=showcase, sku="ENGLISH", ships_to=["TH"])
    ProductFactory(category=showcase, sku="DRAFT", ships_to=["TH"], **THAI)
    _root, items = _google_items(client)
    listed = {_fields(item)["id"][0]: _fields(item)["availability"][0] for item in items}
    assert listed == {f"tgp-{sold.pk}": "in_stock", f"tgp-{out.pk}": "out_of_stock"}
    _root, english = _google_items(client, language="en")
    assert {f"tgp-{sold.pk}", f"tgp-{out.pk}"} < {_fields(item)["id"][0] for item in english}


def test_identifiers_brand_and_cut_texts(client, showcase):
    """Without GTIN and MPN an item says identifier_exists=no; without a brand it carries the supplier's name;
    over-long titles and descriptions are cut to 150 and 5,000 characters; control characters and markup
    characters keep the XML well-formed."""
    long = _thai_product(
        showcase,
        sku="LONG",
        name_th="ชาอูหลง " * 24,
        description_th="ชา\x0bอูหลง & <ดี> " * 500,
    )
    with_mpn = _thai_product(showcase, sku="MPN", mpn="TGP-MPN-7")
    _root, items = _google_items(client)
    by_id = {_fields(item)["id"][0]: _fields(item) for item in items}
    cut = {name: values[0] for name, values in by_id[f"tgp-{long.pk}"].items()}
    assert_meets_specification(by_id[f"tgp-{long.pk}"])
    assert cut["identifier_exists"] == "no"
    assert cut["brand"] == long.company.name_en
    assert len(cut["title"]) <= 150 and cut["title"].endswith("…")
    assert len(cut["description"]) <= 5000 and "& <ดี>" in cut["description"]
    assert "\x0b" not in cut["description"]
    assert by_id[f"tgp-{with_mpn.pk}"]["mpn"] == ["TGP-MPN-7"]
    assert "identifier_exists" not in by_id[f"tgp-{with_mpn.pk}"]


def test_google_tsv_has_the_header_and_one_line_per_item(client, showcase):
    """The TSV: the attribute names as its header, one line per item with tabs and line breaks in texts
    turned into spaces, additional images separated by commas, the same values as the XML."""
    product = _thai_product(showcase, sku="TSV", description_th="บรรทัดแรก\nบรรทัดที่\tสอง")
    _with_images(product, 3)
    response = client.get("/showcase/feeds/google/th/TH.tsv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/tab-separated-values")
    lines = _body(response).decode("utf-8").splitlines()
    assert lines[0].split("\t") == feeds.GOOGLE_FIELDS
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == f"tgp-{product.pk}"
    assert row["description"] == "บรรทัดแรก บรรทัดที่ สอง"
    assert len(row["additional_image_link"].split(",")) == 2
    assert row["price"] == "500.00 THB"
    assert row["identifier_exists"] == "no"
    fields = {name: [value] for name, value in row.items() if value}
    fields["additional_image_link"] = row["additional_image_link"].split(",")
    assert_meets_specification(fields)


def test_shopee_csv_in_the_mass_upload_columns(client, showcase):
    """The Shopee CSV for Malaysia in English: the template's columns in its order, the price in ringgit with
    one decimal, the name cut to Malaysia's 80 characters, weight in kg, sizes in cm, lead time as DTS."""
    product = _thai_product(
        showcase,
        sku="SHOPEE-1",
        name_en="Pineapple cake gift box " * 5,
        price_twd=Decimal("450.00"),
        weight_grams=450,
        length_mm=205,
        width_mm=100,
        height_mm=60,
        stock_status=StockStatus.MADE_TO_ORDER,
        lead_time_days=10,
    )
    _with_images(product, 2)
    response = client.get("/showcase/feeds/shopee/en/MY.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(_body(response).decode("utf-8-sig"))))
    assert rows[0] == feeds.SHOPEE_FIELDS
    assert rows[0][:6] == ["Category", "Product Name", "Product Description", "Parent SKU", "SKU", "Price"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert len(rows) == 2
    assert len(row["Product Name"]) <= 80
    assert (row["Parent SKU"], row["SKU"]) == ("SHOPEE-1", "SHOPEE-1")
    assert row["Price"] == "61.6"  # 450 / 7.3 = 61.64 MYR
    assert (row["Weight"], row["Length"], row["Width"], row["Height"]) == ("0.45", "20.5", "10", "6")
    assert row["Cover image"].startswith(HOST + "/") and row["Item Image 1"].startswith(HOST + "/")
    assert row["Item Image 2"] == ""
    assert row["Pre-order DTS"] == "10"
    assert row["Stock"] == "" and row["Category"] == ""


def test_shopee_csv_escapes_text_a_spreadsheet_would_run(client, showcase):
    """A seller opens the CSV in a spreadsheet: a name starting with = is written with a leading apostrophe."""
    _thai_product(showcase, sku="F-1", name_en="=HYPERLINK(1)")
    rows = list(csv.reader(io.StringIO(_body(client.get("/showcase/feeds/shopee/en/TH.csv")).decode("utf-8-sig"))))
    assert rows[1][1] == "'=HYPERLINK(1)"


def test_a_missing_exchange_rate_answers_503_with_the_reason(client, showcase):
    """Without a rate for IDR the Indonesian feed is not priced in another currency: 503, a clear text, and
    Retry-After; the other countries' feeds still answer."""
    _thai_product(showcase, sku="ID", ships_to=["ID", "TH"])
    response = client.get("/showcase/feeds/google/en/ID.xml")
    assert response.status_code == 503
    assert response["Retry-After"] == "3600"
    assert response["Content-Type"].startswith("text/plain")
    assert "IDR" in response.content.decode() and "Indonesia" in response.content.decode()
    assert client.get("/showcase/feeds/google/en/TH.xml").status_code == 200
    thai = client.get("/showcase/feeds/shopee/th/ID.csv").content.decode()
    assert "IDR" in thai and "อินโดนีเซีย" in thai


@pytest.mark.parametrize(
    "path",
    [
        "/showcase/feeds/google/fr/TH.xml",
        "/showcase/feeds/google/th/US.xml",
        "/showcase/feeds/google/th/TW.tsv",
        "/showcase/feeds/google/th/../TH.xml",
        "/showcase/feeds/shopee/xx/TH.csv",
    ],
)
def test_unknown_language_or_country_is_not_found(client, showcase, path):
    """A language or country no feed is made for answers 404, not an empty feed or an error."""
    assert client.get(path).status_code == 404


def test_feeds_are_public_and_read_only(client, admin_client, showcase):
    """Anyone may read a feed (it lists what the storefront shows to anyone); staff get the same feed;
    HEAD is answered (fetchers check before downloading), POST is refused."""
    _thai_product(showcase, sku="PUB")
    anonymous = _body(client.get("/showcase/feeds/google/th/TH.xml"))
    assert anonymous == _body(admin_client.get("/showcase/feeds/google/th/TH.xml"))
    assert client.head("/showcase/feeds/google/th/TH.xml").status_code == 200
    assert client.post("/showcase/feeds/google/th/TH.xml").status_code == 405


def test_a_feed_is_stored_and_made_again_after_a_change(client, showcase, django_capture_on_commit_callbacks):
    """The first request makes and stores the feed; the next is served from the file (a change no signal
    announces does not show); publishing a product change or a new exchange rate makes the next feed afresh."""
    product = _thai_product(showcase, sku="CACHE")
    url = "/showcase/feeds/google/th/TH.xml"
    first = client.get(url)
    assert first["X-Feed"] == "made"
    body = _body(first)
    second = client.get(url)
    assert second["X-Feed"] == "stored"
    assert _body(second) == body
    Product.objects.filter(pk=product.pk).update(name_th="ไม่ได้ประกาศ")
    assert "ไม่ได้ประกาศ".encode() not in _body(client.get(url))

    draft = Product.objects.get(pk=product.pk).get_latest_revision_as_object()
    draft.name_th = "พายสับปะรดสูตรใหม่"
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish(skip_permission_checks=True)
    third = client.get(url)
    assert third["X-Feed"] == "made"
    assert "พายสับปะรดสูตรใหม่".encode() in _body(third)

    with django_capture_on_commit_callbacks(execute=True):
        rate = ExchangeRate.objects.get(currency="THB")
        rate.twd_per_unit = Decimal("1")
        rate.save()
    assert b"450.00 THB" in _body(client.get(url))


def test_a_feed_cut_off_half_way_is_not_kept(showcase, settings):
    """A client that stops reading before the end leaves no stored file: the next request makes it anew."""
    _thai_product(showcase, sku="PART")
    context = feeds.feed_context(language="th", country="TH")
    chunks, stored = feeds.stream(feeds.FORMATS["google_xml"], context)
    assert not stored
    next(chunks)
    chunks.close()
    assert not list((settings.PRIVATE_MEDIA_ROOT / "feeds").rglob("*.*"))
    again, stored = feeds.stream(feeds.FORMATS["google_xml"], context)
    assert not stored
    assert b"</rss>" in b"".join(again)
    stored_file, stored = feeds.stream(feeds.FORMATS["google_xml"], context)
    stored_file.close()
    assert stored


def test_the_feed_reads_in_batches_with_a_fixed_number_of_queries(showcase, django_assert_max_num_queries):
    """Making a feed costs the same few queries per batch of products, whatever the number of products."""
    for number in range(5):
        _thai_product(showcase, sku=f"Q-{number}")
    context = feeds.feed_context(language="th", country="TH")
    with django_assert_max_num_queries(3 * 3 + 1):
        items = list(feeds.feed_items(context, batch=2))
    assert len(items) == 5
