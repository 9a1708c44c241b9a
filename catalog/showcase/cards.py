"""The product cards of the showcase's listings (category, landing, storefront): each rendered once per process
for what it shows and kept by a key that names all of it (``portal.versioned.Kept``).

A card shows the product's name in the reader's language, its address under the showcase page, the supplier's
name for that language and whether it is verified, the price in the buyer's currency at the buyer's rate, the
unit, the minimum order, the sample badge and the first picture. The key holds each of these values (the
picture by ``portal.images.picture_key``: image, file, focal point) with the language and the showcase page's
address, so the card of a changed product — a publication, a new picture, another supplier name, a new exchange
rate — has another key and the next listing renders it afresh: nothing is invalidated and nothing goes stale.
Reading the key costs attribute reads on the products the listing loaded anyway (``selectors._with_media``);
a card already rendered costs no template rendering, no price conversion and no address reversing.
"""

import functools

from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from payments.money import buyer_currency, price_html
from portal import images
from portal.versioned import Kept

TEMPLATE = "showcase/includes/product_card.html"


def _first_image(product):
    return product.card_images[0].image if product.card_images else None


def _render(page_url, page, product, company_name, image, price):
    context = {
        "url": page_url + page.reverse_subpage("product", kwargs={"pk": product.pk, "slug": product.slug}),
        "name": product.name,
        "supplier": company_name,
        "verified": product.company.verified_at is not None,
        "price": price,
        "unit": product.get_unit_display(),
        "moq": product.moq,
        "sample_available": product.sample_available,
        "image": image,
    }
    return mark_safe(get_template(TEMPLATE).render({"card": context}))  # noqa: S308 (a rendered template)


def product_cards(page, products, *, request):
    """The rendered card of each of ``products`` (public, loaded with their company and images) under the
    showcase ``page``, in the active language and the buyer's currency."""
    language = translation.get_language()
    currency = buyer_currency(request)
    page_url = page.url
    cards = []
    for product in products:
        image = _first_image(product)
        company_name = product.company.display_name(language)
        price = price_html(currency, product.price_twd)
        key = (
            language,
            page.pk,
            page_url,
            product.pk,
            product.slug,
            product.name,
            company_name,
            product.company.verified_at is not None,
            price,
            product.unit,
            product.moq,
            product.sample_available,
            images.picture_key(image, "card") if image is not None else None,
        )
        cards.append(CARDS.get(key, functools.partial(_render, page_url, page, product, company_name, image, price)))
    return cards


CARDS = Kept("product-cards", limit=10_000)
