"""allauth's e-mails speak the project's words, in the recipient's language, with the site's own address."""

import re

import pytest
from django.core import mail

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Taipei-sme-journey-2026"
GREETING = {
    "th": "สวัสดีจากศูนย์กลางอีคอมเมิร์ซข้ามพรมแดนไทเป",
    "vi": "Xin chào từ Cổng Thương mại Điện tử Xuyên biên giới Đài Bắc",
    "en": "Hello from the Taipei Cross-Border E-Commerce Hub of the Taipei City Government.",
}


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://hub.example.gov.tw"


def html_part(message):
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


def test_sign_up_in_thai_gets_the_confirmation_in_thai(client):
    """The confirmation e-mail greets in Thai with the project's name (not the request's host) and gives the
    site's configured address; its HTML alternative is marked Thai."""
    client.post(
        "/th/accounts/signup/", {"email": "somchai@example.co.th", "password1": PASSWORD, "password2": PASSWORD}
    )
    (message,) = mail.outbox
    assert message.to == ["somchai@example.co.th"]
    assert message.body.startswith(GREETING["th"])
    assert "https://hub.example.gov.tw/" in message.body
    assert "testserver" not in message.body.split("\n", 1)[0] and "Hello from" not in message.body
    assert '<html lang="th">' in html_part(message)


def test_password_reset_goes_in_the_language_of_the_account_not_of_the_page(client):
    """A Vietnamese user who asks for a new password from the English page reads the e-mail in Vietnamese."""
    UserFactory(email="lan@example.vn", preferred_language="vi")
    client.post("/en/accounts/password/reset/", {"email": "lan@example.vn"})
    (message,) = mail.outbox
    assert message.body.startswith(GREETING["vi"])
    assert '<html lang="vi">' in html_part(message)


def test_the_reset_link_is_in_the_accounts_language_on_the_sites_address(client):
    """Asked for from the Thai page on another host, the Vietnamese user's reset link opens the Vietnamese page
    on the configured site address."""
    UserFactory(email="lan@example.vn", preferred_language="vi")
    client.post("/th/accounts/password/reset/", {"email": "lan@example.vn"}, HTTP_HOST="127.0.0.1")
    (message,) = mail.outbox
    links = re.findall(r"https?://\S+/password/reset/key/\S+", message.body)
    assert links and all(
        link.startswith("https://hub.example.gov.tw/vi/accounts/password/reset/key/") for link in links
    )
    assert "127.0.0.1" not in message.body and "/th/" not in message.body
    assert client.get(links[0].removeprefix("https://hub.example.gov.tw"), follow=True).status_code == 200


def test_the_confirmation_link_follows_the_language_of_the_sign_up(client):
    """The address-confirmation link of a Malay sign-up opens the Malay confirmation page on the site address."""
    client.post(
        "/ms/accounts/signup/",
        {"email": "aminah@example.com.my", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_HOST="127.0.0.1",
    )
    (message,) = mail.outbox
    assert "https://hub.example.gov.tw/ms/accounts/confirm-email/" in message.body
    assert "127.0.0.1" not in message.body


def test_without_a_preference_the_page_language_is_used(client):
    """An account without a language falls back to the language of the page the request came from."""
    UserFactory(email="guest@example.com", preferred_language="")
    client.post("/en/accounts/password/reset/", {"email": "guest@example.com"})
    (message,) = mail.outbox
    assert message.body.startswith(GREETING["en"])
