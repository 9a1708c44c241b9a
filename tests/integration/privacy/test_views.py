"""The people's pages: "Your data", the copy and erasure requests, the one-time download link and the
mailed-link requests of buyers without an account — anonymous, wrong user, right user, staff, bad input."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from privacy.models import DataRequest
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.companies import OwnerFactory

pytestmark = pytest.mark.django_db

MY_DATA = "/en/privacy/my-data/"
COPY = "/en/privacy/my-data/copy/"
ERASE = "/en/privacy/my-data/erase/"
ASK = "/en/privacy/ask/"


def link_in(message, marker):
    return next(line for line in message.body.splitlines() if marker in line).strip()


def path_of(url):
    return url.split("://", 1)[-1].split("/", 1)[-1].join(["/", ""])


def ask_for_a_copy(client, user, callbacks):
    client.force_login(user)
    with callbacks(execute=True):
        response = client.post(COPY)
    assert response.status_code == 302
    return path_of(link_in(mail.outbox[-1], "/privacy/download/"))


class TestNotice:
    def test_everyone_reads_the_notice_with_version_and_retention_periods(self, client, db):
        """The privacy page is public: notice version, the retention periods of every app, the two ways in."""
        response = client.get("/en/privacy/")
        assert response.status_code == 200
        content = response.content.decode()
        assert "version 2026-12" in content
        assert "deleted after 30 days" in content  # unconfirmed inquiries, declared by the inquiries app
        assert ASK in content

    def test_the_notice_in_thai(self, client, db):
        """The page speaks the visitor's language."""
        response = client.get("/th/privacy/")
        assert response.status_code == 200
        assert 'lang="th"' in response.content.decode()


class TestYourData:
    def test_anonymous_is_sent_to_log_in(self, client, db):
        """Your data needs a login, and so do the two requests."""
        for url in (MY_DATA, ERASE):
            response = client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert client.post(COPY).status_code == 302
        assert not DataRequest.objects.exists()

    def test_a_user_sees_only_their_own_requests(self, client, db):
        """Another person's request is not listed."""
        DataRequest.objects.create(kind="erasure", email="other@example.com", user=UserFactory())
        user = UserFactory()
        client.force_login(user)
        response = client.get(MY_DATA)
        assert response.status_code == 200
        assert not response.context["data_requests"]
        assert not response.context["open_erasure"]

    def test_staff_use_the_page_as_themselves(self, client, db):
        """Staff see their own data page, not everyone's requests."""
        DataRequest.objects.create(kind="erasure", email="other@example.com", user=UserFactory())
        client.force_login(StaffFactory())
        assert list(client.get(MY_DATA).context["data_requests"]) == []

    def test_copy_by_get_is_not_allowed(self, client, db):
        """Asking for a copy is a POST; a GET changes nothing."""
        client.force_login(UserFactory())
        assert client.get(COPY).status_code == 405
        assert not DataRequest.objects.exists()

    def test_the_last_owner_is_told_to_transfer_ownership(self, client, db):
        """The erasure page shows why it cannot go ahead; posting anyway is refused with the message, 400."""
        owner = OwnerFactory(company__name_zh="阿里山茶行").user
        client.force_login(owner)
        page = client.get(ERASE)
        assert "last owner of 阿里山茶行" in page.content.decode()
        assert b'value="erasure"' not in page.content
        response = client.post(ERASE)
        assert response.status_code == 400
        assert "last owner of 阿里山茶行" in response.content.decode()
        assert not DataRequest.objects.exists()

    def test_an_erasure_request_and_a_second_one(self, client, db):
        """The first request is taken; the second, while it is open, is refused with a clear message."""
        user = UserFactory()
        client.force_login(user)
        assert client.post(ERASE).status_code == 302
        assert DataRequest.objects.get().status == "requested"
        response = client.post(ERASE)
        assert response.status_code == 400
        assert "already asked for erasure" in response.content.decode()
        assert DataRequest.objects.count() == 1
        assert client.get(MY_DATA).context["open_erasure"]


class TestDownloadLink:
    def test_the_owner_downloads_once(self, client, db, django_capture_on_commit_callbacks):
        """GET shows a button (mail scanners do not use the link up); POST gives the ZIP; a second POST says
        the link was used, with 410, and the file is gone."""
        user = UserFactory()
        url = ask_for_a_copy(client, user, django_capture_on_commit_callbacks)
        assert client.get(url).status_code == 200
        data_request = DataRequest.objects.get()
        storage, name = data_request.file.storage, data_request.file.name
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content)[:2] == b"PK"
        assert not storage.exists(name)
        again = client.post(url)
        assert again.status_code == 410
        assert "already been used" in again.content.decode()
        assert DataRequest.objects.get().status == "downloaded"

    def test_an_expired_link(self, client, db, django_capture_on_commit_callbacks):
        """After its week the link says it expired (410) and hands nothing over."""
        url = ask_for_a_copy(client, UserFactory(), django_capture_on_commit_callbacks)
        DataRequest.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
        response = client.post(url)
        assert response.status_code == 410
        assert "expired" in response.content.decode()
        assert DataRequest.objects.get().status == "ready"

    def test_another_user_gets_not_found_and_anonymous_must_log_in(
        self, client, db, django_capture_on_commit_callbacks
    ):
        """The link of an account's copy works only for that account: 404 for another user, login for
        anonymous visitors; neither uses it up."""
        url = ask_for_a_copy(client, UserFactory(), django_capture_on_commit_callbacks)
        client.force_login(UserFactory())
        assert client.post(url).status_code == 404
        client.logout()
        response = client.post(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert DataRequest.objects.get().status == "ready"

    def test_staff_cannot_download_someone_elses_copy(self, client, db, django_capture_on_commit_callbacks):
        """Not even staff: the copy is the person's."""
        url = ask_for_a_copy(client, UserFactory(), django_capture_on_commit_callbacks)
        client.force_login(StaffFactory())
        assert client.post(url).status_code == 404

    def test_a_made_up_token(self, client, db):
        """A token that matches nothing: a clear message, never a 500."""
        response = client.get("/en/privacy/download/not-a-real-token/")
        assert response.status_code == 410
        assert "not valid" in response.content.decode()


class TestWithoutAnAccount:
    def test_known_and_unknown_addresses_get_the_same_answer(
        self, client, db, person, django_capture_on_commit_callbacks
    ):
        """Whether we hold data about the address or not, the page is the same and a link is mailed to it."""
        with django_capture_on_commit_callbacks(execute=True):
            known = client.post(ASK, {"email": "mei@example.com", "kind": "export"}, REMOTE_ADDR="10.1.0.1")
            unknown = client.post(ASK, {"email": "nobody@example.com", "kind": "export"}, REMOTE_ADDR="10.1.0.2")
        assert known.status_code == unknown.status_code == 200
        assert known.templates[0].name == unknown.templates[0].name == "privacy/guest_sent.html"
        assert [message.to for message in mail.outbox] == [["mei@example.com"], ["nobody@example.com"]]

    def test_bad_input(self, client, db):
        """No address or no choice: the form again with the errors, 400, nothing saved or sent."""
        response = client.post(ASK, {"email": "not-an-address", "kind": "everything"})
        assert response.status_code == 400
        assert set(response.context["form"].errors) == {"email", "kind"}
        assert not DataRequest.objects.exists() and not mail.outbox

    def test_rate_limited(self, client, db, django_capture_on_commit_callbacks):
        """The fourth link to one address within the hour is refused with a message (429); three were sent."""
        data = {"email": "ratelimited-buyer@example.com", "kind": "export"}
        with django_capture_on_commit_callbacks(execute=True):
            for number in range(3):
                assert client.post(ASK, data, REMOTE_ADDR=f"10.2.0.{number}").status_code == 200
            response = client.post(ASK, data, REMOTE_ADDR="10.2.0.9")
        assert response.status_code == 429
        assert "Too many requests" in response.content.decode()
        assert len(mail.outbox) == 3

    def test_confirming_an_export_mails_a_link_that_works_without_an_account(
        self, client, db, person, django_capture_on_commit_callbacks
    ):
        """Follow the mailed link, confirm: the copy is built and its link mailed; the download needs no
        login; the confirmation link then says it was used."""
        with django_capture_on_commit_callbacks(execute=True):
            client.post(ASK, {"email": "mei@example.com", "kind": "export"}, REMOTE_ADDR="10.3.0.1")
        confirm = path_of(link_in(mail.outbox[-1], "/privacy/ask/confirm/"))
        assert client.get(confirm).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(confirm).status_code == 200
        download = path_of(link_in(mail.outbox[-1], "/privacy/download/"))
        response = client.post(download)
        assert response.status_code == 200 and b"".join(response.streaming_content)[:2] == b"PK"
        used = client.post(confirm)
        assert used.status_code == 410 and "already been used" in used.content.decode()

    def test_confirming_an_erasure_goes_to_staff_and_a_second_is_refused(
        self, client, db, django_capture_on_commit_callbacks
    ):
        """A confirmed erasure is open for staff; a second one confirmed for the same address is refused."""
        links = []
        for number in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                client.post(ASK, {"email": "buyer@example.co.th", "kind": "erasure"}, REMOTE_ADDR=f"10.4.0.{number}")
            links.append(path_of(link_in(mail.outbox[-1], "/privacy/ask/confirm/")))
        assert client.post(links[0]).status_code == 200
        second = client.post(links[1])
        assert second.status_code == 410
        assert "already asked for erasure" in second.content.decode()
        assert DataRequest.objects.open().count() == 1

    def test_an_expired_confirmation_link(self, client, db, django_capture_on_commit_callbacks):
        """After 48 hours the link says it expired; nothing opens."""
        with django_capture_on_commit_callbacks(execute=True):
            client.post(ASK, {"email": "late@example.com", "kind": "export"}, REMOTE_ADDR="10.5.0.1")
        DataRequest.objects.update(created_at=timezone.now() - datetime.timedelta(hours=49))
        confirm = path_of(link_in(mail.outbox[-1], "/privacy/ask/confirm/"))
        response = client.post(confirm)
        assert response.status_code == 410 and "expired" in response.content.decode()
        assert DataRequest.objects.get().status == "unconfirmed"
