"""The home page shows what exists: open programs (soonest deadline first) and products from verified
suppliers, the ones staff chose first; never a placeholder."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from portal.home.blocks import FeaturedProgramsBlock
from tests.factories.coaching import ProgramPageFactory
from tests.factories.home import build_site
from tests.factories.inquiries import ShowcasePageFactory
from tests.factories.showcase import VerifiedCompanyFactory, live_product
from tests.query_counts import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    site = build_site()
    site.home.body = [
        {"type": "featured_programs", "value": {"heading": "輔導計畫", "pages": []}},
        {"type": "featured_products", "value": {"heading": "臺北好物精選", "products": []}},
    ]
    site.home.save_revision().publish()
    ShowcasePageFactory(parent=site.home)
    return site


def program(site, title, *, opens, closes):
    now = timezone.now()
    return ProgramPageFactory(title=title, opens_at=now + timedelta(days=opens), closes_at=now + timedelta(days=closes))


def test_open_programs_soonest_deadline_first_then_upcoming_never_closed(client, site):
    """Open programs by deadline, then the next to open, with their dates in Taipei time; closed ones never."""
    later = program(site, "晚截止", opens=-5, closes=30)
    sooner = program(site, "早截止", opens=-5, closes=3)
    upcoming = program(site, "即將開放", opens=10, closes=40)
    program(site, "已截止", opens=-40, closes=-1)

    html = client.get("/zh-hant/").content.decode()

    assert html.index(sooner.title) < html.index(later.title) < html.index(upcoming.title)
    assert "已截止" not in html
    assert "(臺北時間, UTC+8)" in html
    assert "New coaching programs will be announced here" not in html


def test_chosen_program_comes_first(client, site):
    """A program staff chose is shown before the automatic ones."""
    program(site, "早截止", opens=-5, closes=3)
    chosen = program(site, "精選計畫", opens=-5, closes=60)
    site.home.body[0].value["pages"] = [chosen]
    site.home.save_revision().publish()

    html = client.get("/zh-hant/").content.decode()

    assert html.index("精選計畫") < html.index("早截止")


def test_products_of_verified_suppliers_newest_first_chosen_first(client, site):
    """The newest products of verified suppliers, linked in the page's language; a chosen one comes first."""
    older = live_product(name_zh_hant="鳳梨酥禮盒", name_en="Pineapple cake box")
    newer = live_product(name_zh_hant="烏龍茶", name_en="Oolong tea")
    hidden = live_product(name_zh_hant="未驗證商品", name_en="Unverified", company__verified_at=None)

    html = client.get("/zh-hant/").content.decode()
    assert html.index(newer.name_zh_hant) < html.index(older.name_zh_hant)
    assert hidden.name_zh_hant not in html
    assert f'href="/zh-hant/showcase/product/{newer.pk}-' in html

    site.home.body[1].value["products"] = [older]
    site.home.save_revision().publish()
    html = client.get("/zh-hant/").content.decode()
    assert html.index(older.name_zh_hant) < html.index(newer.name_zh_hant)


def test_without_programs_or_products_the_sections_are_left_out(client, site):
    """An empty section is not shown at all, rather than promising content."""
    html = client.get("/zh-hant/").content.decode()
    assert "featured-programs" not in html and "featured-products" not in html


def test_the_program_chooser_offers_program_pages_only():
    """Staff can only pick coaching programs in the featured-programs block."""
    chooser = FeaturedProgramsBlock().child_blocks["pages"].child_block
    assert [model._meta.label for model in chooser.target_models] == ["coaching.ProgramPage"]


def test_one_product_per_supplier_before_a_second(client, site):
    """A supplier with many new products does not fill the block: each supplier's newest comes first."""
    live_product(name_zh_hant="木柵鐵觀音")
    busy = VerifiedCompanyFactory()
    newest = [live_product(name_zh_hant=f"醬料新品 {n}", company=busy) for n in range(7)][-1]

    html = client.get("/zh-hant/").content.decode()

    assert "木柵鐵觀音" in html
    assert html.index(newest.name_zh_hant) < html.index("木柵鐵觀音")


def test_kept_programs_are_read_again_when_one_opens_or_closes(client, site):
    """The programs are kept between requests until the next opening or closing of a live program: while
    nothing changes they cost no query; once that moment passes, a closed program is gone and an opened one
    says "Apply by"."""
    closing = program(site, "即將截止", opens=-5, closes=1)
    opening = program(site, "明天開放", opens=2, closes=30)
    html = client.get("/zh-hant/").content.decode()
    assert closing.title in html and opening.title in html
    assert not any("coaching_programpage" in sql for sql in page_queries(client, "/zh-hant/"))

    real_now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=real_now + timedelta(days=1, hours=1)):
        html = client.get("/zh-hant/").content.decode()
    assert closing.title not in html and opening.title in html
    assert html.count("開放申請：") == 1

    with mock.patch("django.utils.timezone.now", return_value=real_now + timedelta(days=2, hours=1)):
        html = client.get("/zh-hant/").content.decode()
    assert opening.title in html
    assert "開放申請：" not in html
