"""The database backend's text index and facet totals (issue 19).

PostgreSQL: the `pg_trgm` extension (trusted: the database owner may create it) and a GIN trigram index on
`search_productentry.search_text`, which `LIKE '%word%'` uses for words of 3+ characters.

SQLite: an FTS5 table with the trigram tokenizer (SQLite 3.34+) holding `search_text` under the entry's id,
filled from the existing entries and kept in step by triggers. Without the tokenizer nothing is created and
the backend keeps to LIKE alone. A later migration that makes Django rebuild `search_productentry` on SQLite
drops these triggers with the old table; tests/unit/search/test_database_text_index.py then fails.

Both: `search_productfacettotal`, filled from the existing facet rows.
"""

import contextlib
import sqlite3

from django.db import migrations, models

TEXT_INDEX = "search_productentry_text"
SQLITE_TEXT_INDEX = [
    f"CREATE VIRTUAL TABLE {TEXT_INDEX} USING fts5(search_text, tokenize='trigram')",
    f"INSERT INTO {TEXT_INDEX} (rowid, search_text) SELECT product_id, search_text FROM search_productentry",
    f"""CREATE TRIGGER {TEXT_INDEX}_insert AFTER INSERT ON search_productentry BEGIN
        INSERT INTO {TEXT_INDEX} (rowid, search_text) VALUES (new.product_id, new.search_text); END""",
    f"""CREATE TRIGGER {TEXT_INDEX}_delete AFTER DELETE ON search_productentry BEGIN
        DELETE FROM {TEXT_INDEX} WHERE rowid = old.product_id; END""",
    f"""CREATE TRIGGER {TEXT_INDEX}_update AFTER UPDATE OF product_id, search_text ON search_productentry BEGIN
        DELETE FROM {TEXT_INDEX} WHERE rowid = old.product_id;
        INSERT INTO {TEXT_INDEX} (rowid, search_text) VALUES (new.product_id, new.search_text); END""",
]
POSTGRESQL_TEXT_INDEX = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX search_entry_text_trgm ON search_productentry USING gin (search_text gin_trgm_ops)",
]


def _sqlite_has_trigram():
    with contextlib.closing(sqlite3.connect(":memory:")) as probe:
        try:
            probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='trigram')")
        except sqlite3.OperationalError:
            return False
    return True


def create_text_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = POSTGRESQL_TEXT_INDEX
    elif vendor == "sqlite" and _sqlite_has_trigram():
        statements = SQLITE_TEXT_INDEX
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


def drop_text_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_text_trgm")
    elif vendor == "sqlite":
        for suffix in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {TEXT_INDEX}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {TEXT_INDEX}")


def count_facet_totals(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO search_productfacettotal (facet, value, entries) "
        "SELECT facet, value, COUNT(*) FROM search_productentryfacet GROUP BY facet, value"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_glossary_category_spelling"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProductFacetTotal",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("facet", models.CharField(max_length=20)),
                ("value", models.CharField(max_length=200)),
                ("entries", models.IntegerField()),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("facet", "value"), name="search_facet_total_unique")],
            },
        ),
        migrations.AddIndex(
            model_name="productentry",
            index=models.Index(fields=["product_id", "created_at", "price_twd", "moq"], name="search_entry_browse"),
        ),
        migrations.RunPython(count_facet_totals, migrations.RunPython.noop),
        migrations.RunPython(create_text_index, drop_text_index),
    ]
