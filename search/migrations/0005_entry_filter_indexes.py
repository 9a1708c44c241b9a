"""Indexes that let PostgreSQL intersect a search's words and filters before it reads any entry (issue 19).

- `facet_keys`: the entry's facet rows as "facet value" strings (models.facet_key), filled here from the
  facet rows and kept by `indexing.write_entries`; on PostgreSQL a GIN index (`jsonb_path_ops`) serves the
  filters of a search with words or on two facets or more, so the planner ANDs the indexes' bitmaps.
- `short_grams` (PostgreSQL only, a generated column Django does not know): the one- and two-character
  substrings of `search_text`'s words, with a GIN index, for the words `pg_trgm` has no trigram for (茶, ชา,
  a Vietnamese "vo"). The text is folded, so words are separated by single spaces and no searched word holds
  one. PostgreSQL forbids changing the type of `search_text` while the column depends on it: a later
  migration doing that must drop and re-create this column.

SQLite keeps to the facet rows' index and its FTS5 trigram table (migration 0003).
"""

from django.db import migrations, models

SHORT_GRAMS = [
    """CREATE FUNCTION search_short_grams(text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT array(
            SELECT DISTINCT gram
            FROM regexp_split_to_table($1, ' ') AS words(word)
            CROSS JOIN LATERAL generate_series(1, char_length(word)) AS positions(position)
            CROSS JOIN LATERAL (VALUES (substr(word, position, 1)), (substr(word, position, 2))) AS grams(gram)
        ) $$""",
    "ALTER TABLE search_productentry ADD COLUMN short_grams text[] "
    "GENERATED ALWAYS AS (search_short_grams(search_text)) STORED",
    "CREATE INDEX search_entry_text_short ON search_productentry USING gin (short_grams)",
    "CREATE INDEX search_entry_facet_keys ON search_productentry USING gin (facet_keys jsonb_path_ops)",
]
FILL_FACET_KEYS = {
    "postgresql": "UPDATE search_productentry SET facet_keys = COALESCE((SELECT jsonb_agg(facet || ' ' || value) "
    "FROM search_productentryfacet WHERE entry_id = product_id), '[]'::jsonb)",
    "sqlite": "UPDATE search_productentry SET facet_keys = (SELECT json_group_array(facet || ' ' || value) "
    "FROM search_productentryfacet WHERE entry_id = product_id)",
}


def create_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in FILL_FACET_KEYS:
        schema_editor.execute(FILL_FACET_KEYS[vendor])
    if vendor == "postgresql":
        for statement in SHORT_GRAMS:
            schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_facet_keys")
        schema_editor.execute("ALTER TABLE search_productentry DROP COLUMN IF EXISTS short_grams")
        schema_editor.execute("DROP FUNCTION IF EXISTS search_short_grams(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_facet_entry_through_unique_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="productentry",
            name="facet_keys",
            field=models.JSONField(null=True),
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
