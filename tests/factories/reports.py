"""A known cohort for the reports: two programs, four companies, and every fact the reports count, at fixed
dates (used by tests/integration/reports and the reports browser test)."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Workflow, WorkflowState
from wagtail.users.models import UserProfile

from catalog.inquiries.models import Inquiry
from catalog.showcase.models import Product
from coaching.models import Application, Milestone
from payments.models import Payment
from portal.companies.models import Company, Industry
from portal.markets import District
from portal.status import StatusChange
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.coaching import ApplicationFactory, ProgramPageFactory
from tests.factories.companies import CompanyFactory
from tests.factories.inquiries import InquiryFactory
from tests.factories.orders import PaidSampleOrderFactory, SampleOrderFactory, order_payment
from tests.factories.payments import ExchangeRateFactory, PaidPaymentFactory, PaymentFactory
from tests.factories.showcase import CertificateFactory, ProductCategoryFactory, ProductFactory, live_product

TAIPEI = ZoneInfo("Asia/Taipei")
S = Application.Status


def at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=TAIPEI)


# "Now" for every figure that depends on it.
NOW = at(2025, 6, 13, 0)


def _moves(application, steps):
    """Status history at fixed times: the application is created at the first step's time (draft)."""
    content_type = ContentType.objects.get_for_model(Application)
    created = steps[0][1]
    Application.objects.filter(pk=application.pk).update(created_at=created)
    previous = S.DRAFT
    for status, when in steps[1:]:
        StatusChange.objects.create(
            content_type=content_type,
            object_id=application.pk,
            from_status=previous,
            to_status=status,
            created_at=when,
        )
        previous = status
    Application.objects.filter(pk=application.pk).update(status=previous)


def _company(name, district, industry, created, verified=None):
    company = CompanyFactory(name_zh=name, district=district, industry=industry)
    Company.objects.filter(pk=company.pk).update(created_at=created, verified_at=verified)
    company.refresh_from_db()
    return company


def build_cohort():
    """Build the known cohort; returns its companies and programs by name."""
    a = _company("甲公司", District.ZHONGZHENG, Industry.FOOD, at(2025, 1, 10), at(2025, 2, 1))
    b = _company("乙公司", District.DATONG, Industry.BEAUTY, at(2025, 1, 20), at(2025, 2, 15))
    c = _company("丙公司", District.ZHONGZHENG, Industry.FOOD, at(2025, 2, 1))
    d = _company("丁公司", District.DATONG, Industry.FOOD, at(2025, 1, 5))

    starter = ProgramPageFactory(title="Export Starter", opens_at=at(2025, 3, 1), closes_at=at(2025, 4, 1), capacity=2)
    halal = ProgramPageFactory(title="Halal Track", opens_at=at(2026, 3, 1), closes_at=at(2026, 4, 1), capacity=3)

    app_a = ApplicationFactory(program=starter, company=a, fee_paid_at=at(2025, 3, 13))
    _moves(
        app_a,
        [
            (S.DRAFT, at(2025, 3, 1)),
            (S.SUBMITTED, at(2025, 3, 3)),
            (S.IN_REVIEW, at(2025, 3, 5)),
            (S.SHORTLISTED, at(2025, 3, 10)),
            (S.ACCEPTED, at(2025, 3, 12)),
            (S.ENROLLED, at(2025, 3, 14)),
            (S.COMPLETED, at(2025, 6, 12)),
        ],
    )
    app_b = ApplicationFactory(program=starter, company=b)
    _moves(
        app_b,
        [
            (S.DRAFT, at(2025, 3, 2)),
            (S.SUBMITTED, at(2025, 3, 4)),
            (S.IN_REVIEW, at(2025, 3, 6)),
            (S.SHORTLISTED, at(2025, 3, 11)),
            (S.ACCEPTED, at(2025, 3, 13)),
            (S.ENROLLED, at(2025, 3, 15)),
        ],
    )
    app_c = ApplicationFactory(program=starter, company=c)
    _moves(
        app_c,
        [
            (S.DRAFT, at(2025, 3, 2)),
            (S.SUBMITTED, at(2025, 3, 4)),
            (S.IN_REVIEW, at(2025, 3, 8)),
            (S.SHORTLISTED, at(2025, 3, 11)),
            (S.WAITLISTED, at(2025, 3, 13)),
        ],
    )
    app_d = ApplicationFactory(program=starter, company=d)
    _moves(app_d, [(S.DRAFT, at(2025, 3, 3))])
    app_b2 = ApplicationFactory(program=halal, company=b)
    _moves(
        app_b2,
        [
            (S.DRAFT, at(2026, 3, 2)),
            (S.SUBMITTED, at(2026, 3, 3)),
            (S.IN_REVIEW, at(2026, 3, 5)),
            (S.REJECTED, at(2026, 3, 6)),
        ],
    )

    # Coaching outcomes: A's confirmed figures count, B's unconfirmed ones do not.
    ExchangeRateFactory(currency="THB", twd_per_unit="0.9")
    Milestone.objects.create(
        application=app_a,
        kind=Milestone.Kind.FIRST_EXPORT_ORDER,
        achieved_on=datetime.date(2025, 5, 1),
        export_revenue=Decimal("100000"),
        export_revenue_currency="TWD",
        markets_entered=["TH"],
        marketplaces="Shopee",
        export_orders=2,
        jobs_created=1,
        confirmed_at=at(2025, 5, 2),
    )
    Milestone.objects.create(
        application=app_a,
        kind=Milestone.Kind.MARKETPLACE_STORE,
        achieved_on=datetime.date(2025, 6, 1),
        export_revenue=Decimal("5000"),
        export_revenue_currency="THB",
        markets_entered=["TH", "MY"],
        marketplaces="Shopee, Lazada",
        export_orders=1,
        jobs_created=1,
        confirmed_at=at(2025, 6, 2),
    )
    Milestone.objects.create(
        application=app_b,
        kind=Milestone.Kind.FIRST_EXPORT_ORDER,
        achieved_on=datetime.date(2025, 5, 1),
        export_revenue=Decimal("9999"),
        export_revenue_currency="TWD",
        export_orders=5,
    )

    # Showcase: A has one live product (Snacks) and one waiting for moderation (Teas) since 2025-06-03.
    snacks = ProductCategoryFactory(slug="snacks", name_en="Snacks", name_zh_hant="零食")
    teas = ProductCategoryFactory(slug="teas", name_en="Teas", name_zh_hant="茶")
    live = live_product(company=a, category=snacks, with_image=False)
    pending = ProductFactory(company=a, category=teas)
    moderator = StaffFactory()
    pending.save_revision(user=moderator)
    Workflow.objects.get(name="Showcase moderation").start(pending, moderator)
    WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Product), object_id=str(pending.pk)
    ).update(created_at=at(2025, 6, 3))
    ProductFactory(company=b, category=snacks)  # a draft: neither live nor pending
    Product.objects.filter(pk__in=[live.pk, pending.pk]).update(created_at=at(2025, 4, 1))
    CertificateFactory(company=a, valid_from=datetime.date(2024, 6, 1), valid_until=datetime.date(2025, 6, 20))
    CertificateFactory(company=a, valid_from=datetime.date(2024, 6, 1), valid_until=datetime.date(2025, 8, 1))

    # Inquiries to A: answered across the National Day holiday (Fri 2025-10-10) within a working day, one
    # answered in four, one unconfirmed, one confirmed and never answered. B: one unconfirmed.
    InquiryFactory(
        company=a,
        created_at=at(2025, 10, 9, 9),
        email_confirmed_at=at(2025, 10, 9, 10),
        first_replied_at=at(2025, 10, 13, 9),
        status=Inquiry.Status.ANSWERED,
    )
    InquiryFactory(
        company=a,
        created_at=at(2025, 10, 13, 9),
        email_confirmed_at=at(2025, 10, 13, 10),
        first_replied_at=at(2025, 10, 17, 11),
        status=Inquiry.Status.ANSWERED,
    )
    InquiryFactory(company=a, created_at=at(2025, 10, 14), email_confirmed_at=None, status=Inquiry.Status.UNCONFIRMED)
    InquiryFactory(company=a, created_at=at(2025, 10, 15, 9), email_confirmed_at=at(2025, 10, 15, 10))
    InquiryFactory(company=b, created_at=at(2025, 10, 15), email_confirmed_at=None, status=Inquiry.Status.UNCONFIRMED)

    # Money: A sold a TWD sample (paid) and a THB one (paid, 1,000 THB refunded); B's order is unpaid; A paid
    # its program fee.
    PaidSampleOrderFactory(company=a, items=False)
    thb = SampleOrderFactory(company=a, currency="THB", amount_minor=500000, items=False)
    order_payment(thb, status=Payment.Status.PARTIALLY_REFUNDED, amount_refunded_minor=100000)
    unpaid = SampleOrderFactory(company=b, items=False)
    order_payment(unpaid, factory=PaymentFactory)
    PaidPaymentFactory(target=app_a, amount_minor=200000, currency="TWD")

    return {"a": a, "b": b, "c": c, "d": d, "starter": starter, "halal": halal}


def staff_in(group_name):
    """A staff member of the group whose admin speaks English."""
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save(update_fields=["preferred_language"])
    return user
