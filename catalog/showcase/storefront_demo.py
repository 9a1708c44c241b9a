"""Demo: the "Taipei Good Products" showcase page under the home page, in zh-hant and en (idempotent)."""

from django.db import transaction
from wagtail.models import Locale

from portal.home.demo import add_menu_item, ensure_child, ensure_translation, find_home

from .models import ShowcasePage

SLUG = "showcase"
FIELDS = {
    "zh-hant": {
        "title": "台北好物館",
        "hero_heading": "台北好物館：臺北的好產品，直送東南亞",
        "hero_text": "由臺北市政府產業發展局審核的在地企業與產品。向供應商詢價、索取樣品，以您的語言溝通。",
        "search_description": "臺北市政府產業發展局審核的臺北好產品：鳳梨酥、烏龍茶、醬料、保養品與更多。",
    },
    "en": {
        "title": "Taipei Good Products",
        "hero_heading": "Taipei Good Products: the best of Taipei, shipped to Southeast Asia",
        "hero_text": "Local companies and products reviewed by the Taipei City Department of Economic Development. "
        "Ask suppliers for quotes and samples, in your language.",
        "search_description": "Taipei products reviewed by the city: pineapple cakes, oolong tea, sauces, "
        "skincare and more.",
    },
}


@transaction.atomic
def seed(*, stdout):
    """The showcase page below the zh-hant home page and its English translation."""
    default_locale = Locale.objects.filter(language_code="zh-hant").first()
    home = find_home(default_locale) if default_locale else None
    if home is None:
        stdout.write("  no zh-hant home page yet: showcase skipped (seed the home pages first)")
        return
    showcase = ensure_child(home, ShowcasePage, SLUG, dict(FIELDS["zh-hant"]), stdout=stdout)
    add_menu_item(showcase, FIELDS["zh-hant"]["title"], stdout=stdout)
    english = Locale.objects.filter(language_code="en").first()
    if english is None or home.get_translation_or_none(english) is None:
        stdout.write("  no English home page: English showcase skipped")
        return
    ensure_translation(showcase, english, dict(FIELDS["en"]), stdout=stdout)
    add_menu_item(showcase.get_translation(english), FIELDS["en"]["title"], stdout=stdout)
    stdout.write("  showcase page ready in zh-hant and en")
