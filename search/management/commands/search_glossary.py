"""Load the trade glossary (or a staff-edited copy of it) into the search synonym sets."""

from django.core.management.base import BaseCommand, CommandError

from search import glossary, services


class Command(BaseCommand):
    help = (
        "Load the multilingual trade glossary into the search synonym sets: one set per concept, found by its "
        "key, so loading again updates the sets. Staff edit a copy of search/data/trade_glossary.tsv (one "
        "concept per row, one column per language, variants separated by |) and load it with --file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(glossary.GLOSSARY_PATH), help="the glossary file (TSV, UTF-8)")
        parser.add_argument("--dry-run", action="store_true", help="only report what would change")
        parser.add_argument(
            "--prune", action="store_true", help="delete the glossary's sets whose concept is not in the file"
        )

    def handle(self, *args, **options):
        try:
            concepts = glossary.read(options["file"])
        except glossary.GlossaryError as exc:
            raise CommandError(str(exc)) from exc
        result = services.glossary_load(concepts=concepts, prune=options["prune"], dry_run=options["dry_run"])
        prefix = "would be " if options["dry_run"] else ""
        self.stdout.write(
            f"{len(concepts)} concepts in {options['file']}: {len(result.created)} {prefix}created, "
            f"{len(result.updated)} {prefix}updated, {result.unchanged} unchanged"
        )
        for label, keys in (("created", result.created), ("updated", result.updated)):
            if keys:
                self.stdout.write(f"  {prefix}{label}: {', '.join(keys)}")
        if result.not_in_file:
            action = f"{prefix}deleted" if result.pruned else "kept (--prune deletes them)"
            self.stdout.write(f"  not in the file, {action}: {', '.join(result.not_in_file)}")
