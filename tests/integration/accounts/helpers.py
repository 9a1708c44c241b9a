import re
import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def current_totp_code(secret: str) -> str:
    """The code an authenticator app would show right now for this secret."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def wrong_totp_code(secret: str) -> str:
    return f"{(int(current_totp_code(secret)) + 1) % 1_000_000:06d}"


def confirmation_path(message_body: str) -> str:
    """The /<lang>/accounts/confirm-email/<key>/ path from a verification e-mail."""
    match = re.search(r"https?://[^/\s]+(/\S*/accounts/confirm-email/\S+/)", message_body)
    assert match, message_body
    return match.group(1)


def login(client, email, password, lang="en"):
    return client.post(f"/{lang}/accounts/login/", {"login": email, "password": password})
