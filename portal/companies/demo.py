"""Demo accounts and companies (development only; idempotent: a second run changes nothing)."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from portal.markets import District, Market

from .models import Company, EcommerceMaturity, Industry, Membership

STAFF_EMAIL = "staff@demo.taipei"
STAFF_PASSWORD = "demo-staff-2026"
SME_EMAIL = "sme@demo.taipei"
SME_PASSWORD = "demo-sme-2026"

COMPANIES = [
    {
        "ubn": "04595257",
        "name_zh": "好物示範股份有限公司",
        "name_en": "Good Things Demo Co., Ltd.",
        "address": "臺北市信義區市府路1號",
        "district": District.XINYI,
        "industry": Industry.FOOD,
        "website": "https://example.com/good-things",
        "target_markets": [Market.THAILAND, Market.MALAYSIA, Market.VIETNAM],
        "ecommerce_maturity": EcommerceMaturity.DOMESTIC,
    },
    {
        "ubn": "22099131",
        "name_zh": "內湖單車配件有限公司",
        "name_en": "Neihu Cycle Parts Ltd.",
        "address": "臺北市內湖區瑞光路100號",
        "district": District.NEIHU,
        "industry": Industry.SPORTS,
        "website": "",
        "target_markets": [Market.INDONESIA, Market.PHILIPPINES],
        "ecommerce_maturity": EcommerceMaturity.STARTED,
    },
    {
        "ubn": "10458575",
        "name_zh": "大稻埕茶行",
        "name_en": "Dadaocheng Tea House",
        "address": "臺北市大同區迪化街一段50號",
        "district": District.DATONG,
        "industry": Industry.AGRICULTURE,
        "website": "",
        "target_markets": [Market.SINGAPORE, Market.MALAYSIA],
        "ecommerce_maturity": EcommerceMaturity.NONE,
    },
]


def _user(*, email, password, stdout, **flags):
    user, created = get_user_model().objects.get_or_create(email=email, defaults=flags)
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
        stdout.write(f"  created {email} (dev-only password: {password})")
    else:
        stdout.write(f"  {email} exists (password unchanged)")
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


@transaction.atomic
def seed(*, stdout) -> None:
    stdout.write("Accounts and companies:")
    _user(email=STAFF_EMAIL, password=STAFF_PASSWORD, stdout=stdout, is_staff=True, is_superuser=True)
    sme = _user(email=SME_EMAIL, password=SME_PASSWORD, stdout=stdout)
    for details in COMPANIES:
        ubn = details["ubn"]
        company, created = Company.objects.get_or_create(
            ubn=ubn, defaults={key: value for key, value in details.items() if key != "ubn"}
        )
        stdout.write(f"  {'created' if created else 'exists:'} company {company}")
    Membership.objects.get_or_create(
        company=Company.objects.get(ubn=COMPANIES[0]["ubn"]), user=sme, defaults={"role": Membership.Role.OWNER}
    )
