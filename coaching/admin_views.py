"""Staff review in the Wagtail admin: list with filters and bulk actions, detail, moves, scores, export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import audit

from . import exports, selectors, services
from .filters import ApplicationFilterSet
from .forms import (
    AssignReviewerForm,
    ConflictForm,
    FeeWaiverForm,
    MilestoneForm,
    NoteForm,
    ReviewForm,
    SessionForm,
    TransitionForm,
)
from .models import Application, ApplicationError

S = Application.Status


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def _back_to_list(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("coaching_applications:index")


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _application(request, pk):
    """The application if this staff member may see it. Refused with 403 (a 404 here would be redirected to a
    language-prefixed URL by the locale middleware)."""
    application = selectors.applications_for_staff(request.user).filter(pk=pk).first()
    _require(application is not None)
    return application


def _filtered(request):
    _require(selectors.can_use_review_admin(request.user))
    return ApplicationFilterSet(request.GET or None, queryset=selectors.applications_for_staff(request.user))


def index(request):
    filterset = _filtered(request)
    page = Paginator(selectors.review_list(filterset.qs), 50).get_page(request.GET.get("p"))
    rows = selectors.review_rows(page.object_list)
    program = filterset.form.cleaned_data.get("program") if filterset.is_bound and filterset.form.is_valid() else None
    context = {
        "filterset": filterset,
        "page": page,
        "rows": rows,
        "query": request.GET.urlencode(),
        "can_manage": selectors.is_manager(request.user),
        "can_decide": selectors.is_decider(request.user),
        "decisions": [(status.value, status.label) for status in BULK_DECISIONS],
        "reviewers": filterset.reviewers,
        "program": program,
        "places_taken": program.places_taken() if program else None,
        "suggestion": selectors.waitlist_suggestion(program) if program else None,
    }
    return render(request, "coaching/admin/index.html", context)


def export(request, fmt):
    filterset = _filtered(request)
    applications = filterset.qs.order_by("submitted_at", "pk")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    audit.record_export(by=request.user, dataset=_("Applications"), export_format=fmt, rows=applications.count())
    if fmt == "xlsx":
        response = HttpResponse(
            exports.to_xlsx(applications),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(exports.to_csv(applications), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="applications-{stamp}.{fmt}"'
    return response


BULK_DECISIONS = (S.ACCEPTED, S.WAITLISTED, S.REJECTED)


def _move_each(request, applications, new_status, note=""):
    """Each application through the guarded status method; returns (moved, [(application, reason)…])."""
    done, refused = 0, []
    for application in applications:
        try:
            services.application_transition(
                application=application,
                user=request.user,
                new_status=new_status,
                note=note,
                expected=application.status,
                base_url=_base_url(request),
            )
            done += 1
        except ApplicationError as error:
            refused.append((application, str(error.message)))
    return done, refused


@require_POST
def bulk(request):
    _require(selectors.is_manager(request.user) or selectors.is_decider(request.user))
    ids = [value for value in request.POST.getlist("ids") if value.isdigit()]
    applications = list(selectors.applications_for_staff(request.user).filter(pk__in=ids))
    action = request.POST.get("action")
    if action in ("assign", "in_review"):
        _require(selectors.is_manager(request.user))
    elif action in BULK_DECISIONS:
        _require(selectors.is_decider(request.user))
    if not applications:
        messages.error(request, _("Select at least one application."))
        return _back_to_list(request)
    refused = []
    if action == "assign":
        chosen = request.POST.get("reviewer", "")
        reviewer = selectors.reviewers().filter(pk=chosen).first() if chosen.isdigit() else None
        if reviewer is None:
            messages.error(request, _("Choose a reviewer."))
            return _back_to_list(request)
        for application in applications:
            services.reviewer_assign(application=application, reviewer=reviewer, by=request.user)
        done = len(applications)
    elif action == "in_review":
        done, refused = _move_each(request, applications, S.IN_REVIEW)
    elif action in BULK_DECISIONS:
        message = request.POST.get("message", "").strip()
        if not message:
            messages.error(request, _("Write the message the companies will receive with the decision."))
            return _back_to_list(request)
        done, refused = _move_each(request, applications, action, note=message)
    else:
        messages.error(request, _("Choose an action."))
        return _back_to_list(request)
    messages.success(request, _("%(count)d application(s) updated.") % {"count": done})
    if refused:
        messages.warning(
            request,
            _("Not moved: %(list)s")
            % {"list": "; ".join(f"{application} ({reason})" for application, reason in refused)},
        )
    return _back_to_list(request)


@require_POST
def accept_suggestion(request, pk):
    """The waitlist suggestion in one click: the best-scored waitlisted application takes the free place."""
    _require(selectors.is_decider(request.user))
    application = _application(request, pk)
    if selectors.waitlist_suggestion(application.program) != application:
        messages.error(request, _("This application is no longer the waiting list's suggestion."))
        return _back(application)
    done, refused = _move_each(request, [application], S.ACCEPTED, note=_("Accepted from the waiting list."))
    if refused:
        messages.error(request, refused[0][1])
    else:
        messages.success(request, _("Accepted from the waiting list; the company has been e-mailed."))
    return _back(application)


def detail(request, pk):
    _require(selectors.can_use_review_admin(request.user))
    application = _application(request, pk)
    page = selectors.program_for_display(application)
    sections, documents = selectors.answer_sections(application, page)
    allowed = selectors.allowed_staff_transitions(application, request.user)
    summary = selectors.review_summary(application)
    own_review = application.reviews.filter(reviewer=request.user).first()
    may_score = (
        selectors.is_reviewer(request.user)
        and selectors.is_assigned_reviewer(application, request.user)
        and not (own_review and own_review.conflict_of_interest)
        and application.status not in {S.DRAFT, S.WITHDRAWN}
    )
    review_initial = {"comment": own_review.comment} if own_review else {}
    fee = selectors.program_fee_state(application)
    if own_review:
        review_initial.update({f"score_{key}": value for key, value in own_review.scores.items()})
    context = {
        "application": application,
        "program": page,
        "sections": sections,
        "documents": documents,
        "history": application.history.select_related("changed_by"),
        "notes": application.notes.select_related("author"),
        "summary": summary,
        "transition_form": TransitionForm(initial={"expected_status": application.status}, allowed=allowed)
        if allowed
        else None,
        "assign_form": AssignReviewerForm(reviewers=selectors.reviewers())
        if selectors.is_manager(request.user)
        else None,
        "assigned": application.reviewer_assignments.select_related("reviewer"),
        "program_reviewers": application.program.reviewer_assignments.select_related("reviewer"),
        "review_form": ReviewForm(initial=review_initial, criteria=summary["criteria"]) if may_score else None,
        "conflict_form": ConflictForm() if may_score else None,
        "own_review": own_review,
        "note_form": NoteForm(),
        "records": application.status in services.RECORDABLE,
        "sessions": application.sessions.select_related("coach"),
        "milestones": application.milestones.all(),
        "session_form": SessionForm() if selectors.is_manager(request.user) else None,
        "milestone_form": MilestoneForm() if selectors.is_manager(request.user) else None,
        "places_taken": application.program.places_taken(),
        "suggestion": selectors.waitlist_suggestion(application.program),
        "can_decide": selectors.is_decider(request.user),
        "fee": fee,
        "waiver_form": FeeWaiverForm()
        if fee and application.status == S.ACCEPTED and application.fee_due and selectors.is_decider(request.user)
        else None,
    }
    return render(request, "coaching/admin/detail.html", context)


def _back(application):
    return redirect("coaching_applications:detail", application.pk)


@require_POST
def transition(request, pk):
    _require(selectors.can_use_review_admin(request.user))
    application = _application(request, pk)
    allowed = selectors.allowed_staff_transitions(application, request.user)
    form = TransitionForm(request.POST, allowed=list(S))
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return _back(application)
    if not allowed:
        raise PermissionDenied
    try:
        services.application_transition(
            application=application,
            user=request.user,
            new_status=form.cleaned_data["new_status"],
            note=form.cleaned_data["note"],
            expected=form.cleaned_data["expected_status"],
            base_url=_base_url(request),
        )
    except ApplicationError as error:
        messages.error(request, str(error.message))
    else:
        application.refresh_from_db()
        messages.success(
            request,
            _("Moved to “%(status)s”; the applicant has been e-mailed.") % {"status": application.get_status_display()},
        )
    return _back(application)


@require_POST
def waive_fee(request, pk):
    """A decision maker waives the program fee with a reason; the company is enrolled."""
    _require(selectors.is_decider(request.user))
    application = _application(request, pk)
    form = FeeWaiverForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reason"]))
        return _back(application)
    try:
        services.program_fee_waive(
            application=application,
            user=request.user,
            reason=form.cleaned_data["reason"],
            base_url=_base_url(request),
        )
    except ApplicationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The fee is waived and the company is enrolled; the applicant has been e-mailed."))
    return _back(application)


@require_POST
def assign(request, pk):
    _require(selectors.is_manager(request.user))
    application = _application(request, pk)
    form = AssignReviewerForm(request.POST, reviewers=selectors.reviewers())
    if not form.is_valid():
        messages.error(request, _("Choose a reviewer."))
        return _back(application)
    if request.POST.get("scope") == "program":
        services.program_reviewer_assign(program=application.program, reviewer=form.cleaned_data["reviewer"])
    else:
        services.reviewer_assign(application=application, reviewer=form.cleaned_data["reviewer"], by=request.user)
    messages.success(request, _("Reviewer assigned."))
    return _back(application)


@require_POST
def review(request, pk):
    _require(selectors.is_reviewer(request.user))
    application = _application(request, pk)
    form = ReviewForm(request.POST, criteria=application.program.criteria())
    if not form.is_valid():
        errors = "; ".join(f"{form.fields[name].label}: {' '.join(errs)}" for name, errs in form.errors.items())
        messages.error(request, _("Scores not saved. %(errors)s") % {"errors": errors})
        return _back(application)
    try:
        services.review_save(
            application=application, reviewer=request.user, scores=form.scores(), comment=form.cleaned_data["comment"]
        )
    except ApplicationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your scores are saved."))
    return _back(application)


@require_POST
def conflict(request, pk):
    _require(selectors.is_reviewer(request.user))
    application = _application(request, pk)
    form = ConflictForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Describe the conflict of interest."))
        return _back(application)
    try:
        services.review_declare_conflict(
            application=application, reviewer=request.user, note=form.cleaned_data["conflict_note"]
        )
    except ApplicationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You have recused yourself from this application."))
    return _back(application)


@require_POST
def note(request, pk):
    _require(selectors.can_use_review_admin(request.user))
    application = _application(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.note_add(application=application, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Note added."))
    else:
        messages.error(request, _("Write a note first."))
    return _back(application)


def _record(request, pk, form_class, service, success):
    _require(selectors.is_manager(request.user))
    application = _application(request, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        errors = "; ".join(
            f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errs)}"
            for name, errs in form.errors.items()
        )
        messages.error(request, _("Not saved. %(errors)s") % {"errors": errors})
        return _back(application)
    try:
        service(application=application, by=request.user, **form.cleaned_data)
    except ApplicationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, success)
    return _back(application)


@require_POST
def session_add(request, pk):
    return _record(request, pk, SessionForm, services.session_record, _("Coaching session recorded."))


@require_POST
def milestone_add(request, pk):
    return _record(request, pk, MilestoneForm, services.milestone_record, _("Milestone recorded."))
