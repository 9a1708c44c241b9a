"""Writes for the showcase's supplier side: products and their moderation, images, certificates.

Every edit works on the product's latest version (``get_latest_revision_as_object()``) and is stored as a
new revision. The database row is only written while the product is not live, so a live product's public
version stays untouched until staff approve (publish) a newer revision.
"""

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.log_actions import log

from portal.companies.models import Company
from portal.signals import content_changed
from portal.uploads import check_image_pixels

from .models import Certificate, PriceTier, Product, ProductImage, ShowcaseError
from .signals import product_changed, products_changed

MAX_IMAGE_BYTES = 10 * 1024 * 1024


def notify_products_changed(product_ids, *, reason):
    """Send ``product_changed`` for each id, and the core's ``content_changed`` once, after the commit."""
    ids = sorted(set(product_ids))

    def send():
        for product_id in ids:
            product_changed.send(sender=Product, product_id=product_id, reason=reason)
        content_changed.send(sender=Product)

    if ids:
        transaction.on_commit(send)


def notify_products_changed_at_once(product_ids, *, reason):
    """Send ``products_changed`` once for all the ids (an import), and ``content_changed`` once, after the commit."""
    ids = sorted(set(product_ids))

    def send():
        products_changed.send(sender=Product, product_ids=ids, reason=reason)
        content_changed.send(sender=Product)

    if ids:
        transaction.on_commit(send)


def check_member(*, company, user):
    if not Company.objects.for_user(user).filter(pk=company.pk).exists():
        raise ShowcaseError(_("Only members of the company can change its products."))


def save_draft(draft, *, user):
    """Store ``draft`` as the newest revision; the row itself only while the product is not live."""
    if not draft.live:
        draft.save()
    revision = draft.save_revision(user=user, log_action=True)
    if draft.live:
        notify_products_changed([draft.pk], reason="edited")
    return revision


def _apply(draft, *, fields, tiers, certificates):
    for name, value in fields.items():
        setattr(draft, name, value)
    if tiers is not None:
        draft.price_tiers = [
            PriceTier(min_quantity=tier["min_quantity"], unit_price_twd=tier["unit_price_twd"], sort_order=index)
            for index, tier in enumerate(sorted(tiers, key=lambda t: t["min_quantity"]))
        ]
    if certificates is not None:
        foreign = [c for c in certificates if c.company_id != draft.company_id]
        if foreign:
            raise ShowcaseError(_("Products can only carry their own company's certificates."))
        draft.certificates = list(certificates)


@transaction.atomic
def product_create(*, company, user, fields, tiers=(), certificates=()) -> Product:
    """A new draft product with its first revision."""
    check_member(company=company, user=user)
    if Product.objects.for_company(company).filter(sku=fields.get("sku")).exists():
        raise ShowcaseError(_("Your company already has a product with this SKU."))
    product = Product(company=company, live=False)
    _apply(product, fields=fields, tiers=tiers, certificates=certificates)
    product.full_clean()
    save_draft(product, user=user)
    return product


@transaction.atomic
def product_update(*, product, user, fields, tiers=None, certificates=None) -> Product:
    """A new revision with the changed fields; a live product stays public as approved."""
    check_member(company=product.company, user=user)
    if product.workflow_in_progress:
        raise ShowcaseError(_("This product is in review; wait for the decision before editing it."))
    sku = fields.get("sku")
    if sku and Product.objects.for_company(product.company).filter(sku=sku).exclude(pk=product.pk).exists():
        raise ShowcaseError(_("Your company already has a product with this SKU."))
    draft = product.get_latest_revision_as_object()
    _apply(draft, fields=fields, tiers=tiers, certificates=certificates)
    draft.full_clean()
    save_draft(draft, user=user)
    return draft


def check_image_file(upload):
    """Raises ``ShowcaseError`` unless the upload is a JPEG, PNG or WebP picture (checked by content)."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ShowcaseError(_("The image is larger than 10 MB."))
    try:
        check_image_pixels(upload)
    except ValidationError as error:
        raise ShowcaseError(error.messages[0]) from error
    try:
        with PILImage.open(upload) as picture:
            picture.verify()
            image_format = picture.format
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ShowcaseError(_("This file is not an image we can read. Upload a JPEG, PNG or WebP picture.")) from error
    finally:
        upload.seek(0)
    if image_format not in {"JPEG", "PNG", "WEBP"}:
        raise ShowcaseError(_("Upload a JPEG, PNG or WebP picture."))


@transaction.atomic
def product_add_image(*, product, user, upload, alt_text) -> Product:
    """Add an image (checked by content) with its alt text to the product's latest version."""
    check_member(company=product.company, user=user)
    alt_text = (alt_text or "").strip()
    if not alt_text:
        raise ShowcaseError(_("Describe the image in the alt text; people using screen readers rely on it."))
    if product.workflow_in_progress:
        raise ShowcaseError(_("This product is in review; wait for the decision before editing it."))
    draft = product.get_latest_revision_as_object()
    images = list(draft.images.all())
    if len(images) >= Product.MAX_IMAGES:
        raise ShowcaseError(_("A product can have at most 8 images."))
    check_image_file(upload)
    image = get_image_model()(title=alt_text[:255], uploaded_by_user=user)
    image.file = ImageFile(upload, name=upload.name)
    image.save()
    images.append(ProductImage(image=image, alt_text=alt_text, sort_order=len(images)))
    draft.images = images
    save_draft(draft, user=user)
    return draft


@transaction.atomic
def product_remove_image(*, product, user, position) -> Product:
    """Remove the image at ``position`` (0-based) from the product's latest version."""
    check_member(company=product.company, user=user)
    if product.workflow_in_progress:
        raise ShowcaseError(_("This product is in review; wait for the decision before editing it."))
    draft = product.get_latest_revision_as_object()
    images = list(draft.images.all())
    if not 0 <= position < len(images):
        raise ShowcaseError(_("This image is no longer there."))
    del images[position]
    for index, item in enumerate(images):
        item.sort_order = index
    draft.images = images
    save_draft(draft, user=user)
    return draft


def start_review(product, *, user):
    """Start (or resume after a rejection) the moderation workflow on the latest revision.

    The workflow is started without a requesting user: Wagtail would otherwise e-mail the requester its own
    admin notifications (with admin links suppliers cannot open) on top of ours to all company members.
    The revision keeps the author."""
    product.check_can_submit()
    workflow_state = product.current_workflow_state
    if workflow_state is not None and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
        workflow_state.resume(None)
        return
    workflow = product.get_workflow()
    if workflow is None:
        raise ShowcaseError(_("Moderation is not set up; please contact the bureau."))
    workflow.start(product, None)


@transaction.atomic
def product_submit_for_review(*, product, user) -> Product:
    """Send the latest version to the bureau's moderators. Needs at least one image."""
    check_member(company=product.company, user=user)
    product = Product.objects.select_for_update().get(pk=product.pk)
    if not product.get_latest_revision_as_object().images.exists():
        raise ShowcaseError(_("Add at least one image before submitting the product for review."))
    start_review(product, user=user)
    return product


@transaction.atomic
def product_unpublish(*, product, user) -> Product:
    """Staff take a product off the showcase."""
    if not user.has_perm(f"{Product._meta.app_label}.publish_product"):
        raise ShowcaseError(_("Only bureau staff can unpublish products."))
    if not product.live:
        raise ShowcaseError(_("This product is not live."))
    product.unpublish(user=user)
    return product


# --- Certificates ----------------------------------------------------------------------------------------


def _live_product_ids(certificate):
    return list(certificate.products.filter(live=True).values_list("pk", flat=True))


@transaction.atomic
def certificate_save(*, company, user, certificate=None, fields, scan=None) -> Certificate:
    """Create or update a certificate in the company's wallet; live products that carry it are re-announced."""
    check_member(company=company, user=user)
    if certificate is not None and certificate.company_id != company.pk:
        raise ShowcaseError(_("This certificate belongs to another company."))
    certificate = certificate or Certificate(company=company)
    for name, value in fields.items():
        setattr(certificate, name, value)
    if scan is not None:
        certificate.scan = scan
    certificate.full_clean()
    checked = certificate.pk is not None and certificate.check_status != Certificate.CheckStatus.DECLARED
    certificate.save()
    if checked:
        # The bureau checked other facts than these: the certificate is self-declared again until re-checked.
        certificate.set_status(
            Certificate.CheckStatus.DECLARED, by=user, note=_("Changed by the company after the bureau's check.")
        )
        Certificate.objects.filter(pk=certificate.pk).update(check_note="")
    notify_products_changed(_live_product_ids(certificate), reason="certificates")
    return certificate


CERTIFICATE_DECISIONS = (Certificate.CheckStatus.CHECKED, Certificate.CheckStatus.REJECTED)
SCAN_OPENED = "showcase.certificate_scan_opened"


@transaction.atomic
def certificate_check(*, certificate, by, decision, note, expected=None) -> Certificate:
    """Staff mark a certificate checked or rejected with a note (a rejection needs one); buyers see the result
    after the commit (a checked badge, or no certificate at all)."""
    if not by.has_perm("showcase.check_certificate"):
        raise ShowcaseError(_("You are not allowed to check certificates."))
    if decision not in CERTIFICATE_DECISIONS:
        raise ShowcaseError(_("Choose whether the certificate is checked or rejected."))
    note = note.strip()
    if decision == Certificate.CheckStatus.REJECTED and not note:
        raise ShowcaseError(_("Say why the certificate is rejected; the company will read it."))
    certificate.set_status(decision, by=by, note=note, expected=expected)
    Certificate.objects.filter(pk=certificate.pk).update(check_note=note)
    certificate.refresh_from_db()
    notify_products_changed(_live_product_ids(certificate), reason="certificates")
    return certificate


def certificate_scan_open(*, certificate, by):
    """The scan's file for a staff member allowed to check certificates; the opening is in the audit log."""
    if not by.has_perm("showcase.check_certificate"):
        raise ShowcaseError(_("You are not allowed to open certificate scans."))
    if not certificate.scan:
        raise ShowcaseError(_("This certificate has no scanned copy."))
    log(instance=certificate, action=SCAN_OPENED, user=by, data={"file": certificate.scan.name})
    return certificate.scan.open("rb")


@transaction.atomic
def certificate_delete(*, certificate, user) -> None:
    check_member(company=certificate.company, user=user)
    product_ids = _live_product_ids(certificate)
    if certificate.scan:
        certificate.scan.delete(save=False)
    certificate.delete()
    notify_products_changed(product_ids, reason="certificates")
