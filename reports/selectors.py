"""The figures of each report, composed from the selectors of the apps that own the data.

A ``Scope`` is what the filters chose: the companies (district, industry), the program or cohort, the period
[start, end). For the reports outside coaching, a program or cohort narrows the companies to those that sent
it an application.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from catalog.inquiries import selectors as inquiries
from catalog.orders import selectors as orders
from catalog.orders.models import SampleOrder
from catalog.showcase import selectors as showcase
from catalog.sourcing import selectors as sourcing
from coaching import selectors as coaching
from coaching.models import Application, ProgramPage
from payments import selectors as payments
from payments.models import Payment
from portal.companies import selectors as companies
from portal.companies.models import Company


@dataclass(frozen=True)
class Scope:
    companies: QuerySet
    program: ProgramPage | None = None
    cohort: int | None = None
    start: datetime | None = None
    end: datetime | None = None

    @property
    def applicants(self):
        """The companies, narrowed to the applicants of the program or cohort when one is chosen."""
        if self.program is None and self.cohort is None:
            return self.companies
        return self.companies.filter(pk__in=coaching.applicant_company_ids(program=self.program, cohort=self.cohort))


def applications(scope, *, now=None):
    return coaching.application_funnel(
        companies=scope.companies,
        program=scope.program,
        cohort=scope.cohort,
        start=scope.start,
        end=scope.end,
        now=now,
    )


def companies_overview(scope, *, now=None):
    return companies.companies_report(companies=scope.applicants, start=scope.start, end=scope.end, now=now)


def showcase_overview(scope, *, now=None):
    return showcase.showcase_report(companies=scope.applicants, start=scope.start, end=scope.end, now=now)


def inquiries_overview(scope):
    return inquiries.inquiry_report(companies=scope.applicants, start=scope.start, end=scope.end)


def rfq_overview(scope):
    """Requests for quotation posted in the period; matches, quotes and decisions of the suppliers in scope."""
    return sourcing.sourcing_report(companies=scope.applicants, start=scope.start, end=scope.end)


def money(scope):
    """Sample orders (of the suppliers in scope) and program fees (of their applications), per currency."""
    rows = []
    for purpose, model, ids in (
        (Payment.Purpose.SAMPLE_ORDER, SampleOrder, orders.sample_order_ids(companies=scope.applicants)),
        (
            Payment.Purpose.PROGRAM_FEE,
            Application,
            coaching.fee_application_ids(companies=scope.companies, program=scope.program, cohort=scope.cohort),
        ),
    ):
        for row in payments.payment_summary(
            model=model, purpose=purpose, object_ids=ids, start=scope.start, end=scope.end
        ):
            rows.append({"purpose": purpose, "purpose_label": Payment.Purpose(purpose).label, **row})
    return rows


FUNNEL = ("companies", "verified", "listed", "inquiry", "paid_sample", "export_outcome")


def outcome_funnel(scope):
    """Per cohort year: the companies enrolled in its programs, and how many of them are verified, have a
    live listing, received a confirmed inquiry, had a paid sample order and have a confirmed export outcome
    (events in the period when one is chosen). Each stage counts the cohort's companies with that fact, and
    ``companies`` lists who is behind each number, with their confirmed coaching figures."""
    members = coaching.cohort_members(companies=scope.companies, program=scope.program, cohort=scope.cohort)
    ids = {company_id for _year, company_id in members}
    facts = {
        "verified": companies.verified_company_ids(company_ids=ids, end=scope.end),
        "listed": showcase.companies_with_live_products(company_ids=ids),
        "inquiry": inquiries.companies_with_inquiries(company_ids=ids, start=scope.start, end=scope.end),
        "paid_sample": orders.companies_with_paid_samples(company_ids=ids, start=scope.start, end=scope.end),
        "export_outcome": coaching.companies_with_export_outcome(company_ids=ids, start=scope.start, end=scope.end),
    }
    figures = coaching.outcome_figures(company_ids=ids, start=scope.start, end=scope.end)
    rates = payments.twd_rates()
    names = {company.pk: company for company in Company.objects.filter(pk__in=ids)}
    years, rows = {}, []
    for year, company_id in members:
        stage = years.setdefault(year, dict.fromkeys(FUNNEL, 0))
        stage["companies"] += 1
        company = names[company_id]
        flags = {name: company_id in members_with for name, members_with in facts.items()}
        for name, reached in flags.items():
            stage[name] += reached
        outcome = figures.get(company_id, {"revenue": {}, "orders": 0, "jobs": 0, "markets": [], "marketplaces": []})
        rows.append(
            {
                "cohort": year,
                "company": company.name_zh,
                "ubn": company.ubn,
                "district": company.get_district_display(),
                "industry": company.get_industry_display(),
                **flags,
                "export_revenue_twd": payments.total_in_twd(outcome["revenue"], rates=rates),
                "export_revenue": ", ".join(
                    f"{amount:,.2f} {code}" for code, amount in sorted(outcome["revenue"].items())
                ),
                "export_orders": outcome["orders"],
                "jobs_created": outcome["jobs"],
                "markets_entered": ", ".join(outcome["markets"]),
                "marketplaces": ", ".join(outcome["marketplaces"]),
            }
        )
    summary = [{"cohort": year, **stages} for year, stages in sorted(years.items())]
    return {"summary": summary, "companies": rows}
