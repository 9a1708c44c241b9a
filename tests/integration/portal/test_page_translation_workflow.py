"""Staff translate pages with wagtail-localize: submit, export a PO file for an outside translator, import it,
publish; operational facts come from the source and stay synchronised."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from coaching.models import ProgramPage
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.coaching import ProgramPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thai():
    return Locale.objects.get_or_create(language_code="th")[0]


@pytest.fixture
def program():
    return ProgramPageFactory(title="跨境電商輔導", capacity=8, fee=1500)


@pytest.fixture
def staff(client):
    """A superuser whose admin is in English (the messages checked below are wagtail-localize's English)."""
    user = StaffFactory(is_superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return user


def submit(client, page, locale):
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk], "include_subtree": False},
    )


def translated_po(client, translation):
    """The PO file staff download, with every string translated as an outside translator would."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = f"[th] {entry.msgid}"
    return po


def upload(client, translation, content):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("program-th.po", content, content_type="text/x-gettext-translation")},
        follow=True,
    )


def test_staff_translate_a_program_through_a_po_file(client, staff, program, thai, django_capture_on_commit_callbacks):
    """Submit → download PO → upload the translated PO → publish: the Thai page has the translated title and the
    source's capacity and fee; a later capacity change in Chinese reaches it."""
    assert submit(client, program, thai).status_code == 302
    translation = Translation.objects.get(source__object_id=program.translation_key, target_locale=thai)
    po = translated_po(client, translation)
    assert "跨境電商輔導" in {entry.msgid for entry in po}

    response = upload(client, translation, str(po).encode())
    assert response.status_code == 200
    assert StringTranslation.objects.filter(locale=thai, data="[th] 跨境電商輔導").exists()

    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=staff, publish=True)
    page = ProgramPage.objects.get(translation_key=program.translation_key, locale=thai)
    assert (page.title, page.capacity, page.fee, page.live) == ("[th] 跨境電商輔導", 8, 1500, True)

    program.capacity = 12
    program.save_revision().publish()
    assert ProgramPage.objects.get(pk=page.pk).capacity == 12


def test_a_po_file_of_another_translation_is_refused(client, staff, program, thai):
    """A PO file exported for a different page is refused with a message and imports nothing."""
    other = ProgramPageFactory(title="另一個計畫")
    submit(client, program, thai)
    submit(client, other, thai)
    mine = Translation.objects.get(source__object_id=program.translation_key, target_locale=thai)
    theirs = Translation.objects.get(source__object_id=other.translation_key, target_locale=thai)

    response = upload(client, mine, str(translated_po(client, theirs)).encode())

    assert "Cannot import PO file that was created for a different translation." in response.content.decode()
    assert not StringTranslation.objects.filter(locale=thai).exists()


def test_a_file_that_is_not_a_po_file_is_refused(client, staff, program, thai):
    """Garbage gives a clear message, never a server error."""
    submit(client, program, thai)
    translation = Translation.objects.get(source__object_id=program.translation_key, target_locale=thai)

    response = upload(client, translation, b"\x89PNG\r\n\x1a\n not a po file")

    assert response.status_code == 200
    assert "Please upload a valid PO file." in response.content.decode()


def test_anonymous_and_members_cannot_submit_translations(client, program, thai):
    """Only staff with the permission reach the translation views: anonymous goes to the login, an SME is
    refused."""
    assert submit(client, program, thai).status_code == 302
    assert not Translation.objects.exists()
    client.force_login(UserFactory())
    assert submit(client, program, thai).status_code in (302, 403)
    assert not Translation.objects.exists()
