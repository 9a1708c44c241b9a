"""The production static files: hashed names from the manifest, each URL built once per process."""

from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings

from portal.storage import StaticFilesStorage


@pytest.fixture
def storage(tmp_path):
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def collect(storage, content):
    """What ``collectstatic`` does with ``site.css``: stores it, then hashes it and writes the manifest."""
    if storage.exists("site.css"):
        storage.delete("site.css")
    storage.save("site.css", ContentFile(content))
    for _name, _hashed, processed in storage.post_process({"site.css": (storage, "site.css")}):
        if isinstance(processed, Exception):
            raise processed


def test_a_url_is_the_hashed_name(storage):
    """The URL names the hashed copy listed in the manifest."""
    collect(storage, b"body { color: red }")
    assert storage.url("site.css") == f"/static/{storage.hashed_files['site.css']}"
    assert storage.url("site.css") != "/static/site.css"


def test_a_url_is_built_once(storage):
    """Asked again, the storage answers without looking the name up in the manifest again."""
    collect(storage, b"body { color: red }")
    first = storage.url("site.css")
    with mock.patch.object(StaticFilesStorage, "stored_name", side_effect=AssertionError("looked up again")):
        assert storage.url("site.css") == first


def test_a_rebuilt_manifest_gives_the_new_url(storage):
    """After ``collectstatic`` hashes a changed file, the URL names the new copy, not the one remembered."""
    collect(storage, b"body { color: red }")
    before = storage.url("site.css")
    collect(storage, b"body { color: blue }")
    assert storage.url("site.css") != before
    assert storage.url("site.css") == f"/static/{storage.hashed_files['site.css']}"


def test_a_reloaded_manifest_gives_its_url(storage, tmp_path):
    """A manifest loaded again (another process's ``collectstatic``) replaces the URLs remembered."""
    collect(storage, b"body { color: red }")
    before = storage.url("site.css")
    other = StaticFilesStorage(location=tmp_path, base_url="/static/")
    collect(other, b"body { color: green }")
    storage.hashed_files, storage.manifest_hash = storage.load_manifest()
    assert storage.url("site.css") == other.url("site.css") != before


def test_a_missing_file_is_an_error_each_time(storage):
    """A name missing from the manifest is refused every time it is asked for, never remembered."""
    collect(storage, b"body { color: red }")
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("missing.css")


@override_settings(DEBUG=True)
def test_debug_gives_the_unhashed_name(storage):
    """With DEBUG the URL names the file itself, as Django's manifest storage does, and is not remembered."""
    collect(storage, b"body { color: red }")
    assert storage.url("site.css") == "/static/site.css"
    with override_settings(DEBUG=False):
        assert storage.url("site.css") == f"/static/{storage.hashed_files['site.css']}"
