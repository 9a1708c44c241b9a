"""The showcase demo: 60 verified suppliers, 600 live products, idempotent, fast enough for `seed_demo`."""

import io
import time

import pytest
from django.db.models import Q

from catalog.showcase import demo as showcase_demo
from catalog.showcase.models import Certificate, Collection, Product, SupplierProfile
from portal.companies.validators import is_valid_ubn

pytestmark = pytest.mark.django_db


def counts():
    return (
        Product.objects.count(),
        SupplierProfile.objects.count(),
        Certificate.objects.count(),
        Collection.objects.count(),
    )


def test_seed_builds_the_showcase_and_is_idempotent():
    """600 live products (≥ 1/3 with Thai names) of 60 verified suppliers; a second run changes nothing."""
    started = time.perf_counter()
    showcase_demo.seed(stdout=io.StringIO())
    elapsed = time.perf_counter() - started
    assert Product.objects.public().count() == 600
    assert SupplierProfile.objects.filter(company__verified_at__isnull=False).count() == 60
    assert all(is_valid_ubn(p.company.ubn) for p in SupplierProfile.objects.select_related("company"))
    assert Product.objects.exclude(name_th="").count() >= 200
    assert Product.objects.with_valid_certificate("HALAL").exists()
    assert set(Certificate.objects.filter(certificate_type="HALAL").values_list("issuer", flat=True)) == {
        "JAKIM",
        "BPJPH",
        "CICOT",
    }
    assert not Product.objects.filter(Q(live_revision__isnull=True) | Q(images__isnull=True)).exists()
    assert all(c.live_products().exists() for c in Collection.objects.all())
    assert elapsed < 60
    before = counts()
    out = io.StringIO()
    showcase_demo.seed(stdout=out)
    assert counts() == before
    assert "products: all present" in out.getvalue()


def test_demo_revision_matches_the_live_row():
    """The fast path stores a revision with the row's content, so editing starts from the live version."""
    showcase_demo.seed(stdout=io.StringIO())
    product = Product.objects.order_by("pk").first()
    from_revision = product.live_revision.as_object()
    assert from_revision.name_en == product.name_en
    assert [t.min_quantity for t in from_revision.price_tiers.all()] == [
        t.min_quantity for t in product.price_tiers.all()
    ]
    assert product.moderation_state == "live"
