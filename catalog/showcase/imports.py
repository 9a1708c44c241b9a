"""Bulk product import from CSV or XLSX: read, validate every row, then write all or nothing.

Columns: see ``COLUMNS``. ``ships_to`` holds ``;``-separated ISO codes, ``certifications`` holds
``;``-separated ``TYPE|issuer|number|valid_until`` entries (dates as YYYY-MM-DD), ``images`` holds
``;``-separated file names inside a ZIP uploaded beside the file (pictures are never fetched from URLs; a row
that names images replaces the product's images, an empty cell keeps them). A SKU the company already has is
updated (as a new revision). Without ``publish`` the products go to the moderation workflow.

The ZIP is checked before any row is read for its pictures: its size, the sizes its directory declares
(Python's zip reader never inflates an entry past its declared size, so a zip bomb fails to read instead of
filling memory), and names that would point outside the archive. Each picture named by a row is read and
checked by content and size like a picture uploaded in the dashboard (``services.check_image_file``), once
while validating and again while writing, so that pictures never all sit in memory at once.
"""

import csv
import datetime
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from wagtail.images import get_image_model
from wagtail.log_actions import get_active_log_context
from wagtail.log_actions import registry as log_registry
from wagtail.models import ReferenceIndex, Revision, WorkflowState
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.markets import Market
from portal.spreadsheets import looks_like_formula

from .models import Certificate, CertificateType, PriceTier, Product, ProductCategory, ProductImage, ShowcaseError
from .services import MAX_IMAGE_BYTES, check_image_file, notify_products_changed_at_once, start_review

COLUMNS = [
    "sku",
    "name_zh_hant",
    "name_en",
    "name_th",
    "name_ms",
    "name_id",
    "name_vi",
    "description_zh_hant",
    "description_en",
    "description_th",
    "description_ms",
    "description_id",
    "description_vi",
    "category",
    "price_twd",
    "moq",
    "unit",
    "lead_time_days",
    "hs_code",
    "ships_to",
    "certifications",
    "sample_available",
    "sample_price_twd",
    "brand",
    "gtin",
    "mpn",
    "condition",
    "images",
]
REQUIRED_COLUMNS = ["sku", "name_zh_hant", "name_en", "description_zh_hant", "description_en", "category"]
REQUIRED_COLUMNS += ["price_twd", "moq", "unit", "hs_code"]
MAX_ROWS = 5000
# Limits that keep one upload from exhausting a worker: 5,000 rows of six-language text fit in a few MB.
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_XLSX_EXPANDED_BYTES = 50 * 1024 * 1024
MAX_CELL_CHARACTERS = 10_000
# The pictures beside a file: up to 8 per product, each at most MAX_IMAGE_BYTES like a dashboard upload.
MAX_ARCHIVE_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_EXPANDED_BYTES = 400 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 10_000
TRUE_VALUES = {"1", "true", "yes", "y", "是"}
FALSE_VALUES = {"", "0", "false", "no", "n", "否"}


@dataclass
class RowError:
    row: int  # the line in the file (the header is line 1)
    column: str
    message: str

    def __str__(self):
        where = _("row %(row)s") % {"row": self.row}
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"


class ProductImportError(Exception):
    """The file cannot be imported; ``errors`` lists each problem by row."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    published: bool = False


class ImportRowForm(forms.ModelForm):
    """Validates one row with the model's own field rules (HS code, non-negative prices...)."""

    class Meta:
        model = Product
        fields = [
            "sku",
            "name_zh_hant",
            "name_en",
            "name_th",
            "name_ms",
            "name_id",
            "name_vi",
            "description_zh_hant",
            "description_en",
            "description_th",
            "description_ms",
            "description_id",
            "description_vi",
            "price_twd",
            "moq",
            "unit",
            "lead_time_days",
            "hs_code",
            "sample_price_twd",
            "order_multiple",
            "brand",
            "gtin",
            "mpn",
            "condition",
        ]

    def validate_unique(self):
        """Duplicates are checked across the file instead."""


# --- Reading ---------------------------------------------------------------------------------------------


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _too_many_rows():
    return ProductImportError([RowError(0, "", _("At most %(max)s products per file.") % {"max": MAX_ROWS})])


def _check_expanded_size(data):
    """Refuse an XLSX (a zip archive) whose parts would expand beyond MAX_XLSX_EXPANDED_BYTES.

    The sizes come from the archive's directory; Python's zip reader never inflates an entry past its
    declared size, so a file that lies about them fails to read instead of filling memory.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise ProductImportError([RowError(0, "", _("This is not a readable XLSX file."))]) from error
    if expanded > MAX_XLSX_EXPANDED_BYTES:
        message = _(
            "This XLSX file expands to more than %(max)s MB when opened. Split it into smaller files "
            "or save it again without images and unused sheets."
        ) % {"max": MAX_XLSX_EXPANDED_BYTES // (1024 * 1024)}
        raise ProductImportError([RowError(0, "", message)])


def _read_xlsx(data):
    """The non-empty rows of the first sheet, read in streaming (read-only) mode: memory stays flat."""
    _check_expanded_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError) as error:
        raise ProductImportError([RowError(0, "", _("This is not a readable XLSX file."))]) from error
    rows = []
    formula_errors = []
    try:
        for number, cells in enumerate(workbook.worksheets[0].iter_rows(), start=1):
            values = []
            for index, cell in enumerate(cells, start=1):
                if cell.data_type == "f":
                    message = _("The cell holds a formula; paste the values instead.")
                    formula_errors.append(RowError(number, get_column_letter(index), message))
                values.append(_cell_text(cell.value))
            if any(values):
                rows.append(values)
            if len(rows) > MAX_ROWS + 1:
                raise _too_many_rows()
    except (KeyError, OSError, ValueError, SyntaxError, zipfile.BadZipFile) as error:
        raise ProductImportError([RowError(0, "", _("This is not a readable XLSX file."))]) from error
    finally:
        workbook.close()
    if formula_errors:
        raise ProductImportError(formula_errors)
    return rows


def _read_csv(data):
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        message = _("The file contains a NUL character, so it is not a CSV text file. Save it again as CSV UTF-8.")
        raise ProductImportError([RowError(line, "", message)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProductImportError(
            [
                RowError(
                    0,
                    "",
                    _("The CSV file is not UTF-8 encoded. In Excel choose “CSV UTF-8 (comma delimited)” when saving."),
                )
            ]
        ) from error
    reader = csv.reader(io.StringIO(text))
    rows = []
    try:
        for row in reader:
            values = [value.strip() for value in row]
            if any(values):
                rows.append(values)
            if len(rows) > MAX_ROWS + 1:
                raise _too_many_rows()
    except csv.Error as error:
        message = _("This row cannot be read: a cell is far too long or a quotation mark is not closed.")
        raise ProductImportError([RowError(reader.line_num, "", message)]) from error
    return rows


def _cell_errors(line, values):
    """Cells too long to be a product field, or that a spreadsheet would run as a formula."""
    errors = []
    for column, text in values.items():
        if len(text) > MAX_CELL_CHARACTERS:
            message = _("This cell has %(count)s characters; at most %(max)s are accepted.") % {
                "count": len(text),
                "max": MAX_CELL_CHARACTERS,
            }
            errors.append(RowError(line, column, message))
        elif looks_like_formula(text):
            message = _(
                "This cell starts like a spreadsheet formula (=, +, -, @). Remove the sign at the start, "
                "or start the text with a letter or digit."
            )
            errors.append(RowError(line, column, message))
    return errors


def read_rows(data: bytes):
    """``[(line_number, {column: text})]`` from CSV or XLSX bytes (detected by content, not by name)."""
    if len(data) > MAX_FILE_BYTES:
        message = _("The file is larger than %(max)s MB. Split it into smaller files.") % {
            "max": MAX_FILE_BYTES // (1024 * 1024)
        }
        raise ProductImportError([RowError(0, "", message)])
    rows = _read_xlsx(data) if data[:4] == b"PK\x03\x04" else _read_csv(data)
    if not rows:
        raise ProductImportError([RowError(0, "", _("The file is empty."))])
    header = [name.strip().lower() for name in rows[0]]
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    errors = [RowError(1, name, _("Unknown column.")) for name in unknown]
    errors += [RowError(1, name, _("This column is missing.")) for name in missing]
    if errors:
        raise ProductImportError(errors)
    if len(rows) - 1 > MAX_ROWS:
        raise _too_many_rows()
    parsed = [
        (line, dict(zip(header, values + [""] * (len(header) - len(values)), strict=False)))
        for line, values in enumerate(rows[1:], start=2)
    ]
    errors = [error for line, values in parsed for error in _cell_errors(line, values)]
    if errors:
        raise ProductImportError(errors)
    return parsed


def _archive_error(message):
    return ProductImportError([RowError(0, "images", message)])


def _unsafe(name):
    """True for a name that would point outside the archive once unpacked (absolute, ``..``, a drive)."""
    path = PurePosixPath(name)
    return name.startswith("/") or "\\" in name or ".." in path.parts or ":" in (path.parts[0] if path.parts else "")


class ImageArchive:
    """The pictures of the ZIP uploaded beside the file, by their names inside it."""

    def __init__(self, upload):
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
        upload.seek(0)
        limit = {"max": MAX_ARCHIVE_BYTES // (1024 * 1024)}
        if size > MAX_ARCHIVE_BYTES:
            raise _archive_error(_("The ZIP of pictures is larger than %(max)s MB. Split the import.") % limit)
        try:
            self.archive = zipfile.ZipFile(upload)
            entries = [info for info in self.archive.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise _archive_error(_("The pictures must come in a ZIP file; this one cannot be read.")) from error
        unsafe = [info.filename for info in entries if _unsafe(info.filename)]
        if unsafe:
            raise _archive_error(
                _("The ZIP holds “%(name)s”, a name that points outside the archive. Pack the pictures again.")
                % {"name": unsafe[0]}
            )
        expanded = sum(info.file_size for info in entries)
        if len(entries) > MAX_ARCHIVE_ENTRIES or expanded > MAX_ARCHIVE_EXPANDED_BYTES:
            raise _archive_error(
                _("The ZIP expands to more than %(max)s MB or %(count)s files. Split the import.")
                % {"max": MAX_ARCHIVE_EXPANDED_BYTES // (1024 * 1024), "count": MAX_ARCHIVE_ENTRIES}
            )
        self.entries = {info.filename: info for info in entries if not info.filename.startswith("__MACOSX/")}
        self._problems = {}

    def read(self, name):
        """The picture's bytes, at most its declared size (a lying entry fails its CRC check instead)."""
        return self.archive.read(self.entries[name])

    def problem(self, name):
        """Why the picture ``name`` cannot be a product image, or "" when it can (checked once per name)."""
        if name not in self._problems:
            self._problems[name] = self._check(name)
        return self._problems[name]

    def _check(self, name):
        if name not in self.entries:
            return _("“%(name)s” is not in the ZIP of pictures.") % {"name": name}
        if self.entries[name].file_size > MAX_IMAGE_BYTES:
            return _("“%(name)s” is larger than 10 MB.") % {"name": name}
        try:
            picture = ContentFile(self.read(name), name=PurePosixPath(name).name)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
            return _("“%(name)s” cannot be read from the ZIP.") % {"name": name}
        try:
            check_image_file(picture)
        except ShowcaseError as error:
            return f"{name}: {error}"
        return ""


def _image_names(text, line, errors, archive):
    """The picture names of a row (None for an empty cell: the product keeps its images)."""
    names = [name.strip() for name in text.split(";") if name.strip()]
    if not names:
        return None
    if archive is None:
        errors.append(RowError(line, "images", _("Upload the ZIP with these pictures beside the file.")))
        return None
    if len(names) > Product.MAX_IMAGES:
        errors.append(RowError(line, "images", _("A product can have at most 8 images.")))
        return None
    problems = [problem for problem in (archive.problem(name) for name in names) if problem]
    errors += [RowError(line, "images", problem) for problem in problems]
    return None if problems else names


# --- Validation ------------------------------------------------------------------------------------------


@dataclass
class ParsedRow:
    line: int
    draft: Product  # the product's latest version (or a new product) holding the row's values
    product: Product | None  # the database row of a SKU the company already has
    old_title: str
    category_path: str
    certifications: list
    images: list | None = None  # names in the ZIP; None keeps the product's images


def _parse_certifications(text, line, errors):
    certifications = []
    for entry in filter(None, (part.strip() for part in text.split(";"))):
        parts = [part.strip() for part in entry.split("|")]
        if len(parts) != 4:
            errors.append(RowError(line, "certifications", _("Write each as TYPE|issuer|number|valid_until.")))
            continue
        kind, issuer, number, until = parts
        if kind.upper() not in CertificateType.values:
            errors.append(
                RowError(
                    line,
                    "certifications",
                    _("Unknown certificate type %(type)s (use one of %(types)s).")
                    % {"type": kind, "types": ", ".join(CertificateType.values)},
                )
            )
            continue
        try:
            valid_until = datetime.date.fromisoformat(until)
        except ValueError:
            errors.append(
                RowError(line, "certifications", _("Write the date as YYYY-MM-DD: %(value)s") % {"value": until})
            )
            continue
        if not issuer or not number:
            errors.append(RowError(line, "certifications", _("The issuer and the number are required.")))
            continue
        certifications.append(
            {"certificate_type": kind.upper(), "issuer": issuer, "number": number, "valid_until": valid_until}
        )
    return certifications


def _parse_row(line, values, errors, *, product, draft, archive):
    """Put the row's values on ``draft`` and validate it once (its ``full_clean()`` runs in the form)."""
    old_title = str(product) if product else ""
    form_data = {name: values.get(name, "") for name in ImportRowForm.Meta.fields}
    form_data["unit"] = form_data["unit"].lower()
    form_data["condition"] = form_data["condition"].lower() or draft.condition
    form_data["lead_time_days"] = form_data["lead_time_days"] or "7"
    form_data["order_multiple"] = draft.order_multiple  # not a column: kept, and checked against the new MOQ
    available = values.get("sample_available", "").strip().lower()
    draft.sample_available = available in TRUE_VALUES  # Product.clean() asks for a sample price then
    form = ImportRowForm(data=form_data, instance=draft)
    row_errors = []
    if not form.is_valid():
        for name, messages in form.errors.items():
            row_errors += [RowError(line, name if name != "__all__" else "", message) for message in messages]
    ships_to = [code.strip().upper() for code in values.get("ships_to", "").split(";") if code.strip()]
    row_errors += [
        RowError(line, "ships_to", _("Unknown country code %(code)s.") % {"code": code})
        for code in ships_to
        if code not in Market.values
    ]
    if available not in TRUE_VALUES | FALSE_VALUES:
        row_errors.append(RowError(line, "sample_available", _("Write yes or no.")))
    certifications = _parse_certifications(values.get("certifications", ""), line, row_errors)
    images = _image_names(values.get("images", ""), line, row_errors, archive)
    errors += row_errors
    if row_errors:
        return None
    draft.ships_to = ships_to
    return ParsedRow(
        line=line,
        draft=draft,
        product=product,
        old_title=old_title,
        category_path=values["category"].strip().strip("/").lower(),
        certifications=certifications,
        images=images,
    )


def _new_product(company):
    product = Product(company=company, live=False)
    product.price_tiers = []
    product.images = []
    return product


def _latest_versions(company, skus):
    """``{sku: (row, latest version)}`` for the company's products with these SKUs, in three queries.

    As ``get_latest_revision_as_object()``: the row itself (its price tiers and images loaded for all rows at
    once) unless it has unpublished changes, then a copy built from its latest revision."""
    rows = list(Product.objects.for_company(company).filter(sku__in=skus).select_related("latest_revision"))
    from_rows = [row for row in rows if not (row.has_unpublished_changes and row.latest_revision)]
    tiers, images = defaultdict(list), defaultdict(list)
    for tier in PriceTier.objects.filter(product__in=from_rows):
        tiers[tier.product_id].append(tier)
    for image in ProductImage.objects.filter(product__in=from_rows):
        images[image.product_id].append(image)
    versions = {}
    for row in from_rows:
        row.price_tiers = tiers[row.pk]
        row.images = images[row.pk]
        versions[row.sku] = (row, row)
    for row in rows:
        if row.sku not in versions:
            versions[row.sku] = (row, row.with_content_json(row.latest_revision.content))
    return versions


def _skus_in_review(company):
    product_ids = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Product), status=WorkflowState.STATUS_IN_PROGRESS
    ).values_list("object_id", flat=True)
    return set(
        Product.objects.for_company(company)
        .filter(pk__in=[int(pk) for pk in product_ids])
        .values_list("sku", flat=True)
    )


def validate(rows, *, company, create_categories=False, archive=None):
    """Parse every row; raise ``ProductImportError`` with all problems, or return the parsed rows."""
    errors = []
    parsed = []
    seen = {}
    categories = set(ProductCategory.objects.values_list("path", flat=True))
    in_review = _skus_in_review(company)
    existing = _latest_versions(company, {values.get("sku", "").strip() for _line, values in rows})
    for line, values in rows:
        sku = values.get("sku", "").strip()
        if sku and sku in seen:
            errors.append(
                RowError(line, "sku", _("SKU %(sku)s is already on row %(row)s.") % {"sku": sku, "row": seen[sku]})
            )
            continue
        seen[sku] = line
        if sku in in_review:
            errors.append(RowError(line, "sku", _("This product is in review; wait for the decision.")))
            continue
        product, draft = existing.get(sku, (None, None))
        row = _parse_row(line, values, errors, product=product, draft=draft or _new_product(company), archive=archive)
        if row is None:
            continue
        if not row.category_path:
            errors.append(RowError(line, "category", _("This field is required.")))
            continue
        if row.category_path not in categories and not create_categories:
            errors.append(RowError(line, "category", _("Unknown category %(path)s.") % {"path": row.category_path}))
            continue
        parsed.append(row)
    if errors:
        raise ProductImportError(errors)
    return parsed


# --- Writing ---------------------------------------------------------------------------------------------

# Rows written together: each batch is a handful of statements, whatever its size.
WRITE_BATCH = 500
# What an import changes on a product row; every other column keeps its value.
IMPORTED_FIELDS = [*ImportRowForm.Meta.fields, "category", "ships_to", "sample_available", "updated_at"]
PUBLISHED_STATE = [
    "latest_revision",
    "live_revision",
    "live",
    "has_unpublished_changes",
    "expired",
    "first_published_at",
    "last_published_at",
]
DRAFT_STATE = ["latest_revision", "has_unpublished_changes"]


def _category(path, cache):
    if path in cache:
        return cache[path]
    parent = None
    built = []
    for slug in path.split("/"):
        built.append(slugify(slug) or slug)
        current = "/".join(built)
        category = cache.get(current) or ProductCategory.objects.filter(path=current).first()
        if category is None:
            label = slug.replace("-", " ").capitalize()
            category = ProductCategory.objects.create(
                parent=parent, slug=built[-1], path=current, name_zh_hant=label, name_en=label
            )
        cache[current] = category
        parent = category
    return cache[path]


def _certificates(company, certifications, cache):
    result = []
    today = timezone.localdate()
    for cert in certifications:
        key = (cert["certificate_type"], cert["number"])
        if key not in cache:
            certificate, _created = Certificate.objects.update_or_create(
                company=company,
                certificate_type=cert["certificate_type"],
                number=cert["number"],
                defaults={"issuer": cert["issuer"], "valid_until": cert["valid_until"]},
                create_defaults={
                    "issuer": cert["issuer"],
                    "valid_until": cert["valid_until"],
                    "valid_from": min(today, cert["valid_until"]),
                },
            )
            if certificate.valid_from > certificate.valid_until:
                certificate.valid_from = certificate.valid_until
                certificate.save(update_fields=["valid_from"])
            cache[key] = certificate
        result.append(cache[key])
    return result


def _pictures(rows, *, archive, user, cache):
    """The rows' pictures as product images (one Wagtail image per name in the ZIP, however many rows use it)."""
    for row in rows:
        if row.images is None:
            continue
        images = []
        for position, name in enumerate(row.images):
            if name not in cache:
                picture = get_image_model()(title=row.draft.name_en[:255], uploaded_by_user=user)
                picture.file = ImageFile(io.BytesIO(archive.read(name)), name=PurePosixPath(name).name)
                picture.save()
                cache[name] = picture
            images.append(ProductImage(image=cache[name], alt_text=row.draft.name_en[:250], sort_order=position))
        row.draft.images = images


@transaction.atomic
def import_products(*, company, data, images=None, user=None, publish=False, create_categories=False, progress=None):
    """Validate ``data`` (CSV or XLSX bytes) and write every row, or nothing. ``progress(done, total)``.
    ``images`` is the ZIP (a binary file) of the pictures the ``images`` column names.

    Each row is validated once. Products, their revisions, certificate links and audit-log entries are written
    in bulk, ``WRITE_BATCH`` rows at a time, as saving a revision and publishing it would write them; without
    ``publish`` each product then enters the moderation workflow. The search index is told once, after commit.
    """
    rows = read_rows(data)
    archive = ImageArchive(images) if images is not None else None
    parsed = validate(rows, company=company, create_categories=create_categories, archive=archive)
    result = ImportResult(published=publish)
    category_cache = {c.path: c for c in ProductCategory.objects.all()}
    known_categories = set(category_cache)
    certificate_cache = {}
    picture_cache = {}
    try:
        for start in range(0, len(parsed), WRITE_BATCH):
            batch = parsed[start : start + WRITE_BATCH]
            # Wagtail would queue one reference-index task per saved object: the index is written here instead.
            with disable_reference_index_auto_update():
                for row in batch:
                    row.draft.category = _category(row.category_path, category_cache)
                    row.draft.certificates = _certificates(company, row.certifications, certificate_cache)
                _pictures(batch, archive=archive, user=user, cache=picture_cache)
                _write(batch, user=user, publish=publish)
            for row in batch:
                (result.updated if row.product else result.created).append(row.draft.pk)
                if not publish:
                    try:
                        start_review(row.draft, user=user)
                    except ShowcaseError as error:
                        raise ProductImportError([RowError(row.line, "", str(error))]) from error
            if progress:
                progress(start + len(batch), len(parsed))
        new_categories = [category for path, category in category_cache.items() if path not in known_categories]
        for instance in [*new_categories, *certificate_cache.values()]:
            ReferenceIndex.create_or_update_for_object(instance)
        changed = [row.draft.pk for row in parsed if publish or row.draft.live]
        notify_products_changed_at_once(changed, reason="published" if publish else "edited")
    except BaseException:
        # The rows roll back with the transaction; the picture files already in storage would stay behind.
        for picture in picture_cache.values():
            picture.file.storage.delete(picture.file.name)
        raise
    return result


def _write(rows, *, user, publish):
    """Write the rows' products with one new revision each (published with ``publish``)."""
    now = timezone.now()
    new = [row.draft for row in rows if row.product is None]
    Product.objects.bulk_create(new)
    # Rows that take the new version: all with ``publish``, otherwise only those not live (as ``save_draft``).
    written = [row for row in rows if row.product is not None and (publish or not row.product.live)]
    in_place = [row.draft for row in written if row.draft is row.product]
    # The latest revision differs from the row (unpublished tiers or images): save() also writes those.
    saved = [row.draft for row in written if row.draft is not row.product]
    for draft in saved:
        draft.save()
    for draft in in_place:
        draft.updated_at = now
    _update_rows(in_place, IMPORTED_FIELDS)
    _link_certificates(created=new, rewritten=in_place)
    written_rows = {id(draft) for draft in new + in_place}
    _write_images([row for row in rows if row.images is not None and id(row.draft) in written_rows])
    _index_references(created=new, rewritten=in_place + saved)
    drafts = [row.draft for row in rows]
    revisions = Revision.objects.bulk_create([_revision(draft, user=user, now=now) for draft in drafts])
    for draft, revision in zip(drafts, revisions, strict=True):
        draft.latest_revision = revision
        draft.has_unpublished_changes = not publish
        if publish:
            draft.live, draft.expired, draft.live_revision = True, False, revision
            draft.first_published_at = draft.first_published_at or now
            draft.last_published_at = now
    _update_rows(drafts, PUBLISHED_STATE if publish else DRAFT_STATE)
    _log(rows, revisions, user=user, publish=publish, now=now)


def _update_rows(products, field_names):
    """Write these fields of each product with one UPDATE statement run for all of them (``executemany``).

    ``bulk_update()`` builds a ``CASE`` per field and row, which took longer than the rest of the import."""
    if not products:
        return
    fields = [Product._meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    table, key = quote(Product._meta.db_table), quote(Product._meta.pk.column)
    sql = f"UPDATE {table} SET {assignments} WHERE {key} = %s"  # noqa: S608 (names from the model, values as parameters)
    rows = [
        [field.get_db_prep_save(getattr(product, field.attname), connection) for field in fields] + [product.pk]
        for product in products
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _write_images(rows):
    """The imported pictures of rows written in bulk as their product images (replacing the old ones)."""
    ProductImage.objects.filter(product__in=[row.draft for row in rows]).delete()
    ProductImage.objects.bulk_create([image for row in rows for image in row.draft.images.all()])


def _link_certificates(*, created, rewritten):
    """Each product's certificates as its links in the database (the links of ``rewritten`` replaced)."""
    links = Product._meta.get_field("certificates").remote_field.through
    links.objects.filter(product__in=rewritten).delete()
    links.objects.bulk_create(
        [
            links(product_id=product.pk, certificate_id=certificate.pk)
            for product in created + rewritten
            for certificate in product.certificates.all()
        ]
    )


def _index_references(*, created, rewritten):
    """What ``ReferenceIndex.create_or_update_for_object()`` does for each product (the admin's usage counts),
    in two statements: the references of ``rewritten`` are replaced."""
    content_type = ContentType.objects.get_for_model(Product, for_concrete_model=False)
    ReferenceIndex.objects.filter(
        base_content_type=content_type, object_id__in=[str(product.pk) for product in rewritten]
    ).delete()
    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(product.pk),
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for product in created + rewritten
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(product)
            )
        ],
        ignore_conflicts=True,
    )


def _revision(draft, *, user, now):
    """The revision ``save_revision()`` would store for ``draft``."""
    return Revision(
        content_type=ContentType.objects.get_for_model(Product),
        base_content_type=Product.get_base_content_type(),
        object_id=str(draft.pk),
        user=user,
        created_at=now,
        content=draft.serializable_data(),
        object_str=str(draft),
    )


def _log(rows, revisions, *, user, publish, now):
    """The audit-log entries of saving (and publishing) each revision, as the admin's history shows them."""
    log_model = log_registry.get_log_model_for_model(Product)
    context = get_active_log_context()
    content_type = ContentType.objects.get_for_model(Product, for_concrete_model=False)
    entries = []

    def entry(row, revision, action, data=None):
        entries.append(
            log_model(
                content_type=content_type,
                object_id=str(row.draft.pk),
                label=str(row.draft),
                action=action,
                data=data or {},
                timestamp=now,
                uuid=context.uuid,
                user=user or context.user,
                revision=revision,
                content_changed=action != "wagtail.rename",
            )
        )

    for row, revision in zip(rows, revisions, strict=True):
        entry(row, revision, "wagtail.edit")
        if publish:
            renamed = row.product is not None and row.old_title != str(row.draft)
            data = {"title": {"old": row.old_title, "new": str(row.draft)}} if renamed else None
            if renamed:
                entry(row, revision, "wagtail.rename", data)
            entry(row, revision, "wagtail.publish", data)
    log_model.objects.bulk_create(entries)
