"""Shared fixtures. Service fixtures fail (never skip) when CI=true and the service is missing."""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_service(name, available, how_to_start):
    """Skip locally when a service is missing; fail in CI, where `make test` must have started it."""
    if available:
        return
    message = f"{name} is not reachable; {how_to_start}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _media_and_private_roots(settings, tmp_path):
    """Uploaded files go to a temporary folder in every test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
