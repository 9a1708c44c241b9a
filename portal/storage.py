"""Storage for private uploads (application documents, certificate scans): outside the public media path,
without public URLs; and the production static files, each URL built once per process."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from whitenoise.storage import CompressedManifestStaticFilesStorage


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT``; read at use time so tests and deployments can move it."""

    @property
    def base_location(self):
        return os.fspath(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a permission-checked view.")


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed static files with hashed names, each URL built once per process.

    An admin page asks for the same few dozen URLs again and again (Wagtail's sidebar once per menu item), and
    building one looks the name up in the manifest and splits and joins URLs. The URLs remembered belong to the
    manifest they were read from: a manifest loaded or rebuilt (``collectstatic``) starts afresh. Unhashed
    URLs (``DEBUG``) are not remembered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls, self._urls_manifest = {}, self.hashed_files

    def url(self, name, force=False):
        if settings.DEBUG and not force:
            return super().url(name, force)
        if self._urls_manifest is not self.hashed_files:
            self._urls, self._urls_manifest = {}, self.hashed_files
        if name not in self._urls:
            self._urls[name] = super().url(name, force)
        return self._urls[name]
