"""Every e-mail of the site: the text part, an HTML alternative in the recipient's language, one per person."""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from catalog.showcase import tasks
from portal.emails import send_templated_email, send_to_users
from tests.factories.accounts import UserFactory
from tests.factories.companies import MembershipFactory
from tests.factories.showcase import ProductFactory

pytestmark = pytest.mark.django_db


def html_of(message):
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


def test_the_text_gets_an_html_alternative_with_its_language_and_links():
    """Without an .html template the text is laid out as HTML: language set, links clickable, text escaped."""
    product = ProductFactory(name_en="<b>Tea</b> & cake")
    send_templated_email(
        template="showcase/dashboard/emails/product_approved",
        language="th",
        context={"product": product, "base_url": "https://hub.example.gov.tw"},
        recipients=["owner@example.com"],
    )
    (message,) = mail.outbox
    html = html_of(message)
    assert '<html lang="th">' in html
    assert '<a href="https://hub.example.gov.tw/th/dashboard/' in html
    assert "<b>Tea</b>" not in html and "&lt;b&gt;Tea&lt;/b&gt;" in html
    with translation.override("th"):
        assert gettext("Supplier dashboard") in message.body


def test_each_user_gets_one_email_in_their_own_language():
    """Members reading Thai and Vietnamese get one e-mail each in their language; the inactive one gets none."""
    thai = UserFactory(email="th@example.com", preferred_language="th")
    vietnamese = UserFactory(email="vi@example.com", preferred_language="vi")
    gone = UserFactory(email="gone@example.com", preferred_language="th", is_active=False)
    product = ProductFactory()
    send_to_users(
        template="showcase/dashboard/emails/product_approved",
        users=[thai, vietnamese, thai, gone],
        context={"product": product, "base_url": "https://hub.example.gov.tw"},
    )
    assert [m.to for m in mail.outbox] == [["th@example.com"], ["vi@example.com"]]
    assert '<html lang="th">' in html_of(mail.outbox[0]) and '<html lang="vi">' in html_of(mail.outbox[1])


def test_moderation_emails_reach_members_in_their_language():
    """Staff approve a product: the Thai-reading member gets it in Thai, the Chinese-reading one in Chinese."""
    thai = MembershipFactory(user__preferred_language="th")
    chinese = MembershipFactory(company=thai.company, user__preferred_language="zh-hant")
    product = ProductFactory(company=thai.company, name_en="Oolong tea")
    tasks.send_moderation_email.call(product_id=product.pk, decision="approved")
    by_address = {message.to[0]: message for message in mail.outbox}
    for membership, language in ((thai, "th"), (chinese, "zh-hant")):
        with translation.override(language):
            subject = gettext("Approved: %(name)s is live in Taipei Good Products") % {"name": "Oolong tea"}
        assert by_address[membership.user.email].subject == subject
