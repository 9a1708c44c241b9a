"""What the search app stores: staff synonyms, the outbox of pending index updates, and the database index."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .text import fold


class SynonymSet(models.Model):
    """Words that mean the same product across languages, e.g. 鳳梨酥, pineapple cake, kek nanas.

    Applied when a query is parsed (query-time expansion), so saving a set changes the next search
    in both engines without touching an index.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("Only shown in the admin."))
    terms = models.TextField(
        _("terms"),
        help_text=_("One word or phrase per line, in any language. A query for one of them also finds the others."),
    )
    glossary_key = models.SlugField(
        _("glossary concept"),
        max_length=60,
        blank=True,
        help_text=_(
            "Set by the trade glossary (manage.py search_glossary). A set with a concept is rewritten from the "
            "glossary file on each load; leave it empty for sets of your own."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [FieldPanel("name"), FieldPanel("terms"), FieldPanel("glossary_key", read_only=True)]

    class Meta:
        verbose_name = _("search synonym set")
        verbose_name_plural = _("search synonym sets")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["glossary_key"], condition=~models.Q(glossary_key=""), name="search_synonym_glossary_unique"
            )
        ]

    def __str__(self):
        return self.name

    def term_list(self):
        """The set's terms in their folded form (search/text.py), blank lines and duplicates dropped, in order."""
        seen = []
        for line in self.terms.splitlines():
            term = fold(line)
            if term and term not in seen:
                seen.append(term)
        return seen


class PendingUpdate(models.Model):
    """A product whose index entries must be rewritten (or removed); kept until Elasticsearch has it.

    One row per product: a second change before the first is processed only moves `queued_at`.
    """

    product_id = models.PositiveBigIntegerField(_("product id"), unique=True)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now, db_index=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pending search update")
        verbose_name_plural = _("pending search updates")
        ordering = ["next_attempt_at"]

    def __str__(self):
        return f"product {self.product_id}"

    def retry_later(self, *, error, now):
        """Count a failed attempt and back off: 10 s, 20 s, 40 s … capped at one hour."""
        self.attempts += 1
        self.next_attempt_at = now + datetime.timedelta(seconds=min(10 * 2 ** (self.attempts - 1), 3600))
        self.last_error = error[:300]


def facet_key(facet, value):
    """A facet row as one string for ProductEntry.facet_keys (facet names have no spaces)."""
    return f"{facet} {value}"


class ProductEntry(models.Model):
    """A live product flattened for the database search backend (the same document Elasticsearch gets).

    Text columns are case-folded so that a plain `contains` is a case-insensitive substring match for
    every script, on SQLite and PostgreSQL alike. `search_text` has a trigram index (migration 0003): on
    PostgreSQL a `pg_trgm` GIN index the planner uses for `contains` of 3+ characters, on SQLite the FTS5
    table TEXT_INDEX (trigram tokenizer), kept in step with this table by triggers, which the backend asks
    first (search/backends/database.py).

    On PostgreSQL (migration 0005) two more GIN indexes let the planner intersect text and filters before it
    reads a row: `facet_keys` (the entry's facet rows as `facet_key` strings, e.g. "market TH") and the column
    `short_grams`, which Django does not know: PostgreSQL computes it from `search_text` (its one- and
    two-character substrings, for the words a trigram index cannot look up).
    """

    # The SQLite FTS5 trigram table over `search_text` (rowid = product_id); absent on PostgreSQL.
    TEXT_INDEX = "search_productentry_text"

    product_id = models.PositiveBigIntegerField(primary_key=True)
    document = models.JSONField()
    name_text = models.TextField()
    category_text = models.TextField(default="")
    search_text = models.TextField()
    price_twd = models.DecimalField(max_digits=12, decimal_places=2, null=True, db_index=True)
    moq = models.PositiveIntegerField(null=True)
    created_at = models.DateTimeField(db_index=True)
    refresh_on = models.DateField(null=True, db_index=True)
    # Null only so that SQLite adds the column in place: a rebuilt table would lose migration 0003's triggers.
    # Every entry written has its list, and migration 0005 filled the existing ones.
    facet_keys = models.JSONField(null=True)

    class Meta:
        verbose_name = _("product search entry")
        verbose_name_plural = _("product search entries")
        # A search without words reads these columns only: from this index, not from the rows with their
        # documents (five times the size).
        indexes = [models.Index(fields=["product_id", "created_at", "price_twd", "moq"], name="search_entry_browse")]

    def __str__(self):
        return f"product {self.product_id}"


class SpellingWord(models.Model):
    """A Latin-script word of the indexed product names or of a synonym set, for the database backend's
    typo tolerance and "did you mean" (Elasticsearch has its fuzzy queries and term suggester)."""

    word = models.CharField(max_length=40, primary_key=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    class Meta:
        verbose_name = _("spelling word")
        verbose_name_plural = _("spelling words")

    def __str__(self):
        return self.word


class ProductEntryFacet(models.Model):
    """One facet value of an entry (category ancestors, certificate types, markets, district, sample).

    An entry's rows are found through the unique (entry, facet, value) index, which holds all three columns: the
    database backend's counts read them from that index alone. A separate index on `entry` would only add a
    second way in, and PostgreSQL's planner took it for large matched sets, reading each row from the table.
    """

    entry = models.ForeignKey(ProductEntry, on_delete=models.CASCADE, related_name="facets", db_index=False)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]
        constraints = [models.UniqueConstraint(fields=["entry", "facet", "value"], name="search_facet_unique")]

    def __str__(self):
        return f"{self.facet}={self.value}"


class ProductFacetTotal(models.Model):
    """How many entries have each facet value, over the whole table: kept by `indexing.write_entries` in the
    transaction that writes the facet rows. When a search matches more than half of the entries, the database
    backend counts the facet rows of the entries it did not match and subtracts them from these totals, so
    counting never reads more than half of the facet rows (search/backends/database.py)."""

    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=200)
    entries = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["facet", "value"], name="search_facet_total_unique")]

    def __str__(self):
        return f"{self.facet}={self.value}: {self.entries}"
