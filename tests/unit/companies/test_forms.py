"""Company registration form: IME-friendly UBN input, clear messages, markets as checkboxes."""

import pytest

from portal.companies.forms import CompanyRegistrationForm
from tests.factories.companies import CompanyFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name_zh": "好物股份有限公司",
        "name_en": "Good Things Co.",
        "ubn": "04595257",
        "address": "臺北市信義區市府路1號",
        "district": "xinyi",
        "industry": "food",
        "website": "https://example.com",
        "target_markets": ["TH", "MY"],
        "ecommerce_maturity": "domestic",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("typed", ["04595257", "０４５９５２５７", " 0459 5257 ", "０４５９ ５２５７"])
def test_ubn_typed_with_full_width_digits_or_spaces_is_normalised(typed):
    form = CompanyRegistrationForm(data=form_data(ubn=typed))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["ubn"] == "04595257"


@pytest.mark.parametrize(
    ("ubn", "message"),
    [("1234567", "exactly 8 digits"), ("0459525A", "exactly 8 digits"), ("04595258", "fails the checksum")],
)
def test_bad_ubn_has_a_clear_message(ubn, message):
    form = CompanyRegistrationForm(data=form_data(ubn=ubn))
    assert not form.is_valid()
    assert message in form.errors["ubn"][0]


def test_registered_ubn_is_refused_with_a_clear_message():
    CompanyFactory(ubn="04595257")
    form = CompanyRegistrationForm(data=form_data())
    assert not form.is_valid()
    assert form.errors["ubn"] == ["A company with this unified business number is already registered."]


def test_unknown_market_is_refused():
    form = CompanyRegistrationForm(data=form_data(target_markets=["TH", "XX"]))
    assert not form.is_valid()
    assert "target_markets" in form.errors


def test_markets_render_as_labelled_checkboxes_in_a_fieldset():
    html = str(CompanyRegistrationForm())
    assert 'type="checkbox" name="target_markets" value="TH"' in html
    assert "<fieldset" in html
    assert 'aria-describedby="id_ubn_helptext"' in html
