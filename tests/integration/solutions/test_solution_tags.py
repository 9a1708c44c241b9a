"""`solution_tags`: other apps' templates (the readiness checklist) list the offerings for a need code and a
market without importing the solution catalog."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories.solutions import build_catalog

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    "{% load solution_tags %}{% solution_offerings need market as offerings %}"
    "{% for offering in offerings %}{{ offering.title }};{% endfor %}"
)


def offerings(need, market):
    with translation.override("zh-hant"):
        return TEMPLATE.render(Context({"need": need, "market": market}))


def test_the_offerings_of_the_need_that_serve_the_market():
    build_catalog()
    assert offerings("compliance", "MY") == "清真認證;"
    assert offerings("logistics", "TH") == "東南亞物流;"


def test_nothing_for_a_market_no_offering_serves_or_an_unknown_need():
    build_catalog()
    assert offerings("compliance", "VN") == ""
    assert offerings("no_such_need", "MY") == ""
    assert offerings("", "MY") == ""
