"""Report benchmark: each of the bureau's reports rendered on a large demo (5,000 companies, 20,000 products).

    DATABASE_URL=postgres://portal:portal-test-only@127.0.0.1:5432/portal .venv/bin/python bench/reports.py

Builds the large demo with bulk inserts in a throw-away database (`BENCH_DB`, default `bench_reports`, or a
temporary SQLite file), created and dropped here: BENCH_COMPANIES companies (default 5,000) in every district
and industry, BENCH_PRODUCTS products (default 20,000; four in five live), six programs over three cohort
years with applications in every status and their status history, certificates, inquiries with reply times,
paid and refunded sample orders and program fees, and confirmed coaching outcomes. Then a superuser requests
each report (`/admin/bureau-reports/<report>/`) through Django's test client, unfiltered and filtered by a
cohort, BENCH_ROUNDS times each (default 10), and the CSV/XLSX export once; prints p50 / p95 / max in ms and
the number of SQL queries of one render. Nothing is asserted.
"""

import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

QUEUE_ONLY = override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
COMPANIES = int(os.environ.get("BENCH_COMPANIES", "5000"))
PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "20000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
WEIGHTS = (1, 2, 1, 2, 1, 2, 4, 1)


def make_database():
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["TEST"]["NAME"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    else:
        database["TEST"]["NAME"] = os.environ.get("BENCH_DB", "bench_reports")
    old_name = database["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return lambda: connection.creation.destroy_test_db(old_name, verbosity=0)


def ubn(n):
    head = f"{n % 10**7:07d}"
    products = (int(digit) * weight for digit, weight in zip(head, WEIGHTS[:7], strict=True))
    total = sum(product // 10 + product % 10 for product in products)
    return head + str((-total) % 5)


def build(rng):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    from catalog.inquiries.models import Inquiry
    from catalog.orders.models import SampleOrder
    from catalog.showcase.models import Certificate, Product, ProductCategory
    from coaching.models import Application, Milestone, ProgramIndexPage, ProgramPage
    from payments.models import ExchangeRate, Payment
    from portal.companies.models import Company, Industry
    from portal.markets import District
    from portal.status import StatusChange

    zone = timezone.get_current_timezone()
    start = datetime.datetime(2024, 1, 1, 9, tzinfo=zone)

    def moment(days):
        return start + datetime.timedelta(days=days, hours=rng.randrange(0, 9))

    districts, industries = District.values, Industry.values
    companies = Company.objects.bulk_create(
        Company(
            name_zh=f"示範企業{n:05d}",
            name_en=f"Demo Company {n:05d}",
            ubn=ubn(2_000_000 + n),
            address="臺北市信義區市府路1號",
            district=districts[n % len(districts)],
            industry=industries[n % len(industries)],
            verified_at=moment(30 + n % 600) if n % 5 else None,
        )
        for n in range(COMPANIES)
    )
    Company.objects.update(created_at=start)
    root = Page.get_first_root_node()
    index = root.add_child(instance=ProgramIndexPage(title="Programs", slug="bench-programs"))
    programs = []
    for year in (2024, 2025, 2026):
        for name in ("Export Starter", "Halal Track"):
            opens = datetime.datetime(year, 3, 1, tzinfo=zone)
            programs.append(
                index.add_child(
                    instance=ProgramPage(
                        title=f"{name} {year}",
                        slug=f"bench-{name.lower().replace(' ', '-')}-{year}",
                        summary="Coaching.",
                        opens_at=opens,
                        closes_at=opens + datetime.timedelta(days=30),
                        capacity=400,
                    )
                )
            )
    S = Application.Status
    paths = [
        [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.ACCEPTED, S.ENROLLED, S.COMPLETED],
        [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.ACCEPTED, S.ENROLLED],
        [S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.WAITLISTED],
        [S.SUBMITTED, S.IN_REVIEW, S.REJECTED],
        [S.SUBMITTED],
        [],
    ]
    applications, histories = [], []
    for n, company in enumerate(companies[: COMPANIES * 3 // 5]):
        program = programs[n % len(programs)]
        path = paths[n % len(paths)]
        applications.append(
            Application(program=program, company=company, status=path[-1] if path else S.DRAFT, language="en")
        )
        histories.append(path)
    applications = Application.objects.bulk_create(applications)
    content_type = ContentType.objects.get_for_model(Application)
    changes = []
    for application, path in zip(applications, histories, strict=True):
        when = application.program.opens_at
        previous = S.DRAFT
        for status in path:
            when += datetime.timedelta(days=rng.randrange(1, 12))
            changes.append(
                StatusChange(
                    content_type=content_type,
                    object_id=application.pk,
                    from_status=previous,
                    to_status=status,
                    created_at=when,
                )
            )
            previous = status
    StatusChange.objects.bulk_create(changes, batch_size=5000)
    enrolled = [a for a in applications if a.status in (S.ENROLLED, S.COMPLETED)]
    Milestone.objects.bulk_create(
        Milestone(
            application=application,
            kind=Milestone.Kind.FIRST_EXPORT_ORDER,
            achieved_on=datetime.date(application.program.opens_at.year, 9, 1),
            export_revenue=Decimal(rng.randrange(10_000, 2_000_000)),
            export_revenue_currency=rng.choice(["TWD", "THB", "MYR"]),
            markets_entered=["TH", "MY"],
            marketplaces="Shopee, Lazada",
            export_orders=rng.randrange(1, 40),
            jobs_created=rng.randrange(0, 5),
            confirmed_at=application.program.opens_at + datetime.timedelta(days=200) if n % 3 else None,
        )
        for n, application in enumerate(enrolled)
    )
    parent = ProductCategory.objects.create(slug="bench", path="bench", name_zh_hant="基準", name_en="Bench")
    categories = [
        ProductCategory.objects.create(
            parent=parent, slug=f"c{n}", path=f"bench/c{n}", name_zh_hant=f"分類{n}", name_en=f"Category {n}"
        )
        for n in range(12)
    ]
    Product.objects.bulk_create(
        (
            Product(
                company=companies[n % COMPANIES],
                sku=f"B-{n:06d}",
                name_zh_hant=f"商品{n}",
                name_en=f"Product {n}",
                description_zh_hant="說明",
                description_en="Description",
                category=categories[n % len(categories)],
                price_twd=Decimal(100 + n % 900),
                hs_code="190590",
                live=n % 5 != 0,
            )
            for n in range(PRODUCTS)
        ),
        batch_size=2000,
    )
    today = timezone.localdate()
    Certificate.objects.bulk_create(
        Certificate(
            company=companies[n],
            certificate_type="HALAL",
            issuer="JAKIM",
            number=f"HL-{n:05d}",
            valid_from=today - datetime.timedelta(days=300),
            valid_until=today + datetime.timedelta(days=n % 90),
            recognised_markets=["MY"],
        )
        for n in range(0, COMPANIES, 2)
    )
    inquiries = []
    for n in range(PRODUCTS):
        confirmed = moment(rng.randrange(0, 1000)) if n % 7 else None
        replied = confirmed + datetime.timedelta(hours=rng.randrange(1, 150)) if confirmed and n % 3 else None
        inquiries.append(
            Inquiry(
                company=companies[(n * 7) % COMPANIES],
                buyer_name=f"Buyer {n}",
                country="TH",
                email=f"buyer{n}@example.com",
                message="Please quote.",
                consent=True,
                created_at=confirmed or moment(5),
                email_confirmed_at=confirmed,
                first_replied_at=replied,
                status="answered" if replied else ("open" if confirmed else "unconfirmed"),
            )
        )
    Inquiry.objects.bulk_create(inquiries, batch_size=5000)
    orders = SampleOrder.objects.bulk_create(
        SampleOrder(
            reference=f"SO-B-{n:06d}",
            company=companies[(n * 3) % COMPANIES],
            buyer_name="Buyer",
            buyer_company="Buyer Co.",
            buyer_email=f"o{n}@example.com",
            shipping_address="Bangkok",
            country="TH",
            currency="THB" if n % 2 else "TWD",
            amount_minor=150000,
            language="en",
            checkout_key=f"bench-{n}",
        )
        for n in range(4000)
    )
    ExchangeRate.objects.create(currency="THB", twd_per_unit="0.9")
    ExchangeRate.objects.create(currency="MYR", twd_per_unit="7.1")
    order_type = ContentType.objects.get_for_model(SampleOrder)
    Payment.objects.bulk_create(
        Payment(
            purpose="sample_order",
            content_type=order_type,
            object_id=order.pk,
            description=order.reference,
            amount_minor=order.amount_minor,
            currency=order.currency,
            status=("paid", "refunded", "pending", "partially_refunded")[n % 4],
            amount_refunded_minor=(0, 150000, 0, 50000)[n % 4],
            paid_at=moment(400) if n % 4 != 2 else None,
        )
        for n, order in enumerate(orders)
    )
    Payment.objects.bulk_create(
        Payment(
            purpose="program_fee",
            content_type=content_type,
            object_id=application.pk,
            description="Program fee",
            amount_minor=150000,
            currency="TWD",
            status="paid",
            paid_at=moment(300),
        )
        for application in enrolled
    )
    return {"companies": len(companies), "products": PRODUCTS, "applications": len(applications)}


def measure(client, url, params):
    client.get(url, params)  # warm the templates and the caches of this URL
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, times[-1], len(queries)


@QUEUE_ONLY
def main():
    from django.test import Client
    from django.urls import reverse

    from reports.views import REPORTS
    from tests.factories.accounts import StaffFactory

    drop = make_database()
    try:
        rng = random.Random(17)
        started = time.perf_counter()
        sizes = build(rng)
        print(
            f"{connection.vendor}: {sizes['companies']:,} companies, {sizes['products']:,} products, "
            f"{sizes['applications']:,} applications (built in {time.perf_counter() - started:.0f} s)"
        )
        client = Client()
        client.force_login(StaffFactory(admin_language="en"))
        print(f"{'report':14} {'filter':8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
        for report in REPORTS:
            url = reverse(f"reports_{report.slug}")
            for label, params in (("none", {}), ("cohort", {"cohort": 2025})):
                p50, p95, worst, queries = measure(client, url, params)
                print(f"{report.slug:14} {label:8} {p50:8.1f} {p95:8.1f} {worst:8.1f} {queries:8d}")
        for report in REPORTS:
            url = reverse(f"reports_{report.slug}")
            for export in ("csv", "xlsx"):
                started = time.perf_counter()
                response = client.get(url, {"export": export})
                body = b"".join(response.streaming_content) if response.streaming else response.content
                elapsed = (time.perf_counter() - started) * 1000
                print(f"{report.slug:14} {export:8} {elapsed:8.1f} ms  ({len(body):,} bytes)")
    finally:
        drop()


if __name__ == "__main__":
    main()
