"""Reads: the active rules, the facts of many products at once, their checklists and the markets they are
ready for (the dashboard, the product page and the search index all come through here)."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone

from catalog.showcase.models import Certificate, Product, ProductImage
from catalog.showcase.translated import LANGUAGE_SUFFIXES, column
from portal.versioned import Versioned

from .checklist import Facts, RuleSet
from .models import ProductReadiness, Rule

_DESCRIPTIONS = {code: column("description", code) for code in LANGUAGE_SUFFIXES}
_COLUMNS = (
    "pk",
    "category__path",
    "ships_to",
    "hs_code",
    "shelf_life_days",
    "weight_grams",
    "length_mm",
    "width_mm",
    "height_mm",
    *_DESCRIPTIONS.values(),
)


def active_rules():
    """Every active rule with its category, in checklist order."""
    return list(Rule.objects.active().select_related("category").order_by("market", "requirement", "pk"))


# The active rules prepared for checking, kept in each process until a rule or a category is saved or deleted
# (``receivers.connect``): every product page asks which markets its product is ready for.
ACTIVE_RULE_SET = Versioned("readiness-rules", lambda: RuleSet(active_rules()))


def _facts(row, *, image_count, readiness, certificates):
    """The Facts of one product from its ``_COLUMNS`` row, its number of images, its readiness record (or
    None) and its valid certificates as (type, recognised markets)."""
    return Facts(
        product_id=row["pk"],
        category_path=row["category__path"] or "",
        ships_to=frozenset(row["ships_to"] or ()),
        hs_code=row["hs_code"] or "",
        shelf_life_days=row["shelf_life_days"],
        weight_grams=row["weight_grams"],
        dimensions_mm=(row["length_mm"], row["width_mm"], row["height_mm"]),
        image_count=image_count,
        description_languages=frozenset(code for code, name in _DESCRIPTIONS.items() if row[name].strip()),
        label_languages=frozenset(readiness.label_languages) if readiness else frozenset(),
        claims_halal=bool(readiness and readiness.claims_halal),
        registrations=dict(readiness.registrations) if readiness else {},
        certificates=tuple(certificates),
    )


def product_facts(product_ids, *, today=None):
    """{product id: Facts} of the given products, in four queries whatever their number."""
    today = today or timezone.localdate()
    ids = list(product_ids)
    rows = Product.objects.filter(pk__in=ids).values(*_COLUMNS)
    images = dict(
        ProductImage.objects.filter(product_id__in=ids)
        .values("product_id")
        .annotate(count=Count("pk"))
        .values_list("product_id", "count")
    )
    readiness = {r.product_id: r for r in ProductReadiness.objects.filter(product_id__in=ids)}
    certificates = {}
    valid = Certificate.objects.valid_on(today).values_list("pk", flat=True)
    through = Product.certificates.through.objects.filter(product_id__in=ids, certificate_id__in=valid)
    for product_id, kind, markets in through.values_list(
        "product_id", "certificate__certificate_type", "certificate__recognised_markets"
    ):
        certificates.setdefault(product_id, []).append((kind, frozenset(markets or ())))
    return {
        row["pk"]: _facts(
            row,
            image_count=images.get(row["pk"], 0),
            readiness=readiness.get(row["pk"]),
            certificates=certificates.get(row["pk"], ()),
        )
        for row in rows
    }


def checklists(product_ids, *, today=None, rules=None):
    """{product id: [Checklist per market that has rules]}."""
    rule_set = ACTIVE_RULE_SET.get() if rules is None else RuleSet(rules)
    return {
        product_id: [rule_set.checklist(market, facts) for market in rule_set.markets]
        for product_id, facts in product_facts(product_ids, today=today).items()
    }


def ready_markets(product_ids, *, today=None):
    """{product id: [codes of the markets it is ready for]} (products ready for none are left out)."""
    rule_set = ACTIVE_RULE_SET.get()
    ready = {}
    for product_id, facts in product_facts(product_ids, today=today).items():
        codes = [market for market in rule_set.markets if rule_set.ready(market, facts)]
        if codes:
            ready[product_id] = codes
    return ready


def loaded_product_ready_markets(product, *, images, certificates):
    """The codes of the markets a product page's product is ready for, from what the page read already: the
    product (with its category), its ``images`` and its ``certificates`` valid today. One query, its readiness
    record (the rules are kept), where ``ready_markets`` takes five."""
    row = {name: getattr(product, name) for name in _COLUMNS if name != "category__path"}
    row["category__path"] = product.category.path if product.category_id else ""
    facts = _facts(
        row,
        image_count=len(images),
        readiness=ProductReadiness.objects.filter(product_id=product.pk).first(),
        certificates=[(item.certificate_type, frozenset(item.recognised_markets or ())) for item in certificates],
    )
    rule_set = ACTIVE_RULE_SET.get()
    return [market for market in rule_set.markets if rule_set.ready(market, facts)]


def readiness_data(product):
    """The product's readiness record, or an unsaved empty one."""
    return ProductReadiness.objects.filter(product=product).first() or ProductReadiness(product=product)


def scoped_public_product_ids(rule):
    """The public products a rule may concern: those in its category (and below), or all of them."""
    products = Product.objects.public()
    if rule.category_id is not None:
        products = products.filter(rule.category.descendant_paths_q())
    return list(products.values_list("pk", flat=True))


def company_product(*, company, pk):
    """One of the company's products, or 404."""
    return get_object_or_404(Product.objects.for_company(company), pk=pk)
