"""Users choose their language in their account; e-mails and the site follow it."""

import pytest
from django.conf import settings
from wagtail.users.models import UserProfile

from portal.emails import user_language
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/th/accounts/language/"


def test_anonymous_is_sent_to_log_in(client):
    """The page belongs to an account: visitors are asked to log in first."""
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_form_shows_the_language_of_the_sign_up(client):
    """An account made on the Vietnamese site has Vietnamese ticked."""
    client.force_login(UserFactory(preferred_language="vi"))
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["form"]["language"].value() == "vi"
    assert '<input type="radio" name="language" value="vi"' in response.content.decode()


def test_choosing_a_language_saves_it_and_opens_the_page_in_it(client):
    """Picking Bahasa Melayu stores it, sets the language cookie and shows the page in Malay with a message."""
    user = UserFactory(preferred_language="th")
    client.force_login(user)
    response = client.post(URL, {"language": "ms"})
    assert response.status_code == 302 and response["Location"] == "/ms/accounts/language/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ms"
    user.refresh_from_db()
    assert user.preferred_language == "ms" and user_language(user) == "ms"
    page = client.get(response["Location"]).content.decode()
    assert "Bahasa anda kini Bahasa Melayu." in page


def test_an_unknown_language_is_refused_and_nothing_changes(client):
    """A forged value gets the form back with an error summary; the stored language stays."""
    user = UserFactory(preferred_language="th")
    client.force_login(user)
    response = client.post(URL, {"language": "xx"})
    assert response.status_code == 400
    assert 'class="govuk-error-summary"' in response.content.decode()
    user.refresh_from_db()
    assert user.preferred_language == "th"


def test_one_user_changes_only_their_own_language(client):
    """There is no way to name another account: the POST changes the signed-in user only."""
    me, other = UserFactory(preferred_language="th"), UserFactory(preferred_language="id")
    client.force_login(me)
    client.post(URL, {"language": "vi", "user": other.pk})
    other.refresh_from_db()
    assert other.preferred_language == "id"


def test_staff_get_the_admin_in_the_chosen_language_too(client):
    """For staff the Wagtail admin follows the account language."""
    staff = StaffFactory()
    client.force_login(staff)
    client.post(URL, {"language": "en"})
    assert UserProfile.get_for_user(staff).preferred_language == "en"
