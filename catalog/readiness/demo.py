"""Demo readiness rules for Thailand, Malaysia, Indonesia, Vietnam and Singapore, with their sources named,
and readiness data for some demo products, so that some are ready for a market and some are not.

The rules are demo content that follows the issue's examples; the bureau checks each source before relying on
it. `source_date` is the date the sources were named for the demo (DEMO_SOURCE_DATE), not the date of the law.
Idempotent: a rule is found by market, category and what it asks for; products keep readiness data they
already have. Rows are written directly (search.demo rebuilds the index right after this module).
"""

import datetime

from catalog.showcase.models import CertificateType, Product, ProductCategory

from .models import ProductReadiness, RegistrationKind, Requirement, Rule, RuleVersion

DEMO_SOURCE_DATE = datetime.date(2026, 12, 1)

BUREAU = ("Taipei City Department of Economic Development: showcase listing standard", "https://www.doed.gov.taipei/")
WCO = (
    "World Customs Organization: HS Nomenclature 2022",
    "https://www.wcoomd.org/en/topics/nomenclature/instrument-and-tools/hs-nomenclature-2022-edition.aspx",
)
THAI_FDA_LABEL = (
    "Thai FDA: Ministry of Public Health Notification No. 367 (B.E. 2557) on labelling of prepackaged food",
    "https://food.fda.moph.go.th/",
)
THAI_FDA = (
    "Thai FDA: Food Act B.E. 2522 and Cosmetic Act B.E. 2558 (registration and notification)",
    "https://www.fda.moph.go.th/",
)
JAKIM = (
    "JAKIM: Trade Descriptions (Definition of Halal) Order 2011, recognised foreign halal bodies",
    "https://www.halal.gov.my/",
)
MY_FOOD = ("Ministry of Health Malaysia: Food Regulations 1985, regulation 15 (labelling)", "https://www.moh.gov.my/")
NPRA = ("NPRA: Guidelines for Control of Cosmetic Products in Malaysia (notification)", "https://www.npra.gov.my/")
BPJPH = ("BPJPH: Halal Law No. 33/2014 on Halal Product Assurance", "https://bpjph.halal.go.id/")
BPOM_LABEL = ("BPOM: Government Regulation No. 69/1999 on food labels and advertisements", "https://www.pom.go.id/")
BPOM = ("BPOM: registration of imported processed food (ML) and cosmetics (NA)", "https://www.pom.go.id/")
VN_LABEL = ("Vietnam: Decree 43/2017/ND-CP on goods labelling", "https://vanban.chinhphu.vn/")
VN_DECLARATION = (
    "Vietnam: Decree 15/2018/ND-CP on food safety (product self-declaration)",
    "https://vanban.chinhphu.vn/",
)
SFA = ("Singapore Food Agency: Food Regulations (labelling of prepacked food)", "https://www.sfa.gov.sg/")

FOOD, BEAUTY = "food-beverage", "beauty"
MARKETS = ("TH", "MY", "ID", "VN", "SG")


def _rules():
    """(market, category path or None, fields) of every demo rule."""
    rules = []
    for market in MARKETS:
        rules += [
            (market, None, {"requirement": Requirement.SHIPS_TO, "need": "logistics", "source": BUREAU}),
            (market, None, {"requirement": Requirement.HS_CODE, "need": "logistics", "source": WCO}),
            (market, None, {"requirement": Requirement.DESCRIPTION_LANGUAGE, "need": "marketing", "source": BUREAU}),
            (
                market,
                None,
                {
                    "requirement": Requirement.IMAGES,
                    "min_images": 3,
                    "required": False,
                    "need": "marketing",
                    "source": BUREAU,
                },
            ),
            (
                market,
                None,
                {
                    "requirement": Requirement.WEIGHT_DIMENSIONS,
                    "required": False,
                    "need": "logistics",
                    "source": BUREAU,
                },
            ),
        ]
    food_label = {"TH": THAI_FDA_LABEL, "MY": MY_FOOD, "ID": BPOM_LABEL, "VN": VN_LABEL, "SG": SFA}
    for market, source in food_label.items():
        rules.append((market, FOOD, {"requirement": Requirement.SHELF_LIFE, "need": "compliance", "source": source}))
    rules += [
        (
            "TH",
            FOOD,
            {
                "requirement": Requirement.LABEL_LANGUAGE,
                "languages": ["th"],
                "need": "compliance",
                "source": THAI_FDA_LABEL,
            },
        ),
        (
            "MY",
            FOOD,
            {
                "requirement": Requirement.LABEL_LANGUAGE,
                "languages": ["ms", "en"],
                "need": "compliance",
                "source": MY_FOOD,
            },
        ),
        (
            "ID",
            FOOD,
            {
                "requirement": Requirement.LABEL_LANGUAGE,
                "languages": ["id"],
                "need": "compliance",
                "source": BPOM_LABEL,
            },
        ),
        (
            "VN",
            None,
            {"requirement": Requirement.LABEL_LANGUAGE, "languages": ["vi"], "need": "compliance", "source": VN_LABEL},
        ),
        (
            "SG",
            FOOD,
            {"requirement": Requirement.LABEL_LANGUAGE, "languages": ["en"], "need": "compliance", "source": SFA},
        ),
        (
            "TH",
            FOOD,
            {
                "requirement": Requirement.REGISTRATION,
                "registration_kind": RegistrationKind.TH_FDA,
                "need": "compliance",
                "source": THAI_FDA,
            },
        ),
        (
            "TH",
            BEAUTY,
            {
                "requirement": Requirement.REGISTRATION,
                "registration_kind": RegistrationKind.TH_FDA,
                "need": "compliance",
                "source": THAI_FDA,
            },
        ),
        (
            "MY",
            BEAUTY,
            {
                "requirement": Requirement.REGISTRATION,
                "registration_kind": RegistrationKind.MY_NPRA,
                "need": "compliance",
                "source": NPRA,
            },
        ),
        (
            "ID",
            FOOD,
            {
                "requirement": Requirement.REGISTRATION,
                "registration_kind": RegistrationKind.ID_BPOM,
                "need": "compliance",
                "source": BPOM,
            },
        ),
        (
            "ID",
            BEAUTY,
            {
                "requirement": Requirement.REGISTRATION,
                "registration_kind": RegistrationKind.ID_BPOM,
                "need": "compliance",
                "source": BPOM,
            },
        ),
        (
            "VN",
            FOOD,
            {
                "requirement": Requirement.REGISTRATION,
                "registration_kind": RegistrationKind.VN_DECLARATION,
                "need": "compliance",
                "source": VN_DECLARATION,
            },
        ),
        (
            "MY",
            FOOD,
            {
                "requirement": Requirement.CERTIFICATE,
                "certificate_type": CertificateType.HALAL,
                "only_if_halal_claim": True,
                "need": "compliance",
                "source": JAKIM,
            },
        ),
        (
            "ID",
            FOOD,
            {
                "requirement": Requirement.CERTIFICATE,
                "certificate_type": CertificateType.HALAL,
                "need": "compliance",
                "source": BPJPH,
            },
        ),
    ]
    return rules


def _seed_rules(stdout):
    categories = {category.path: category for category in ProductCategory.objects.filter(path__in=[FOOD, BEAUTY])}
    created = 0
    for market, path, fields in _rules():
        fields = dict(fields)
        source_name, source_url = fields.pop("source")
        category = categories.get(path) if path else None
        if path and category is None:
            continue
        lookup = {
            "market": market,
            "category": category,
            "requirement": fields["requirement"],
            "registration_kind": fields.get("registration_kind", ""),
            "certificate_type": fields.get("certificate_type", ""),
        }
        if Rule.objects.filter(**lookup).exists():
            continue
        rule = Rule(
            **{**fields, **lookup}, source_name=source_name, source_url=source_url, source_date=DEMO_SOURCE_DATE
        )
        rule.full_clean()
        rule.save()
        RuleVersion.objects.create(rule=rule, version=rule.version, values=rule.snapshot())
        created += 1
    stdout.write(f"  readiness: {Rule.objects.count()} rules ({created} new) for {', '.join(MARKETS)}")


def _registrations(product, recognised):
    """Demo numbers in each agency's usual shape, for the registrations a product's markets need."""
    numbers = {RegistrationKind.TH_FDA.value: f"10-1-{product.pk % 100000:05d}-1-0001"}
    if "ID" in recognised:
        numbers[RegistrationKind.ID_BPOM.value] = f"ML {product.pk:012d}"
    if product.category.path.startswith(BEAUTY):
        numbers[RegistrationKind.MY_NPRA.value] = f"NOT{product.pk:09d}K"
    if _labelled_for_vietnam(product):
        numbers[RegistrationKind.VN_DECLARATION.value] = f"{product.pk % 1000:03d}/2026/TGP-TCB"
    return numbers


def _labelled_for_vietnam(product):
    """The first product of each supplier that ships to Vietnam carries a Vietnamese sub-label and its
    self-declaration (tự công bố), so the demo has products ready for Vietnam too."""
    return product.sku.endswith("-00") and "VN" in product.ships_to


def _seed_product_data(stdout):
    """The first three products of each food and beauty supplier state their labels, halal claim and
    registrations (so they are ready for Thailand and, with a recognised certificate, Malaysia or Indonesia; the
    first one of each supplier that ships to Vietnam is ready there too);
    the others state nothing and stay not ready where a market asks for these facts."""
    have = set(ProductReadiness.objects.values_list("product_id", flat=True))
    products = (
        Product.objects.filter(sku__regex=r"-0[0-2]$")
        .filter(category__path__regex=rf"^({FOOD}|{BEAUTY})(/|$)")
        .exclude(pk__in=have)
        .select_related("category")
        .prefetch_related("certificates")
    )
    new = []
    for product in products:
        halal = [c for c in product.certificates.all() if c.certificate_type == CertificateType.HALAL]
        recognised = {market for certificate in halal for market in certificate.recognised_markets}
        languages = ["zh-hant", "en", "th", "ms"] + (["id"] if "ID" in recognised else [])
        languages += ["vi"] if _labelled_for_vietnam(product) else []
        new.append(
            ProductReadiness(
                product=product,
                label_languages=languages,
                claims_halal=bool(halal),
                registrations=_registrations(product, recognised),
            )
        )
    ProductReadiness.objects.bulk_create(new, batch_size=500)
    stdout.write(f"  readiness: data for {len(have) + len(new)} products ({len(new)} new)")


def seed(*, stdout):
    _seed_rules(stdout)
    _seed_product_data(stdout)
