"""allauth's pages render inside the site's own layout, in Traditional Chinese and English."""

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory

from .helpers import current_totp_code, login

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hant", "en"]


def assert_site_layout(response, lang):
    """The page is ours: html lang, the skip link and <main> from base.html, no allauth bare layout."""
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html.lower()
    assert 'class="skip-link"' in html
    assert '<main id="main"' in html
    assert "Menu:" not in html
    assert 'class="page-account"' in html
    return html


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "path", ["accounts/login/", "accounts/signup/", "accounts/password/reset/", "accounts/confirm-email/"]
)
def test_anonymous_account_pages_render(client, lang, path):
    """Login, sign-up, password reset and "verify your e-mail" pages render in both languages."""
    assert_site_layout(client.get(f"/{lang}/{path}"), lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_login_page_speaks_the_language(client, lang):
    """The login heading is translated by allauth's own catalogue."""
    html = assert_site_layout(client.get(f"/{lang}/accounts/login/"), lang)
    assert ("登入" in html) if lang == "zh-hant" else ("Sign In" in html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_confirm_email_page_renders(client, lang):
    """The link in the verification e-mail opens a confirmation page with a POST button."""
    user = UserFactory(verified_email=False)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    key = EmailConfirmationHMAC(address).key
    html = assert_site_layout(client.get(f"/{lang}/accounts/confirm-email/{key}/"), lang)
    assert 'method="post"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_password_reset_from_key_page_renders(client, lang, mailoutbox):
    """The reset link from the e-mail leads to a "new password" form in the site's layout."""
    user = UserFactory()
    client.post(f"/{lang}/accounts/password/reset/", {"email": user.email})
    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/accounts/password/reset/key/" in line)
    response = client.get(link.strip(), follow=True)
    html = assert_site_layout(response, lang)
    assert 'name="password1"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mfa_pages_render(client, lang):
    """MFA overview, TOTP activation (after password confirmation) and recovery codes render."""
    user = UserFactory()
    login(client, user.email, DEFAULT_PASSWORD, lang=lang)
    assert_site_layout(client.get(f"/{lang}/accounts/2fa/"), lang)
    response = client.post(
        f"/{lang}/accounts/reauthenticate/?next=/{lang}/accounts/2fa/totp/activate/",
        {"password": DEFAULT_PASSWORD},
        follow=True,
    )
    html = assert_site_layout(response, lang)
    assert 'name="code"' in html
    secret = client.session["mfa.totp.secret"]
    response = client.post(f"/{lang}/accounts/2fa/totp/activate/", {"code": current_totp_code(secret)}, follow=True)
    assert_site_layout(response, lang)
    assert response.redirect_chain[-1][0] == f"/{lang}/accounts/2fa/recovery-codes/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mfa_authenticate_page_renders(client, lang):
    """The second login step asks for the code in the site's layout."""
    user = UserFactory()
    TOTP.activate(user, generate_totp_secret())
    response = login(client, user.email, DEFAULT_PASSWORD, lang=lang)
    html = assert_site_layout(client.get(response.url), lang)
    assert 'name="code"' in html


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["accounts/email/", "accounts/password/change/", "accounts/logout/"])
def test_account_management_pages_render(client, lang, path):
    """E-mail addresses, password change and the logout confirmation use the site's layout too."""
    user = UserFactory()
    client.force_login(user)
    assert_site_layout(client.get(f"/{lang}/{path}"), lang)


def test_account_menu_links_to_mfa_for_signed_in_users(client):
    user = UserFactory()
    client.force_login(user)
    assert 'href="/en/accounts/2fa/"' in client.get("/en/accounts/email/").content.decode()
