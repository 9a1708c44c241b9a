"""The applicant's journey: task list, steps that save a draft, check answers, submit, follow, withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from payments.errors import PaymentError

from . import questions as q
from . import selectors, services
from .forms import CompanyDetailsForm, DeclarationForm, DocumentForm, WithdrawForm, section_form
from .models import ApplicationError, IncompleteApplication, ProgramPage


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


def _detail(application):
    return redirect("coaching:detail", application.pk)


def _editable_or_redirect(request, application):
    """None when the applicant may change the application now; otherwise a redirect with the reason."""
    if application.accepts_changes:
        return None
    if application.is_editable:
        messages.error(request, _("Applications for this program are closed. Your draft can still be read."))
    else:
        messages.error(request, _("This application has been submitted and can no longer be changed."))
    return _detail(application)


@login_required
def my_applications(request):
    applications = selectors.listed_applications_for_member(request.user)
    return render(request, "coaching/apply/my_applications.html", {"applications": applications})


@login_required
@require_POST
def start(request, program_id):
    program = get_object_or_404(ProgramPage.objects.live(), pk=program_id)
    companies = selectors.companies_for(request.user)
    chosen = request.POST.get("company", "")
    company = companies.filter(pk=chosen).first() if chosen.isdigit() else None
    company = company or companies.first()
    if company is None:
        messages.error(request, _("Register your company (or join your colleagues' company) before applying."))
        return redirect(program.url)
    try:
        application, created = services.application_start(
            program=program, company=company, user=request.user, language=get_language()
        )
    except ApplicationError as error:
        messages.error(request, str(error.message))
        return redirect(program.url)
    if not created:
        messages.info(request, _("Your company already has an application for this program."))
    return _detail(application)


@login_required
def detail(request, pk):
    application = selectors.application_for_member(request.user, pk)
    page = selectors.program_for_display(application)
    sections, documents = selectors.answer_sections(application, page)
    context = {
        "application": application,
        "program": page,
        "sections": sections,
        "documents": documents,
        "tasks": selectors.task_list(application, page) if application.accepts_changes else None,
        "history": application.history.all(),
        "records": application.status in services.RECORDABLE,
        "sessions": application.sessions.select_related("coach"),
        "milestones": application.milestones.all(),
        "can_confirm": True,
        "fee": selectors.program_fee_state(application),
        "fee_done": request.GET.get("fee") == "done",
    }
    return render(request, "coaching/apply/detail.html", context)


@login_required
@require_POST
def milestone_confirm(request, pk, milestone_pk):
    """The company confirms the figures its coach recorded for a milestone."""
    application = selectors.application_for_member(request.user, pk)
    milestone = get_object_or_404(application.milestones, pk=milestone_pk)
    try:
        services.milestone_confirm(milestone=milestone, user=request.user)
    except ApplicationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Thank you: the figures are confirmed and count in the bureau's reports."))
    return _detail(application)


@login_required
@require_POST
def pay_fee(request, pk):
    """Start Stripe Checkout for the program fee (303 to Stripe); refusals come back as a message."""
    application = selectors.application_for_member(request.user, pk)
    try:
        session = services.program_fee_checkout_start(
            application=application, user=request.user, base_url=_base_url(request)
        )
    except (ApplicationError, PaymentError) as error:
        messages.error(request, str(error))
        return _detail(application)
    response = HttpResponseRedirect(session.url)
    response.status_code = 303
    return response


@login_required
def company_step(request, pk):
    application = selectors.application_for_member(request.user, pk)
    if response := _editable_or_redirect(request, application):
        return response
    form = CompanyDetailsForm(request.POST or None, initial=CompanyDetailsForm.initial_for(application))
    if request.method == "POST" and form.is_valid():
        services.application_save_company_details(application=application, user=request.user, data=form.cleaned_data)
        messages.success(request, _("Company and contact details saved."))
        return _detail(application)
    return render(request, "coaching/apply/company.html", {"application": application, "form": form})


@login_required
def section_step(request, pk, number):
    application = selectors.application_for_member(request.user, pk)
    if response := _editable_or_redirect(request, application):
        return response
    page = selectors.program_for_display(application)
    section = next((s for s in q.sections(page) if s.number == number), None)
    if section is None:
        raise Http404
    form = section_form(section, application, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.application_save_answers(
            application=application, user=request.user, section=section, cleaned_data=form.cleaned_data
        )
        messages.success(request, _("Your answers to “%(section)s” are saved.") % {"section": section.title})
        return _detail(application)
    return render(
        request, "coaching/apply/section.html", {"application": application, "section": section, "form": form}
    )


@login_required
def documents_step(request, pk):
    application = selectors.application_for_member(request.user, pk)
    if response := _editable_or_redirect(request, application):
        return response
    page = selectors.program_for_display(application)
    file_questions = q.file_questions(page)
    form = DocumentForm(request.POST or None, request.FILES or None, file_questions=file_questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_add_document(
                application=application,
                user=request.user,
                upload=form.cleaned_data["file"],
                question_id=form.cleaned_data["question"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        except ApplicationError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("Document uploaded."))
            return redirect("coaching:documents", application.pk)
    labels = {question.id: question.label for question in file_questions}
    documents = [(document, labels.get(document.question_id, "")) for document in application.documents.all()]
    context = {"application": application, "form": form, "documents": documents, "file_questions": file_questions}
    return render(request, "coaching/apply/documents.html", context)


@login_required
@require_POST
def document_delete(request, pk, document_pk):
    application = selectors.application_for_member(request.user, pk)
    if response := _editable_or_redirect(request, application):
        return response
    document = get_object_or_404(application.documents, pk=document_pk)
    services.application_delete_document(document=document, user=request.user)
    messages.success(request, _("Document removed."))
    return redirect("coaching:documents", application.pk)


@login_required
def document_download(request, document_pk):
    """The file, only for the company's members and staff who may see the application; always as a download."""
    document = selectors.document_for_user(request.user, document_pk)
    services.document_opened(document=document, user=request.user)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def declaration_step(request, pk):
    application = selectors.application_for_member(request.user, pk)
    if response := _editable_or_redirect(request, application):
        return response
    form = DeclarationForm(request.POST or None, initial={"consent": bool(application.consent_at)})
    if request.method == "POST" and form.is_valid():
        services.application_give_consent(application=application, user=request.user)
        messages.success(request, _("Your declaration and consent are recorded."))
        return _detail(application)
    return render(request, "coaching/apply/declaration.html", {"application": application, "form": form})


@login_required
def check_answers(request, pk):
    application = selectors.application_for_member(request.user, pk)
    if response := _editable_or_redirect(request, application):
        return response
    page = selectors.program_for_display(application)
    missing = selectors.missing_items(application, page)
    if request.method == "POST":
        try:
            services.application_submit(application=application, user=request.user, base_url=_base_url(request))
        except IncompleteApplication as error:
            missing = error.errors
        except ApplicationError as error:
            messages.error(request, str(error.message))
            return _detail(application)
        else:
            return redirect("coaching:submitted", application.pk)
    sections, documents = selectors.answer_sections(application, page)
    context = {
        "application": application,
        "program": page,
        "sections": sections,
        "documents": documents,
        "missing": missing,
        "submit_attempted": request.method == "POST",
    }
    return render(request, "coaching/apply/check.html", context, status=400 if request.method == "POST" else 200)


@login_required
def submitted(request, pk):
    application = selectors.application_for_member(request.user, pk)
    if not application.reference:
        return _detail(application)
    page = selectors.program_for_display(application)
    return render(request, "coaching/apply/submitted.html", {"application": application, "program": page})


@login_required
def withdraw(request, pk):
    application = selectors.application_for_member(request.user, pk)
    if not application.is_withdrawable:
        messages.error(request, _("This application can no longer be withdrawn."))
        return _detail(application)
    form = WithdrawForm(request.POST or None, initial={"expected_status": application.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                application=application,
                user=request.user,
                note=form.cleaned_data["note"],
                expected=form.cleaned_data["expected_status"],
                base_url=_base_url(request),
            )
        except ApplicationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your application has been withdrawn."))
        return _detail(application)
    return render(request, "coaching/apply/withdraw.html", {"application": application, "form": form})
