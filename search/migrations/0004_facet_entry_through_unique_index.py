"""The facet rows' own index on `entry_id` dropped (issue 19): the unique (entry, facet, value) index leads
with the entry and holds every column the database backend's counts read, so they read that index alone; with
both, PostgreSQL's planner merged large matched sets with the whole table through the narrower one."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_database_text_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="productentryfacet",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="facets",
                to="search.productentry",
            ),
        ),
    ]
