"""schema.org data of the storefront pages, as search engines read them (written by ``portal.seo``).

A product is a ``Product`` whose offers are what the page shows: the unit price from the MOQ, one offer per
quantity tier, and the sample when there is one; availability ``MadeToOrder`` when the page says "made to
order"; the seller is the supplier's storefront; shipping destinations are the markets it ships to. A
supplier is an ``Organization`` with its products. Images are the renditions the page shows, on the
configured host; prices are in TWD, the one price of record (the buyer's currency is a display conversion).
"""

from django.utils import translation

from portal import images, site_address

from .models import StockStatus

SCHEMA = "https://schema.org"
AVAILABILITY = {
    StockStatus.IN_STOCK: f"{SCHEMA}/InStock",
    StockStatus.MADE_TO_ORDER: f"{SCHEMA}/MadeToOrder",
}
UNIT_CODES = {
    "piece": "C62",
    "box": "BX",
    "carton": "CT",
    "pack": "PK",
    "bottle": "BO",
    "set": "SET",
    "kg": "KGM",
    "dozen": "DZN",
}


def _price(value):
    return f"{value:.2f}"


def image_url(image, preset_name):
    """The largest rendition the page shows for ``preset_name``, as an absolute URL."""
    return site_address.absolute(images.picture(image, preset_name).largest.url)


def supplier_name(company):
    return company.display_name(translation.get_language())


def seller(company, storefront_url):
    return {"@type": "Organization", "name": supplier_name(company), "url": storefront_url}


def _quantity(minimum, unit, maximum=None):
    quantity = {"@type": "QuantitativeValue", "minValue": minimum, "unitText": unit}
    if unit in UNIT_CODES:
        quantity["unitCode"] = UNIT_CODES[unit]
    if maximum is not None:
        quantity["maxValue"] = maximum
    return quantity


def product(*, product, url, gallery, tiers, storefront_url):
    """schema.org ``Product`` of a product page; ``gallery`` are its images in page order."""
    company = product.company
    availability = AVAILABILITY.get(product.stock_status, f"{SCHEMA}/OutOfStock")
    common = {
        "@type": "Offer",
        "url": url,
        "priceCurrency": "TWD",
        "availability": availability,
        "seller": seller(company, storefront_url),
    }
    if product.ships_to:
        common["shippingDetails"] = {
            "@type": "OfferShippingDetails",
            "shippingDestination": [{"@type": "DefinedRegion", "addressCountry": code} for code in product.ships_to],
            "deliveryTime": {
                "@type": "ShippingDeliveryTime",
                "handlingTime": {
                    "@type": "QuantitativeValue",
                    "minValue": 0,
                    "maxValue": product.lead_time_days,
                    "unitCode": "DAY",
                },
            },
        }
    offers = [{**common, "price": _price(product.price_twd), "eligibleQuantity": _quantity(product.moq, product.unit)}]
    offers += [
        {**common, "price": _price(tier.unit_price_twd), "eligibleQuantity": _quantity(tier.min_quantity, product.unit)}
        for tier in tiers
    ]
    if product.sample_available and product.sample_price_twd is not None:
        offers.append(
            {
                **common,
                "name": translation.gettext("Sample"),
                "price": _price(product.sample_price_twd),
                "eligibleQuantity": _quantity(1, product.unit, product.sample_limit),
            }
        )
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "sku": product.sku,
        "url": url,
        "image": [image_url(item.image, "gallery") for item in gallery],
        "brand": {"@type": "Brand", "name": supplier_name(company)},
        "manufacturer": seller(company, storefront_url),
        "countryOfOrigin": product.origin,
        "offers": offers,
    }
    if product.hs_code:
        data["additionalProperty"] = {"@type": "PropertyValue", "name": "HS code", "value": product.hs_code}
    return data


def supplier(*, company, profile, url, products, product_url):
    """schema.org ``Organization`` of a storefront with the products it shows (``product_url(item)``)."""
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "name": supplier_name(company),
        "url": url,
        "address": {"@type": "PostalAddress", "addressCountry": "TW", "addressLocality": "Taipei"},
    }
    if company.name_en and company.name_zh:
        data["alternateName"] = company.name_zh if data["name"] == company.name_en else company.name_en
    if profile is not None:
        story = profile.translated("story")
        if story:
            data["description"] = story
        if profile.logo:
            data["logo"] = image_url(profile.logo, "avatar")
        if profile.year_founded:
            data["foundingDate"] = str(profile.year_founded)
    data["makesOffer"] = [
        {
            "@type": "Offer",
            "url": product_url(item),
            "priceCurrency": "TWD",
            "price": _price(item.price_twd),
            "itemOffered": {"@type": "Product", "name": item.name, "sku": item.sku, "url": product_url(item)},
        }
        for item in products
    ]
    return data
