"""Failed-login limits behind the HTTPS proxy: counted per account and per client (the address the proxy
appends to X-Forwarded-For), so one visitor's mistakes never lock out another visitor or another account."""

import pytest

from tests.factories.accounts import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    """Every request arrives from the proxy's address, as with the README's deployment."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def login_from(client, client_ip, email, password):
    return client.post(
        "/en/accounts/login/",
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{client_ip}",
    )


def signed_in(client, user):
    return client.session.get("_auth_user_id") == str(user.pk)


def test_five_wrong_passwords_for_one_account_do_not_lock_out_another_visitor(client, django_user_model):
    """Five wrong passwords for A from one visitor: B, behind the same proxy, still signs in."""
    alice, bob = UserFactory(), UserFactory()
    for _attempt in range(5):
        login_from(client, "203.0.113.7", alice.email, "wrong-password")
    other = type(client)()
    response = login_from(other, "198.51.100.9", bob.email, DEFAULT_PASSWORD)
    assert response.status_code == 302 and signed_in(other, bob)


def test_the_same_visitor_can_still_sign_in_to_another_account(client):
    """The per-client limit is well above the per-account one: after five failures for A, the same client
    signs in to B (a colleague in the same office)."""
    alice, bob = UserFactory(), UserFactory()
    for _attempt in range(5):
        login_from(client, "203.0.113.7", alice.email, "wrong-password")
    response = login_from(client, "203.0.113.7", bob.email, DEFAULT_PASSWORD)
    assert response.status_code == 302 and signed_in(client, bob)


def test_five_failures_for_one_account_from_many_clients_lock_that_account(client):
    """Per account: five failures spread over five addresses lock the account, even for the right password."""
    alice = UserFactory()
    for n in range(5):
        login_from(client, f"203.0.113.{n + 1}", alice.email, "wrong-password")
    response = login_from(client, "198.51.100.9", alice.email, DEFAULT_PASSWORD)
    assert not signed_in(client, alice)
    assert "too many" in response.content.decode().lower()


def test_thirty_failures_from_one_client_lock_that_client_only(client):
    """Per client: thirty failures over many accounts from one address stop that address, not others."""
    users = [UserFactory() for _ in range(7)]
    for n in range(30):
        login_from(client, "203.0.113.7", users[n % 6].email, f"wrong-{n}")
    response = login_from(client, "203.0.113.7", users[6].email, DEFAULT_PASSWORD)
    assert not signed_in(client, users[6])
    assert "too many" in response.content.decode().lower()
    other = type(client)()
    assert login_from(other, "198.51.100.9", users[6].email, DEFAULT_PASSWORD).status_code == 302


def test_a_forged_forwarded_for_entry_does_not_change_the_client(client):
    """A visitor writing their own X-Forwarded-For cannot pose as another client: the proxy appends the real
    address, and only the last entry is trusted."""
    alice = UserFactory()
    for n in range(30):
        client.post(
            "/en/accounts/login/",
            {"login": f"nobody{n}@example.com", "password": "x"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7",
        )
    response = login_from(client, "203.0.113.7", alice.email, DEFAULT_PASSWORD)
    assert not signed_in(client, alice)
    assert "too many" in response.content.decode().lower()
