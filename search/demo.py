"""Demo content for search: cross-language synonym sets, and the search index filled from the demo products.

Idempotent: synonym sets are keyed by name; the index is rebuilt from the products as they are.
"""

from elasticsearch.exceptions import ElasticsearchException

from . import indexing, sources
from .engine import get_client
from .models import SynonymSet

SYNONYM_SETS = {
    "Pineapple cake": ["鳳梨酥", "pineapple cake", "ขนมพายสับปะรด", "kek nanas", "kue nanas", "bánh dứa"],
    "Oolong tea": ["烏龍茶", "oolong tea", "ชาอูหลง", "teh oolong", "trà ô long"],
    "Bubble tea": ["珍珠奶茶", "bubble tea", "boba", "ชานมไข่มุก", "teh susu mutiara", "trà sữa trân châu"],
    "Halal": ["清真", "halal", "ฮาลาล"],
    "Bicycle": ["自行車", "bicycle", "bike", "จักรยาน", "basikal", "sepeda", "xe đạp"],
}


def seed(*, stdout):
    for name, terms in SYNONYM_SETS.items():
        SynonymSet.objects.update_or_create(name=name, defaults={"terms": "\n".join(terms)})
    stdout.write(f"  search: {len(SYNONYM_SETS)} synonym sets")
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
