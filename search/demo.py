"""Demo content for search: the trade glossary in the synonym sets, and the search index filled from the demo
products.

Idempotent: glossary sets are keyed by concept; the index is rebuilt from the products as they are.
"""

from elasticsearch.exceptions import ElasticsearchException

from . import glossary, indexing, services, sources
from .engine import get_client


def seed(*, stdout):
    concepts = glossary.read()
    loaded = services.glossary_load(concepts=concepts)
    stdout.write(
        f"  search: trade glossary, {len(concepts)} concepts ({len(loaded.created)} new synonym sets, "
        f"{len(loaded.updated)} updated)"
    )
    documents = list(sources.iter_documents())
    indexing.write_entries(documents, replace_all=True)
    stdout.write(f"  search: {len(documents)} public products in the database search table")
    client = get_client()
    if client is None:
        return
    try:
        name, count = indexing.rebuild_index(client, iter(documents))
    except (ElasticsearchException, OSError) as exc:
        stdout.write(f"  search: Elasticsearch not rebuilt ({exc.__class__.__name__}); run manage.py search_rebuild")
        return
    stdout.write(f"  search: {count} products in Elasticsearch index {name}")
