"""The "ready for" facet on both engines (the `engine` fixture): counts and filters from the readiness
checklist, and the index follows when a certificate expires or a rule changes (outbox, after commit)."""

import datetime

import pytest
from django.utils import timezone

from catalog.readiness import services as readiness_services
from catalog.readiness.models import Requirement
from catalog.showcase.models import CertificateType
from search import services
from search.documents import alias_name
from search.engine import get_client
from search.models import PendingUpdate
from search.selectors import build_filters, product_search
from tests.factories.companies import MembershipFactory
from tests.factories.readiness import make_rule, ships_to_rule
from tests.factories.search import CertificateFactory, PublicProductFactory

from .conftest import rebuild

pytestmark = pytest.mark.django_db


def refresh(engine):
    assert not PendingUpdate.objects.exists()
    if engine == "elasticsearch":
        get_client().indices.refresh(index=alias_name())


def names(results):
    return sorted(hit.name for hit in results.hits)


@pytest.fixture
def ready_catalogue(db, engine):
    """Thailand asks only that a product ships there; Malaysia also wants a halal certificate it recognises.
    The JAKIM cake is ready for both, the plain cake for Thailand only, the tea for neither."""
    ships_to_rule("TH")
    ships_to_rule("MY")
    halal = make_rule("MY", Requirement.CERTIFICATE, certificate_type=CertificateType.HALAL)
    jakim = PublicProductFactory(name_en="JAKIM cake", ships_to=["TH", "MY"])
    certificate = CertificateFactory(company=jakim.company, recognised_markets=["MY"])
    jakim.certificates.add(certificate)
    jakim.save()
    PublicProductFactory(name_en="Plain cake", ships_to=["TH", "MY"])
    PublicProductFactory(name_en="Oolong tea", ships_to=["VN"])
    rebuild()
    return {"jakim": jakim, "certificate": certificate, "halal": halal}


def test_counts_per_market_and_the_filter(ready_catalogue, engine):
    everything = product_search("", locale="en")
    assert everything.engine == engine
    assert {f.value: f.count for f in everything.facets["ready_for"]} == {"TH": 2, "MY": 1}
    malaysia = product_search("", filters=build_filters(ready_for=["my"]), locale="en")
    assert names(malaysia) == ["JAKIM cake"]
    assert [f.value for f in malaysia.facets["ready_for"] if f.active] == ["MY"]


def test_several_markets_combine_with_or_and_unknown_codes_are_dropped(ready_catalogue):
    either = product_search("", filters=build_filters(ready_for=["TH", "MY", "XX"]), locale="en")
    assert names(either) == ["JAKIM cake", "Plain cake"]
    assert build_filters(ready_for=["XX"]).ready_for == ()


def test_the_filter_combines_with_the_query_text(ready_catalogue):
    results = product_search("cake", filters=build_filters(ready_for=["MY"]), locale="en")
    assert names(results) == ["JAKIM cake"]


def test_the_results_page_lists_the_facet_and_filters(client, ready_catalogue):
    """The facet lists "Ready for Malaysia" (not to be read as "ships to"), and its chip removes it."""
    html = client.get("/en/search/products/", {"ready_for": "MY"}).content.decode()
    assert "Market readiness" in html and 'Ready for Malaysia <span aria-hidden="true">' in html
    assert "JAKIM cake" in html and "Plain cake" not in html


def test_an_expiring_certificate_takes_the_product_out_of_the_filter(
    ready_catalogue, engine, monkeypatch, django_capture_on_commit_callbacks
):
    """The certificate ends today: tomorrow's refresh run re-indexes the product, no longer ready for Malaysia."""
    today = timezone.localdate()
    certificate = ready_catalogue["certificate"]
    type(certificate).objects.filter(pk=certificate.pk).update(valid_until=today)
    rebuild()
    assert product_search("", filters=build_filters(ready_for=["MY"]), locale="en").total == 1
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_due_refreshes(today=tomorrow) == 1
    refresh(engine)
    assert product_search("", filters=build_filters(ready_for=["MY"]), locale="en").total == 0
    assert product_search("", filters=build_filters(ready_for=["TH"]), locale="en").total == 2


def test_a_rule_change_reindexes_the_products_it_concerns(ready_catalogue, engine, django_capture_on_commit_callbacks):
    """A new Malaysian label rule makes the JAKIM cake not ready; retiring it (a new version) makes it ready again."""
    with django_capture_on_commit_callbacks(execute=True):
        label = make_rule("MY", Requirement.LABEL_LANGUAGE, languages=["ms", "en"])
    refresh(engine)
    assert product_search("", filters=build_filters(ready_for=["MY"]), locale="en").total == 0
    label.active = False
    with django_capture_on_commit_callbacks(execute=True):
        readiness_services.save_rule(rule=label, by=None)
    refresh(engine)
    assert label.version == 2
    assert names(product_search("", filters=build_filters(ready_for=["MY"]), locale="en")) == ["JAKIM cake"]


def test_a_supplier_stating_the_label_makes_the_product_ready_again(
    ready_catalogue, engine, django_capture_on_commit_callbacks
):
    make_rule("MY", Requirement.LABEL_LANGUAGE, languages=["ms"])
    rebuild()
    assert product_search("", filters=build_filters(ready_for=["MY"]), locale="en").total == 0
    jakim = ready_catalogue["jakim"]
    member = MembershipFactory(company=jakim.company).user
    with django_capture_on_commit_callbacks(execute=True):
        readiness_services.save_readiness(
            product=jakim, user=member, label_languages=["ms"], claims_halal=True, registrations={}
        )
    refresh(engine)
    assert names(product_search("", filters=build_filters(ready_for=["MY"]), locale="en")) == ["JAKIM cake"]
