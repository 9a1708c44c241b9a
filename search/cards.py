"""The product cards of the search results page, each rendered once per process for what it shows and kept by
a key that names all of it (``portal.versioned.Kept``, as the showcase's cards in ``catalog.showcase.cards``).

A card shows the hit (name, address, highlighted passage, supplier and its verification, minimum order), the
price in the buyer's currency at the buyer's rate, the labels of the markets it ships to and of its certificates
in the reader's language, and its first picture (by ``portal.images.picture_key``). The key holds all of these
and the language, so a re-indexed product, a new rate, another picture or another language is another key and
the next page renders that card afresh; nothing is invalidated and nothing goes stale.
"""

import functools

from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from payments.money import price_html
from portal import images
from portal.versioned import Kept

from . import sources
from .facets import FACETS_BY_NAME

TEMPLATE = "search/includes/result_card.html"


def _render(hit, card):
    return mark_safe(get_template(TEMPLATE).render({"hit": hit, "card": card}))  # noqa: S308 (a rendered template)


def result_cards(hits, *, currency):
    """The rendered card of each hit, in the active language and the buyer's ``currency``."""
    language = translation.get_language()
    pictures = sources.card_images([hit.id for hit in hits])
    markets = FACETS_BY_NAME["market"].value_labels([], language)
    certificates = FACETS_BY_NAME["certification"].value_labels([], language)
    cards = []
    for hit in hits:
        picture = pictures.get(hit.id)
        card = {
            "image": picture,
            "price": price_html(currency, hit.price_twd),
            "ships_to": tuple(markets.get(code, code) for code in hit.markets),
            "certificates": tuple(certificates.get(code, code) for code in hit.certifications),
        }
        key = (
            language,
            hit.url,
            hit.name,
            hit.highlight,
            hit.supplier,
            hit.supplier_verified,
            hit.moq,
            card["price"],
            card["ships_to"],
            card["certificates"],
            images.picture_key(picture.image, "card") if picture is not None else None,
        )
        cards.append(CARDS.get(key, functools.partial(_render, hit, card)))
    return cards


CARDS = Kept("search-result-cards", limit=10_000)
