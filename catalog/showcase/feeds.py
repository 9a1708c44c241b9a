"""Product feeds for the marketplaces that mirror the storefront: what they list, in the layouts they accept.

Every feed lists the public products (live, of a company the bureau verified) that ship to the feed's country
and have a name and a description written in the feed's language (Merchant Center wants one language for
the free text of a feed; an English feed serves Malaysia and Singapore). Prices are the TWD price of record
converted with the staff's exchange rate for the country's currency; without a rate the feed is not made
(``FeedUnavailable``, answered 503) rather than priced in a currency the marketplace would refuse.

Layouts, read on 2026-12-01:

* ``google_xml`` and ``google_tsv``: Google Merchant Center, "Product data specification"
  (support.google.com/merchants/answer/7052112), RSS 2.0 with the ``g:`` namespace
  (``http://base.google.com/ns/1.0``) and the tab-separated text feed with a header row. ``id`` is
  ``tgp-<pk>`` (stable, at most 50 characters), ``title`` is cut to 150 characters and ``description`` to
  5,000, ``link`` and images are absolute on ``portal.site_address``. ``availability``: in stock →
  ``in_stock``, made to order → ``backorder`` with ``availability_date`` today + the lead time, out of stock
  → ``out_of_stock`` (``preorder`` is for products not released yet: none here). ``brand`` is the product's
  brand or the supplier's name (the manufacturer's own brand); ``identifier_exists`` is ``no`` without GTIN
  and MPN. ``shipping`` is not sent: the portal knows no shipping price, so the bureau keeps the rates in the
  Merchant Center account's shipping settings, the place the specification recommends; the feed gives what
  those rates are computed from: ``ships_from_country``, ``shipping_weight`` and ``max_handling_time``.
  ``google_product_category`` is left to Google's own classification (no honest mapping of our categories
  onto its taxonomy exists yet); ``product_type`` is our category path in the feed's language.
* ``shopee_csv``: the columns of Shopee's "Mass Upload" basic template (Shopee Seller Education Hub, as
  described on 2026-12-01 by help.trustana.com/en/articles/8824686-channel-export-shopee and
  ssopdot.com/blog/8521.html). Approximate: Shopee's real template is an XLSX downloaded from each site's
  Seller Centre with its own category IDs and logistics columns; ``Category`` is left for the seller to pick,
  ``Stock`` is 0 when out of stock and empty otherwise (the portal keeps no stock count), names are cut to
  the site's limit from the second source (80 TH/MY/SG, 100 ID, 60 PH; 120 elsewhere), descriptions to
  3,000 characters, prices to one decimal for MY and SG and whole units elsewhere, weight in kg and sizes in
  cm, and a made-to-order product's lead time is its "Pre-order DTS" (days to ship).

Feeds are made while they are sent (``stream``), in batches of products read by key, so a large catalogue
never sits in memory, and kept in private storage under the current ``version()`` and the day; any change a
buyer could see (``receivers``) starts a new version, so the next request makes the feed again.
"""

import csv
import datetime
import io
import os
import re
import shutil
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.encoding import filepath_to_uri
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from payments.currencies import Currency, convert_twd, currency_for_country, from_minor
from payments.models import ExchangeRate
from portal import site_address
from portal.companies.models import Company
from portal.markets import Market
from portal.spreadsheets import escape_formula
from portal.storage import PrivateStorage

from .models import Product, ProductCategory, ProductImage, ShowcasePage, StockStatus, slug_for
from .translated import LANGUAGE_SUFFIXES, column

GOOGLE_NAMESPACE = "http://base.google.com/ns/1.0"
# The target countries a feed can be asked for: the storefront's buyer markets with a currency of their own.
FEED_COUNTRIES = (
    Market.THAILAND,
    Market.MALAYSIA,
    Market.INDONESIA,
    Market.VIETNAM,
    Market.SINGAPORE,
    Market.PHILIPPINES,
)
MAX_ID = 50
MAX_TITLE = 150
MAX_DESCRIPTION = 5000
MAX_ADDITIONAL_IMAGES = 10
BATCH = 1000
CHUNK_BYTES = 64 * 1024
VERSION_KEY = "showcase-feeds:version"
DIRECTORY = "feeds"

AVAILABILITY = {
    StockStatus.IN_STOCK: "in_stock",
    StockStatus.MADE_TO_ORDER: "backorder",
    StockStatus.OUT_OF_STOCK: "out_of_stock",
}
GOOGLE_FIELDS = [
    "id",
    "title",
    "description",
    "link",
    "image_link",
    "additional_image_link",
    "availability",
    "availability_date",
    "price",
    "brand",
    "gtin",
    "mpn",
    "identifier_exists",
    "condition",
    "product_type",
    "ships_from_country",
    "shipping_weight",
    "max_handling_time",
]
SHOPEE_IMAGES = 8
SHOPEE_FIELDS = [
    "Category",
    "Product Name",
    "Product Description",
    "Parent SKU",
    "SKU",
    "Price",
    "Stock",
    "Weight",
    "Length",
    "Width",
    "Height",
    "Cover image",
    *[f"Item Image {number}" for number in range(1, SHOPEE_IMAGES + 1)],
    "Pre-order DTS",
]
SHOPEE_NAME_LIMITS = {Market.THAILAND: 80, Market.MALAYSIA: 80, Market.SINGAPORE: 80, Market.INDONESIA: 100}
SHOPEE_NAME_LIMITS[Market.PHILIPPINES] = 60
SHOPEE_NAME_LIMIT = 120
SHOPEE_DESCRIPTION_LIMIT = 3000
SHOPEE_ONE_DECIMAL = {Market.MALAYSIA, Market.SINGAPORE}
# Characters XML 1.0 does not allow; a pasted control character must not make the whole feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TSV_BREAKS = re.compile(r"[\t\r\n]+")


class FeedUnavailable(Exception):
    """The feed cannot be made now; the message says why (shown as the 503 answer's text)."""


@dataclass(frozen=True)
class FeedFormat:
    name: str
    extension: str
    content_type: str
    render: object  # render(context) -> iterable of str


@dataclass
class FeedContext:
    """What every item of one feed needs, looked up once: the language, the country, the price conversion,
    the product address and the category paths."""

    language: str
    country: str
    currency: str
    twd_per_unit: Decimal
    showcase_url: str
    product_prefix: str
    today: datetime.date
    category_paths: dict
    prices: dict = field(default_factory=dict)

    def price(self, amount_twd):
        """The TWD amount in the country's currency, exactly as many decimals as the currency has (each distinct
        amount converted once: a catalogue repeats its prices)."""
        if amount_twd not in self.prices:
            minor = convert_twd(amount_twd, self.currency, twd_per_unit=self.twd_per_unit)
            self.prices[amount_twd] = from_minor(minor, self.currency)
        return self.prices[amount_twd]

    def link(self, pk, slug):
        return f"{self.product_prefix}{pk}-{slug}/"


@dataclass
class FeedItem:
    """One product as the feeds read it (plain values, not a model instance)."""

    pk: int
    sku: str
    title: str
    description: str
    slug: str
    brand: str
    gtin: str
    mpn: str
    condition: str
    price_twd: Decimal
    stock_status: str
    lead_time_days: int
    origin: str
    weight_grams: int | None
    length_mm: int | None
    width_mm: int | None
    height_mm: int | None
    category_id: int
    images: list


# --- What goes in a feed ---------------------------------------------------------------------------------


def _category_paths(language):
    """``{category id: "Food and beverage > Bakery"}`` in ``language`` (falling back as the storefront does)."""
    categories = {category.pk: category for category in ProductCategory.objects.all()}
    paths = {}
    for pk, category in categories.items():
        names = []
        current = category
        while current is not None:
            names.append(current.translated("name", language))
            current = categories.get(current.parent_id)
        paths[pk] = " > ".join(reversed(names))
    return paths


def _product_prefix(language):
    """The start of a product's address in ``language``: the showcase page of that language, or the default
    language's page under the language's prefix (as ``views.storefront.route_links``)."""
    pages = {
        page.locale.language_code: page for page in ShowcasePage.objects.live().select_related("locale").order_by("pk")
    }
    page = pages.get(language) or pages.get(settings.LANGUAGE_CODE)
    url = site_address.absolute(page.url) if page is not None else ""
    if not url:  # not published, or not under any site's root page
        raise FeedUnavailable(_("The showcase is not published, so its products have no address yet."))
    if page.locale.language_code != language:
        url = url.replace(f"/{page.locale.language_code}/", f"/{language}/", 1)
    route = page.reverse_subpage("product", kwargs={"pk": 1, "slug": "x"})
    return url, url.rstrip("/") + "/" + route[: route.index("1-x/")]


def feed_context(*, language, country, today=None):
    """Everything one feed needs; ``FeedUnavailable`` when its country's currency has no exchange rate."""
    currency = currency_for_country(country)
    if currency == Currency.TWD:
        rate = Decimal(1)
    else:
        rate = ExchangeRate.objects.filter(currency=currency).values_list("twd_per_unit", flat=True).first()
        if rate is None:
            raise FeedUnavailable(
                _(
                    "There is no exchange rate for %(currency)s yet, so prices for %(country)s cannot be given. "
                    "The feed is available again once the bureau sets the rate."
                )
                % {"currency": currency, "country": Market(country).label}
            )
    showcase_url, product_prefix = _product_prefix(language)
    return FeedContext(
        language=language,
        country=country,
        currency=currency,
        twd_per_unit=rate,
        showcase_url=showcase_url,
        product_prefix=product_prefix,
        today=today or timezone.localdate(),
        category_paths=_category_paths(language),
    )


def _image_url():
    """A function giving an image file's absolute URL on the public address. For files on the local file system
    that is the storage's base URL and the quoted name, worked out once; other storages are asked each time."""
    storage = get_image_model()._meta.get_field("file").storage
    if isinstance(storage, FileSystemStorage):
        prefix = site_address.absolute(storage.url(""))
        return lambda name: prefix + filepath_to_uri(name).lstrip("/")
    return lambda name: site_address.absolute(storage.url(name))


def feed_items(context, *, batch=BATCH):
    """The feed's products, ``batch`` at a time by ascending id: a fixed, small number of queries per batch
    and flat memory, whatever the size of the catalogue."""
    name, description = column("name", context.language), column("description", context.language)
    fields = [
        "pk",
        "sku",
        "name_en",
        name,
        description,
        "brand",
        "gtin",
        "mpn",
        "condition",
        "price_twd",
        "stock_status",
        "lead_time_days",
        "origin",
        "weight_grams",
        "length_mm",
        "width_mm",
        "height_mm",
        "ships_to",
        "category_id",
        "company_id",
    ]
    products = Product.objects.public().exclude(**{name: ""}).exclude(**{description: ""}).order_by("pk")
    image_url = _image_url()
    brands = {}
    last = 0
    while True:
        rows = list(products.filter(pk__gt=last).values(*fields)[:batch])
        if not rows:
            return
        last = rows[-1]["pk"]
        rows = [row for row in rows if context.country in (row["ships_to"] or [])]
        images = defaultdict(list)
        pictures = ProductImage.objects.filter(product_id__in=[row["pk"] for row in rows])
        for product_id, file in pictures.order_by("product_id", "sort_order", "pk").values_list(
            "product_id", "image__file"
        ):
            images[product_id].append(image_url(file))
        missing = {row["company_id"] for row in rows if not row["brand"]} - set(brands)
        for company in Company.objects.filter(pk__in=missing).only("name_zh", "name_en"):
            brands[company.pk] = company.display_name(context.language)
        for row in rows:
            if not images[row["pk"]]:
                continue  # an image is required by every marketplace
            yield FeedItem(
                pk=row["pk"],
                sku=row["sku"],
                title=row[name],
                description=row[description],
                slug=slug_for(row["name_en"]),
                brand=row["brand"] or brands[row["company_id"]],
                gtin=row["gtin"],
                mpn=row["mpn"],
                condition=row["condition"],
                price_twd=row["price_twd"],
                stock_status=row["stock_status"],
                lead_time_days=row["lead_time_days"],
                origin=row["origin"],
                weight_grams=row["weight_grams"],
                length_mm=row["length_mm"],
                width_mm=row["width_mm"],
                height_mm=row["height_mm"],
                category_id=row["category_id"],
                images=images[row["pk"]],
            )


def _cut(text, limit):
    """``text`` in at most ``limit`` characters, cut at a space where one is near the end, with "…"."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + "…"


def google_fields(item, context):
    """``{attribute: text}`` of one item in Merchant Center's attribute names; empty values are left out."""
    availability = AVAILABILITY[item.stock_status]
    fields = {
        "id": f"tgp-{item.pk}",
        "title": _cut(" ".join(item.title.split()), MAX_TITLE),
        "description": _cut(item.description, MAX_DESCRIPTION),
        "link": context.link(item.pk, item.slug),
        "image_link": item.images[0],
        "additional_image_link": item.images[1 : 1 + MAX_ADDITIONAL_IMAGES],
        "availability": availability,
        "availability_date": "",
        "price": f"{context.price(item.price_twd)} {context.currency}",
        "brand": _cut(item.brand, 70),
        "gtin": item.gtin,
        "mpn": item.mpn,
        "identifier_exists": "" if item.gtin or item.mpn else "no",
        "condition": item.condition,
        "product_type": _cut(context.category_paths.get(item.category_id, ""), 750),
        "ships_from_country": item.origin,
        "shipping_weight": f"{item.weight_grams} g" if item.weight_grams else "",
        "max_handling_time": str(item.lead_time_days),
    }
    if availability == "backorder":
        ready = context.today + datetime.timedelta(days=item.lead_time_days)
        fields["availability_date"] = f"{ready.isoformat()}T00:00+0800"
    return {name: value for name, value in fields.items() if value}


# --- Layouts ---------------------------------------------------------------------------------------------


# Attributes whose values the feed itself writes from digits, codes and fixed words: nothing to escape.
MARKUP_FREE = frozenset(
    {
        "id",
        "availability",
        "availability_date",
        "price",
        "gtin",
        "identifier_exists",
        "condition",
        "ships_from_country",
        "shipping_weight",
        "max_handling_time",
    }
)


def _xml(text):
    return escape(_NOT_XML.sub("", text))


def _channel_title(context):
    with translation.override(context.language):
        return f"{_('Taipei Good Products')} — {Market(context.country).label}"


def render_google_xml(context):
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield f'<rss version="2.0" xmlns:g="{GOOGLE_NAMESPACE}">\n<channel>\n'
    yield f"<title>{_xml(_channel_title(context))}</title>\n"
    yield f"<link>{_xml(context.showcase_url)}</link>\n"
    yield f"<description>{_xml(_channel_title(context))}</description>\n"
    for item in feed_items(context):
        parts = ["<item>"]
        for name, value in google_fields(item, context).items():
            for one in value if isinstance(value, list) else [value]:
                text = one if name in MARKUP_FREE else _xml(one)
                parts.append(f"<g:{name}>{text}</g:{name}>")
        parts.append("</item>\n")
        yield "".join(parts)
    yield "</channel>\n</rss>\n"


def _tsv(value):
    text = ",".join(value) if isinstance(value, list) else value
    return escape_formula(_TSV_BREAKS.sub(" ", text))


def render_google_tsv(context):
    yield "\t".join(GOOGLE_FIELDS) + "\n"
    for item in feed_items(context):
        fields = google_fields(item, context)
        yield "\t".join(_tsv(fields.get(name, "")) for name in GOOGLE_FIELDS) + "\n"


def _shopee_price(context, amount_twd):
    places = Decimal("0.1") if context.country in SHOPEE_ONE_DECIMAL else Decimal(1)
    return str(context.price(amount_twd).quantize(places, rounding=ROUND_HALF_UP))


def _plain(value):
    """A Decimal without trailing zeros and never in exponent form: 0.45, 15, 10."""
    return f"{value.normalize():f}"


def _centimetres(millimetres):
    return _plain(Decimal(millimetres) / 10) if millimetres else ""


def shopee_fields(item, context):
    """``{column: text}`` of one item in the Shopee Mass Upload template's column names."""
    images = item.images[: 1 + SHOPEE_IMAGES]
    return {
        "Category": "",
        "Product Name": _cut(item.title, SHOPEE_NAME_LIMITS.get(context.country, SHOPEE_NAME_LIMIT)),
        "Product Description": _cut(item.description, SHOPEE_DESCRIPTION_LIMIT),
        "Parent SKU": item.sku,
        "SKU": item.sku,
        "Price": _shopee_price(context, item.price_twd),
        "Stock": "0" if item.stock_status == StockStatus.OUT_OF_STOCK else "",
        "Weight": _plain(Decimal(item.weight_grams) / 1000) if item.weight_grams else "",
        "Length": _centimetres(item.length_mm),
        "Width": _centimetres(item.width_mm),
        "Height": _centimetres(item.height_mm),
        "Cover image": images[0],
        **{f"Item Image {number}": url for number, url in enumerate(images[1:], start=1)},
        "Pre-order DTS": str(item.lead_time_days) if item.stock_status == StockStatus.MADE_TO_ORDER else "",
    }


def render_shopee_csv(context):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff" + ",".join(SHOPEE_FIELDS) + "\r\n"
    for item in feed_items(context):
        fields = shopee_fields(item, context)
        writer.writerow([escape_formula(fields.get(name, "")) for name in SHOPEE_FIELDS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


FORMATS = {
    "google_xml": FeedFormat("google_xml", "xml", "application/xml; charset=utf-8", render_google_xml),
    "google_tsv": FeedFormat("google_tsv", "tsv", "text/tab-separated-values; charset=utf-8", render_google_tsv),
    "shopee_csv": FeedFormat("shopee_csv", "csv", "text/csv; charset=utf-8", render_shopee_csv),
}


def check_choice(*, language, country):
    """True when the language and the country are ones a feed is made for."""
    return language in LANGUAGE_SUFFIXES and country in FEED_COUNTRIES


# --- Kept until the next change --------------------------------------------------------------------------


def version():
    """The current feed version; a random value, so that an evicted key never brings old files back."""
    value = cache.get(VERSION_KEY)
    if value is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        value = cache.get(VERSION_KEY)
    return value


def changed(**kwargs):
    """A signal receiver: a new version now, and again after the commit, so that a feed made in between
    from data not yet committed is never served."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))


def stored_name(feed_format, context, feed_version):
    return (
        f"{DIRECTORY}/{feed_version}/{context.today.isoformat()}/"
        f"{feed_format.name}-{context.language}-{context.country}.{feed_format.extension}"
    )


def _in_chunks(texts):
    buffer, size = [], 0
    for text in texts:
        data = text.encode()
        buffer.append(data)
        size += len(data)
        if size >= CHUNK_BYTES:
            yield b"".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield b"".join(buffer)


def _remove_older(storage, feed_version, today):
    """Delete the files of older versions and days (a reader that has one open keeps reading it)."""
    root = storage.path(DIRECTORY)
    for entry in os.scandir(root):
        if entry.is_dir() and entry.name != feed_version:
            shutil.rmtree(entry.path, ignore_errors=True)
    for entry in os.scandir(os.path.join(root, feed_version)):
        if entry.is_dir() and entry.name != today.isoformat():
            shutil.rmtree(entry.path, ignore_errors=True)


def stream(feed_format, context, *, storage=None):
    """``(chunks, stored)``: the feed's bytes, from the stored file when this version was made today, else
    made now and stored as they are sent (a feed whose sending stops half-way is not kept)."""
    storage = storage or PrivateStorage()
    feed_version = version()
    name = stored_name(feed_format, context, feed_version)
    if storage.exists(name):
        return storage.open(name, "rb"), True
    return _made_and_stored(feed_format, context, storage, name, feed_version), False


def _made_and_stored(feed_format, context, storage, name, feed_version):
    path = storage.path(name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{uuid.uuid4().hex}.part"
    complete = False
    try:
        with open(partial, "wb") as out:
            for chunk in _in_chunks(feed_format.render(context)):
                out.write(chunk)
                yield chunk
        os.replace(partial, path)
        complete = True
        _remove_older(storage, feed_version, context.today)
    finally:
        if not complete and os.path.exists(partial):
            os.remove(partial)


# --- The first feed (its own layout, kept for the partners that read it) ---------------------------------


FEED_FIELDS = [
    "id",
    "sku",
    "supplier_ubn",
    "supplier_name_zh_hant",
    "supplier_name_en",
    *[column("name", code) for code in LANGUAGE_SUFFIXES],
    *[column("description", code) for code in LANGUAGE_SUFFIXES],
    "category",
    "price_twd",
    "moq",
    "order_multiple",
    "unit",
    "lead_time_days",
    "hs_code",
    "origin",
    "ships_to",
    "stock_status",
    "sample_available",
    "sample_price_twd",
    "certifications",
    "image_url",
    "updated_at",
]


def feed_products():
    """Public products with everything the feed needs, in a fixed order."""
    return (
        Product.objects.public()
        .select_related("company", "category")
        .prefetch_related("certificates", "images__image")
        .order_by("pk")
    )


def feed_item(product, request, today):
    first_image = next(iter(product.images.all()), None)
    return {
        "id": product.pk,
        "sku": product.sku,
        "supplier_ubn": product.company.ubn,
        "supplier_name_zh_hant": product.company.name_zh,
        "supplier_name_en": product.company.name_en,
        **{column("name", code): getattr(product, column("name", code)) for code in LANGUAGE_SUFFIXES},
        **{column("description", code): getattr(product, column("description", code)) for code in LANGUAGE_SUFFIXES},
        "category": product.category.path,
        "price_twd": str(product.price_twd),
        "moq": product.moq,
        "order_multiple": product.order_multiple,
        "unit": product.unit,
        "lead_time_days": product.lead_time_days,
        "hs_code": product.hs_code,
        "origin": product.origin,
        "ships_to": list(product.ships_to),
        "stock_status": product.stock_status,
        "sample_available": product.sample_available,
        "sample_price_twd": str(product.sample_price_twd) if product.sample_price_twd is not None else "",
        "certifications": [
            {
                "type": certificate.certificate_type,
                "issuer": certificate.issuer,
                "number": certificate.number,
                "valid_until": certificate.valid_until.isoformat(),
            }
            for certificate in product.certificates.all()
            if certificate.is_valid_on(today)
        ],
        "image_url": request.build_absolute_uri(first_image.image.file.url) if first_image else "",
        "updated_at": (product.last_published_at or product.updated_at).isoformat(),
    }


def legacy_items(request):
    today = timezone.localdate()
    return [feed_item(product, request, today) for product in feed_products()]
