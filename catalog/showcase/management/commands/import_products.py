"""python manage.py import_products --company <統一編號> FILE [--images ZIP] [--publish] [--create-categories]"""

from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalog.showcase.imports import ProductImportError, import_products
from portal.companies.models import Company


class Command(BaseCommand):
    help = "Import products for a company from CSV or XLSX; all rows or none. Without --publish they go to review."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--company", required=True, help="The company's unified business number (統一編號).")
        parser.add_argument("--images", type=Path, help="A ZIP with the pictures the images column names.")
        parser.add_argument("--publish", action="store_true", help="Publish at once instead of sending to review.")
        parser.add_argument("--create-categories", action="store_true", help="Create categories that do not exist yet.")

    def handle(self, *args, file, company, images, publish, create_categories, **options):
        try:
            target = Company.objects.get(ubn=company)
        except Company.DoesNotExist as error:
            raise CommandError(f"No company with the unified business number {company}.") from error
        for path in (file, images):
            if path is not None and not path.is_file():
                raise CommandError(f"{path} does not exist.")
        step = 50

        def progress(done, total):
            if done % step == 0 or done == total:
                self.stdout.write(f"  {done}/{total} products written")

        try:
            with images.open("rb") if images else nullcontext() as archive:
                result = import_products(
                    company=target,
                    data=file.read_bytes(),
                    images=archive,
                    publish=publish,
                    create_categories=create_categories,
                    progress=progress,
                )
        except ProductImportError as error:
            for row_error in error.errors:
                self.stderr.write(str(row_error))
            raise CommandError(f"Nothing was imported: {len(error.errors)} problem(s) in {file.name}.") from error
        state = "published" if publish else "sent to review"
        self.stdout.write(self.style.SUCCESS(f"{len(result.created)} created, {len(result.updated)} updated, {state}."))
