"""The supplier dashboard: a company's products, their moderation, images, certificates and bulk import.

Members reach only their own companies (404 otherwise, for staff too: staff moderate in the Wagtail admin).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.companies.selectors import companies_for_user

from .. import selectors, services
from ..forms import CertificateForm, ImportForm, PriceTierFormSet, ProductForm, ProductImageForm
from ..imports import COLUMNS, ProductImportError, import_products
from ..models import ShowcaseError


def _context(company, **extra):
    return {"company": company, "company_name": company.display_name(get_language()), **extra}


def _add_errors(form, error):
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))


@login_required
def dashboard_index(request):
    """The user's company dashboard; with several companies, a list to choose from."""
    companies = list(companies_for_user(request.user))
    if len(companies) == 1:
        return redirect("dashboard:products", company_id=companies[0].pk)
    return render(request, "showcase/dashboard/index.html", {"companies": companies})


@login_required
def product_list(request, company_id):
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    products = selectors.company_products(company=company)
    return render(request, "showcase/dashboard/product_list.html", _context(company, products=products))


def _tier_initial(draft):
    return [{"min_quantity": t.min_quantity, "unit_price_twd": t.unit_price_twd} for t in draft.price_tiers.all()]


@login_required
def product_create(request, company_id):
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    form = ProductForm(request.POST or None, company=company)
    tiers = PriceTierFormSet(request.POST or None, prefix="tiers")
    if request.method == "POST" and form.is_valid() and tiers.is_valid():
        data = dict(form.cleaned_data)
        certificates = list(data.pop("certificates"))
        try:
            product = services.product_create(
                company=company, user=request.user, fields=data, tiers=tiers.tiers(), certificates=certificates
            )
        except (ShowcaseError, ValidationError) as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The product is saved as a draft. Add images, then submit it for review."))
            return redirect("dashboard:product_images", company_id=company.pk, pk=product.pk)
    return render(
        request, "showcase/dashboard/product_form.html", _context(company, form=form, tiers=tiers, product=None)
    )


@login_required
def product_edit(request, company_id, pk):
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    product = selectors.company_product(company=company, pk=pk)
    draft = selectors.company_product(company=company, pk=pk).get_latest_revision_as_object()
    form = ProductForm(request.POST or None, instance=draft, company=company)
    tiers = PriceTierFormSet(request.POST or None, prefix="tiers", initial=_tier_initial(draft))
    if request.method == "POST" and form.is_valid() and tiers.is_valid():
        data = dict(form.cleaned_data)
        certificates = list(data.pop("certificates"))
        try:
            services.product_update(
                product=product, user=request.user, fields=data, tiers=tiers.tiers(), certificates=certificates
            )
        except (ShowcaseError, ValidationError) as error:
            _add_errors(form, error)
        else:
            if product.live:
                messages.success(
                    request, _("Your changes are saved. Buyers see the approved version until staff approve them.")
                )
            else:
                messages.success(request, _("Your changes are saved as a draft."))
            return redirect("dashboard:products", company_id=company.pk)
    return render(
        request,
        "showcase/dashboard/product_form.html",
        _context(company, form=form, tiers=tiers, product=product),
    )


@login_required
def product_images(request, company_id, pk):
    """The images of the product's latest version; upload (checked by content) with alt text, or remove."""
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    product = selectors.company_product(company=company, pk=pk)
    form = ProductImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.product_add_image(
                product=product,
                user=request.user,
                upload=form.cleaned_data["upload"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ShowcaseError as error:
            form.add_error("upload", str(error))
        else:
            messages.success(request, _("The image is added."))
            return redirect("dashboard:product_images", company_id=company.pk, pk=product.pk)
    images = list(product.get_latest_revision_as_object().images.all())
    status = 400 if form.errors else 200
    return render(
        request,
        "showcase/dashboard/product_images.html",
        _context(company, product=product, images=images, form=form),
        status=status,
    )


@login_required
@require_POST
def product_image_remove(request, company_id, pk, position):
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    product = selectors.company_product(company=company, pk=pk)
    try:
        services.product_remove_image(product=product, user=request.user, position=position)
    except ShowcaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The image is removed."))
    return redirect("dashboard:product_images", company_id=company.pk, pk=product.pk)


@login_required
@require_POST
def product_submit(request, company_id, pk):
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    product = selectors.company_product(company=company, pk=pk)
    try:
        services.product_submit_for_review(product=product, user=request.user)
    except ShowcaseError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The product is sent to the bureau for review. We will e-mail you the decision."))
    return redirect("dashboard:products", company_id=company.pk)


@login_required
def certificate_list(request, company_id):
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    certificates = selectors.company_certificates(company=company)
    return render(request, "showcase/dashboard/certificate_list.html", _context(company, certificates=certificates))


@login_required
def certificate_edit(request, company_id, pk=None):
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    certificate = selectors.company_certificate(company=company, pk=pk) if pk else None
    form = CertificateForm(request.POST or None, request.FILES or None, instance=certificate)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        scan = data.pop("scan")
        try:
            services.certificate_save(
                company=company,
                user=request.user,
                certificate=selectors.company_certificate(company=company, pk=pk) if pk else None,
                fields=data,
                scan=scan,
            )
        except (ShowcaseError, ValidationError) as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The certificate is saved."))
            return redirect("dashboard:certificates", company_id=company.pk)
    return render(
        request, "showcase/dashboard/certificate_form.html", _context(company, form=form, certificate=certificate)
    )


@login_required
@require_POST
def certificate_delete(request, company_id, pk):
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    certificate = selectors.company_certificate(company=company, pk=pk)
    services.certificate_delete(certificate=certificate, user=request.user)
    messages.success(request, _("The certificate is deleted; products no longer show it."))
    return redirect("dashboard:certificates", company_id=company.pk)


@login_required
def product_import(request, company_id):
    """Upload a CSV or XLSX (and a ZIP of pictures): every row valid, or nothing is saved and each problem is
    listed by row."""
    company = selectors.dashboard_company(user=request.user, company_id=company_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    import_errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.check_member(company=company, user=request.user)
            with transaction.atomic():
                result = import_products(
                    company=company,
                    data=form.cleaned_data["file"].read(),
                    images=form.cleaned_data["images"],
                    user=request.user,
                )
        except ProductImportError as error:
            import_errors = error.errors
            form.add_error("file", _("Nothing was imported. Correct the rows below and upload the file again."))
        else:
            messages.success(
                request,
                _("%(created)s products created and %(updated)s updated; they are sent to the bureau for review.")
                % {"created": len(result.created), "updated": len(result.updated)},
            )
            return redirect("dashboard:products", company_id=company.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "showcase/dashboard/import.html",
        _context(company, form=form, import_errors=import_errors, columns=COLUMNS),
        status=status,
    )
