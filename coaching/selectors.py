"""Permission-scoped reads shared by the applicant views, the admin views and the program pages."""

from collections import defaultdict
from statistics import mean

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, Q
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant

from payments.models import Payment
from payments.selectors import payment_for
from payments.stripe_client import stripe_configured
from portal import locales
from portal.companies.models import Company, Industry
from portal.home.featured import FeaturedItem
from portal.markets import District
from portal.status import StatusChange
from portal.templatetags.moments import zone_label
from portal.versioned import Versioned

from . import questions as q
from .models import Application, ApplicationDocument, Milestone, ProgramPage, Review

S = Application.Status

APPLICANT_MOVES = {S.SUBMITTED, S.RESUBMITTED}
MANAGER_MOVES = {S.IN_REVIEW, S.CHANGES_REQUESTED, S.SHORTLISTED, S.ENROLLED, S.COMPLETED, S.WITHDRAWN}
DECIDER_MOVES = {S.ACCEPTED, S.WAITLISTED, S.REJECTED}


# Applicants -------------------------------------------------------------------------------------


def companies_for(user):
    return Company.objects.for_user(user)


def applications_for_member(user):
    return (
        Application.objects.filter(company__in=companies_for(user))
        .select_related("program", "company")
        .prefetch_related("history")
    )


def listed_applications_for_member(user):
    """The applications of the user's companies, newest first, each with ``program_title``: the program's
    title in the active language, found for all of them in one query."""
    applications = list(applications_for_member(user).order_by("-created_at"))
    titles = localized_titles({application.program for application in applications})
    for application in applications:
        application.program_title = titles[application.program_id]
    return applications


def application_for_member(user, pk):
    """The application if the user is a member of its company; 404 otherwise (no hint that it exists)."""
    return get_object_or_404(applications_for_member(user), pk=pk)


def application_for_program(user, program):
    """The user's companies' application to a program (any language version), or None."""
    if not user.is_authenticated:
        return None
    return applications_for_member(user).filter(program=program.canonical).first()


def _live_translations(programs, *fields):
    """{program pk: (``fields`` of its live translation in the active language)} for default-language programs
    that have one, in one query."""
    keys = {program.translation_key: program.pk for program in programs}
    translated = ProgramPage.objects.live().filter(translation_key__in=keys, locale=locales.active())
    return {keys[key]: values for key, *values in translated.values_list("translation_key", *fields)}


def _titles(programs, translated):
    return {program.pk: translated.get(program.pk, (program.title,))[0] for program in programs}


def localized_titles(programs):
    """{program pk: its title in the active language} for default-language programs, in one query; a program
    without a live translation keeps its own title. Staff read program names in their admin language."""
    programs = list(programs)
    return _titles(programs, _live_translations(programs, "title"))


def program_for_display(application):
    """The program in the reader's language when its questions match the original; the original otherwise."""
    canonical = application.program
    page = canonical.localized
    if page.pk != canonical.pk and q.question_ids(page) != q.question_ids(canonical):
        return canonical
    return page


def answer_sections(application, page):
    """The answers as readable rows grouped by section, and the documents."""
    result = []
    for section in q.sections(page):
        rows = [
            {"question": question, "answer": q.display(question, application.answers.get(question.id))}
            for question in section.questions
        ]
        result.append({"section": section, "rows": rows})
    return result, list(application.documents.all())


def program_fee_state(application):
    """Where the program fee stands, for the applicant's page and the staff review screen; None when free.

    ``state`` is "waived", "paid", "processing" (a checkout was started, Stripe has not confirmed it) or
    "unpaid"; ``can_pay`` says whether the company may start a checkout now (accepted, fee due, Stripe set up).
    """
    program = application.program
    if program.fee <= 0:
        return None
    payment = payment_for(application, purpose=Payment.Purpose.PROGRAM_FEE)
    if application.fee_waived_at:
        state = "waived"
    elif application.fee_paid_at:
        state = "paid"
    elif payment is not None and payment.status == Payment.Status.PENDING and payment.stripe_checkout_session_id:
        state = "processing"
    else:
        state = "unpaid"
    online = stripe_configured()
    return {
        "state": state,
        "fee": program.fee_display,
        "payment": payment,
        "online": online,
        "can_pay": online and application.status == S.ACCEPTED and application.fee_due,
    }


# Staff ------------------------------------------------------------------------------------------


def is_manager(user):
    return user.is_active and user.has_perm("coaching.manage_applications")


def is_decider(user):
    return user.is_active and user.has_perm("coaching.decide_application")


def is_reviewer(user):
    return user.is_active and user.has_perm("coaching.review_application")


def can_use_review_admin(user):
    return is_manager(user) or is_decider(user) or is_reviewer(user)


def applications_for_staff(user):
    """Submitted applications the staff member may see: all for managers and decision makers, assigned ones
    for reviewers, none for anybody else. Drafts stay private to the company."""
    applications = Application.objects.exclude(status=S.DRAFT).select_related("program", "company")
    if is_manager(user) or is_decider(user):
        return applications
    if is_reviewer(user):
        return applications.filter(
            Q(reviewer_assignments__reviewer=user) | Q(program__reviewer_assignments__reviewer=user)
        ).distinct()
    return applications.none()


def is_assigned_reviewer(application, user):
    return (
        application.reviewer_assignments.filter(reviewer=user).exists()
        or application.program.reviewer_assignments.filter(reviewer=user).exists()
    )


def allowed_staff_transitions(application, user):
    """The moves this staff member may make now; the admin offers only these."""
    allowed = []
    for status in application.allowed_transitions():
        if (status in DECIDER_MOVES and is_decider(user)) or (status in MANAGER_MOVES and is_manager(user)):
            allowed.append(status)
    return allowed


def reviewers():
    """Users who may be assigned as reviewers."""
    User = get_user_model()
    perm = Q(groups__permissions__codename="review_application") | Q(user_permissions__codename="review_application")
    return User.objects.filter(is_active=True).filter(perm | Q(is_superuser=True)).distinct().order_by("email")


def review_summary(application, *, criteria=None, reviews=None):
    """Each reviewer's weighted score, the average and the spread (highest minus lowest). ``criteria`` (the
    program's) and ``reviews`` (the application's, by pk) when the caller has read them for several
    applications at once."""
    criteria = application.program.criteria() if criteria is None else criteria
    if reviews is None:
        reviews = application.reviews.select_related("reviewer").order_by("pk")
    rows = [{"review": review, "score": review.weighted_score(criteria)} for review in reviews]
    scores = [row["score"] for row in rows if row["score"] is not None]
    return {
        "criteria": criteria,
        "rows": rows,
        "average": round(mean(scores), 2) if scores else None,
        "spread": round(max(scores) - min(scores), 2) if scores else None,
        "count": len(scores),
    }


def _criteria(programs, translated, position):
    names = {pk: {block.id: block.value["name"] for block in values[position]} for pk, values in translated.items()}
    return {
        program.pk: [
            {
                "id": block.id,
                "name": names.get(program.pk, {}).get(block.id) or block.value["name"],
                "weight": block.value["weight"] or 1,
            }
            for block in program.rubric
        ]
        for program in programs
    }


def program_criteria(programs):
    """{program pk: its scoring rubric, as ``ProgramPage.criteria`` gives it} for default-language programs:
    ids and weights of the program, names of its live translation in the active language where that has the
    same criterion; the translations of all of them in one query."""
    programs = list(programs)
    return _criteria(programs, _live_translations(programs, "rubric"), 0)


def average_scores(applications, *, criteria=None):
    """{application pk: average weighted score or None} for a list of applications: their reviews (only what
    a score needs) in one query, the programs' criteria (``program_criteria``, or read here) once."""
    applications = list(applications)
    reviews = defaultdict(list)
    scored = Review.objects.filter(application__in=applications).only("application", "scores", "conflict_of_interest")
    for review in scored.order_by("pk"):
        reviews[review.application_id].append(review)
    if criteria is None:
        criteria = program_criteria({application.program for application in applications})
    return {
        application.pk: review_summary(
            application, criteria=criteria[application.program_id], reviews=reviews[application.pk]
        )["average"]
        for application in applications
    }


REVIEW_LIST_FIELDS = ("reference", "status", "submitted_at", "program", "company__name_zh")
REVIEW_LIST_FIELDS += ("company__district", "company__industry")


def review_list(applications):
    """The staff review list: ``applications`` (from ``applications_for_staff``, filtered) newest first, with
    only the columns the list shows (not the answers, nor the program pages: ``review_rows`` reads those)."""
    return (
        applications.select_related(None)
        .select_related("company")
        .only(*REVIEW_LIST_FIELDS)
        .order_by("-submitted_at", "-pk")
    )


def review_rows(applications):
    """The rows of one page of ``review_list``: each application with its average score, its status label, its
    program's title in the active language and its company's district and industry labels (each label
    translated once, not once per row); the programs, their translations and the reviews in one query each,
    whatever the number of rows."""
    applications = list(applications)
    programs = ProgramPage.objects.filter(pk__in={application.program_id for application in applications})
    programs = list(programs.only("title", "translation_key", "locale", "rubric"))
    titles = _titles(programs, _live_translations(programs, "title"))
    # The scores need the criteria's ids and weights only: the program's own, not its translation's names.
    scores = average_scores(applications, criteria=_criteria(programs, {}, 0))
    statuses = {value: str(label) for value, label in S.choices}
    districts = {value: str(label) for value, label in District.choices}
    industries = {value: str(label) for value, label in Industry.choices}
    return [
        {
            "application": application,
            "score": scores[application.pk],
            "status": statuses.get(application.status, application.status),
            "program": titles[application.program_id],
            "district": districts.get(application.company.district, application.company.district),
            "industry": industries.get(application.company.industry, application.company.industry),
        }
        for application in applications
    ]


def waitlist_suggestion(program):
    """The best-scored waitlisted application when the program has a free place, else None."""
    if program.places_taken() >= program.capacity:
        return None
    waitlisted = list(program.applications.filter(status=S.WAITLISTED).select_related("company", "program"))
    if not waitlisted:
        return None
    scores = average_scores(waitlisted)
    return max(waitlisted, key=lambda a: (scores[a.pk] is not None, scores[a.pk] or 0, -a.pk))


# Completeness -----------------------------------------------------------------------------------

COMPANY_REQUIRED = {
    "contact_name": _("Contact person"),
    "contact_email": _("Contact e-mail"),
    "contact_phone": _("Contact phone"),
}
COMPANY_DETAILS_REQUIRED = ("name_zh", "address", "district", "industry")


def _company_missing(application):
    missing = [label for field, label in COMPANY_REQUIRED.items() if not getattr(application, field)]
    if any(not application.company_details.get(key) for key in COMPANY_DETAILS_REQUIRED):
        missing.append(_("Company details"))
    return missing


def _status(answered, required_missing):
    if required_missing:
        return "in_progress" if answered else "not_started"
    return "completed"


def task_list(application, page=None):
    """The GOV.UK-style task list: each task with its URL, status and the required items still missing."""
    page = page or program_for_display(application)
    pk = application.pk
    tasks = []
    company_missing = _company_missing(application)
    tasks.append(
        {
            "title": _("Company and contact details"),
            "url": reverse("coaching:company", args=[pk]),
            "status": "completed" if not company_missing else "in_progress",
            "missing": [{"label": label, "url": reverse("coaching:company", args=[pk])} for label in company_missing],
        }
    )
    for section in q.sections(page):
        url = reverse("coaching:section", args=[pk, section.number])
        missing = [
            {"label": question.label, "url": f"{url}#id_{question.field_name}"}
            for question in section.questions
            if question.required and not q.is_answered(application.answers.get(question.id))
        ]
        answered = any(q.is_answered(application.answers.get(question.id)) for question in section.questions)
        tasks.append({"title": section.title, "url": url, "status": _status(answered, missing), "missing": missing})
    documents_url = reverse("coaching:documents", args=[pk])
    uploaded = set(application.documents.values_list("question_id", flat=True))
    missing = [
        {"label": question.label, "url": documents_url}
        for question in q.file_questions(page)
        if question.required and question.id not in uploaded
    ]
    tasks.append(
        {
            "title": _("Supporting documents"),
            "url": documents_url,
            "status": _status(bool(uploaded), missing),
            "missing": missing,
        }
    )
    declaration_url = reverse("coaching:declaration", args=[pk])
    missing = [] if application.consent_at else [{"label": _("Declaration and consent"), "url": declaration_url}]
    tasks.append(
        {
            "title": _("Declaration and personal-data consent"),
            "url": declaration_url,
            "status": "completed" if application.consent_at else "not_started",
            "missing": missing,
        }
    )
    return tasks


def missing_items(application, page=None):
    return [item for task in task_list(application, page) for item in task["missing"]]


def document_for_user(user, pk):
    """A document the user may download: their company's, or one from an application they may review."""
    documents = ApplicationDocument.objects.select_related("application")
    if not user.is_authenticated:
        return get_object_or_404(documents.none(), pk=pk)
    allowed = Q(application__company__in=companies_for(user)) | Q(application__in=applications_for_staff(user))
    return get_object_or_404(documents.filter(allowed), pk=pk)


def programs_to_feature(*, chosen, limit):
    """The home page's programs in the active language: those staff chose that are live and not closed, then
    the open ones with the soonest deadline, then the next to open."""
    now = timezone.now()
    programs = ProgramPage.objects.live().filter(locale=locales.active()).defer_streamfields()
    picked = []
    for page in chosen:
        program = page.specific if page is not None else None
        if not isinstance(program, ProgramPage):
            continue
        program = program.localized
        if program.live and program.closes_at > now and program not in picked:
            picked.append(program)
    for program in [*programs.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at", "pk")[:limit]] + [
        *programs.filter(opens_at__gt=now).order_by("opens_at", "pk")[:limit]
    ]:
        if program not in picked:
            picked.append(program)

    def deadline(program):
        when = timezone.localtime(program.opens_at if program.opens_at > now else program.closes_at)
        text = f"{date_format(when, 'DATETIME_FORMAT')} {zone_label(when)}"
        if program.opens_at > now:
            return _("Applications open %(date)s") % {"date": text}
        return _("Apply by %(date)s") % {"date": text}

    return [
        FeaturedItem(title=program.title, url=program.url, text=program.summary, meta=[deadline(program)])
        for program in picked[:limit]
    ]


def next_opening_or_closing():
    """The next moment a live program opens or closes (the home page's programs change then), or None."""
    now = timezone.now()
    live = ProgramPage.objects.live()
    moments = [
        live.filter(opens_at__gt=now).aggregate(first=Min("opens_at"))["first"],
        live.filter(closes_at__gt=now).aggregate(first=Min("closes_at"))["first"],
    ]
    return min((moment for moment in moments if moment is not None), default=None)


# Reports ----------------------------------------------------------------------------------------
#
# Read by the bureau's reports (the ``reports`` app). A cohort is the year a program's applications open in;
# ``companies`` is a Company queryset the caller has already filtered (district, industry…); ``start``/``end``
# bound the period, [start, end), either may be None.

FUNNEL_STAGES = (S.DRAFT, S.SUBMITTED, S.IN_REVIEW, S.ACCEPTED, S.ENROLLED, S.COMPLETED)
TIMED_STATUSES = (S.SUBMITTED, S.IN_REVIEW, S.SHORTLISTED, S.WAITLISTED, S.ACCEPTED, S.ENROLLED)
COHORT_STATUSES = (S.ENROLLED, S.COMPLETED)


def default_language_programs():
    """Programs in the default language (applications always point to these), their locale matched in the
    same query (``Locale.get_default()`` would read it first, at every use)."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return ProgramPage.objects.filter(locale__language_code=language).defer_streamfields()


def report_programs():
    """Programs in the default language, oldest intake first."""
    return default_language_programs().order_by("opens_at", "pk")


def cohort_years(programs):
    """The years ``programs`` (``report_programs``, read by the caller) opened for applications in, oldest
    first, in the current time zone."""
    return sorted({timezone.localtime(program.opens_at).year for program in programs})


def _in_period(queryset, field, start, end):
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end is not None:
        queryset = queryset.filter(**{f"{field}__lt": end})
    return queryset


def cohort_applications(*, program=None, cohort=None):
    applications = Application.objects.all()
    if program is not None:
        applications = applications.filter(program=program)
    if cohort is not None:
        applications = applications.filter(program__opens_at__year=cohort)
    return applications


def applicant_company_ids(*, program=None, cohort=None):
    """Pks of the companies that sent an application (drafts do not count) to the program or cohort."""
    return cohort_applications(program=program, cohort=cohort).exclude(status=S.DRAFT).values("company_id")


def _status_timeline(applications, now):
    """{application pk: [(status, entered at)…]} from the shared status history, oldest first."""
    content_type = ContentType.objects.get_for_model(Application)
    timeline = {row["pk"]: [(S.DRAFT, row["created_at"])] for row in applications}
    changes = (
        StatusChange.objects.filter(content_type=content_type, object_id__in=list(timeline))
        .order_by("object_id", "created_at", "pk")
        .values_list("object_id", "to_status", "created_at")
    )
    for object_id, status, at in changes:
        timeline[object_id].append((status, at))
    return timeline


def application_funnel(*, companies, program=None, cohort=None, start=None, end=None, now=None):
    """One row per program: applications started in the period by ``companies``, how many reached each
    funnel stage (an application that went on counts for every stage it passed), the mean days spent in each
    status, and the program's own filling (places taken, left, waitlisted — all its applications, whatever
    the filters)."""
    now = now or timezone.now()
    applications = _in_period(
        cohort_applications(program=program, cohort=cohort).filter(company__in=companies), "created_at", start, end
    )
    rows_in = list(applications.values("pk", "program_id", "status", "created_at"))
    timeline = _status_timeline(rows_in, now)
    programs = report_programs().filter(pk__in={row["program_id"] for row in rows_in})
    programs = {p.pk: p for p in programs.only("title", "opens_at", "capacity")}
    holding, waiting = {}, {}
    for program_id, taken, waitlisted in (
        Application.objects.filter(program__in=list(programs))
        .values("program_id")
        .annotate(
            taken=Count("pk", filter=Q(status__in=Application.HOLDS_A_PLACE)),
            waitlisted=Count("pk", filter=Q(status=S.WAITLISTED)),
        )
        .values_list("program_id", "taken", "waitlisted")
    ):
        holding[program_id], waiting[program_id] = taken, waitlisted
    per_program = {}
    for row in rows_in:
        entry = per_program.setdefault(
            row["program_id"],
            {"applications": 0, "reached": dict.fromkeys(FUNNEL_STAGES, 0), "days": {s: [] for s in TIMED_STATUSES}},
        )
        entry["applications"] += 1
        steps = timeline[row["pk"]]
        reached = {status for status, _at in steps}
        for stage in FUNNEL_STAGES:
            if stage in reached:
                entry["reached"][stage] += 1
        for (status, entered), following in zip(steps, steps[1:] + [(None, None)], strict=True):
            if status not in entry["days"]:
                continue
            left = following[1] if following[0] is not None else (now if row["status"] == status else None)
            if left is not None:
                entry["days"][status].append((left - entered).total_seconds() / 86400)
    report = []
    for program_id, entry in per_program.items():
        program_page = programs[program_id]
        taken = holding.get(program_id, 0)
        report.append(
            {
                "program": program_page.title,
                "program_id": program_id,
                "cohort": timezone.localtime(program_page.opens_at).year,
                "applications": entry["applications"],
                **{f"reached_{stage}": count for stage, count in entry["reached"].items()},
                **{f"days_{status}": round(mean(days), 1) if days else None for status, days in entry["days"].items()},
                "capacity": program_page.capacity,
                "places_taken": taken,
                "places_left": max(program_page.capacity - taken, 0),
                "filled_percent": round(100 * taken / program_page.capacity) if program_page.capacity else 0,
                "waitlisted": waiting.get(program_id, 0),
            }
        )
    report.sort(key=lambda item: (item["cohort"], item["program"], item["program_id"]))
    return report


def cohort_members(*, companies, program=None, cohort=None):
    """[(cohort year, company pk)] of the companies enrolled in (or that completed) a program, one pair per
    company and year, ordered by year."""
    pairs = (
        cohort_applications(program=program, cohort=cohort)
        .filter(company__in=companies, status__in=COHORT_STATUSES)
        .annotate(cohort=ExtractYear("program__opens_at"))
        .values_list("cohort", "company_id")
        .distinct()
        .order_by("cohort", "company_id")
    )
    return list(pairs)


def companies_with_export_outcome(*, company_ids, start=None, end=None):
    """Pks of the companies with a milestone their company confirmed that records export revenue or export
    orders, achieved in the period."""
    milestones = Milestone.objects.filter(application__company__in=company_ids, confirmed_at__isnull=False).filter(
        Q(export_revenue__gt=0) | Q(export_orders__gt=0)
    )
    if start is not None:
        milestones = milestones.filter(achieved_on__gte=timezone.localdate(start))
    if end is not None:
        milestones = milestones.filter(achieved_on__lt=timezone.localdate(end))
    return set(milestones.values_list("application__company_id", flat=True))


def outcome_figures(*, company_ids, start=None, end=None):
    """Confirmed milestones' figures per company: {company pk: {"revenue": {currency: Decimal}, "orders",
    "jobs", "markets": [codes], "marketplaces": [names]}}."""
    milestones = Milestone.objects.filter(application__company__in=company_ids, confirmed_at__isnull=False)
    if start is not None:
        milestones = milestones.filter(achieved_on__gte=timezone.localdate(start))
    if end is not None:
        milestones = milestones.filter(achieved_on__lt=timezone.localdate(end))
    figures = {}
    for milestone in milestones.select_related("application").order_by("achieved_on", "pk"):
        entry = figures.setdefault(
            milestone.application.company_id,
            {"revenue": {}, "orders": 0, "jobs": 0, "markets": [], "marketplaces": []},
        )
        if milestone.export_revenue:
            currency = milestone.export_revenue_currency
            entry["revenue"][currency] = entry["revenue"].get(currency, 0) + milestone.export_revenue
        entry["orders"] += milestone.export_orders or 0
        entry["jobs"] += milestone.jobs_created or 0
        entry["markets"] += [code for code in milestone.markets_entered if code not in entry["markets"]]
        entry["marketplaces"] += [name for name in milestone.marketplace_list() if name not in entry["marketplaces"]]
    return figures


def fee_application_ids(*, companies, program=None, cohort=None):
    """The pks of the applications of ``companies`` (to the program or cohort) for the payments' summary."""
    return cohort_applications(program=program, cohort=cohort).filter(company__in=companies).values("pk")


def completed_program_facts(company):
    """“Completed the coaching program “X” (2025)” for each program the company completed, in the reader's
    language where the program page is translated (a provider of ``portal.bureau_facts``). Kept per company
    and language until public content changes (an application or a program page among it)."""
    key = (company.pk, translation.get_language())
    return COMPLETED_PROGRAM_FACTS.get_for(key, lambda: _completed_program_facts(company))


COMPLETED_PROGRAM_FACTS = Versioned("completed-program-facts")


def _completed_program_facts(company):
    facts = []
    completed = Application.objects.filter(company=company, status=S.COMPLETED).select_related("program")
    completed = completed.order_by("program__opens_at")
    for application in completed:
        program = application.program.localized
        facts.append(
            _("Completed the coaching program “%(program)s” (%(year)s)")
            % {"program": program.title, "year": timezone.localtime(application.program.opens_at).year}
        )
    return facts


def new_applications_for_staff(user):
    """Applications waiting for a first look (submitted or resubmitted) that this staff member may see."""
    return applications_for_staff(user).filter(status__in=[S.SUBMITTED, S.RESUBMITTED]).order_by("-submitted_at")
