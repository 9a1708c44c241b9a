"""Editing the site in the Wagtail admin: page forms, site-content snippets and translation."""

import pytest
from django.urls import reverse

from portal.home.models import (
    AlliancePage,
    FooterContent,
    NavigationMenu,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
    StandardPage,
)
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.home import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

SNIPPETS = [PartnerOrganisation, NavigationMenu, FooterContent]


def snippet_list_url(model):
    return reverse(f"wagtailsnippets_home_{model._meta.model_name}:list")


@pytest.mark.parametrize("model", SNIPPETS)
def test_anonymous_visitors_are_sent_to_log_in(client, model):
    """The site-content snippets are not visible without logging in."""
    response = client.get(snippet_list_url(model))
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("model", SNIPPETS)
def test_members_without_admin_access_are_refused(client, model):
    """A signed-in company user without admin access is sent away from the snippets (to the log-in page)."""
    client.force_login(UserFactory())
    response = client.get(snippet_list_url(model))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("model", SNIPPETS)
def test_staff_list_and_open_the_add_form(client, model):
    """Staff see each snippet list and its add form."""
    client.force_login(StaffFactory())
    assert client.get(snippet_list_url(model)).status_code == 200
    add_url = reverse(f"wagtailsnippets_home_{model._meta.model_name}:add")
    assert client.get(add_url).status_code == 200


@pytest.mark.parametrize(
    ("model", "parent_name"),
    [(StandardPage, "home"), (NewsIndexPage, None), (AlliancePage, None), (NewsPage, "news"), (StandardPage, "about")],
)
def test_staff_open_the_add_page_form(client, site, model, parent_name):
    """The create form of each page type opens where the page type is allowed."""
    client.force_login(StaffFactory())
    if parent_name is None:
        site.news.delete()
        site.alliance.delete()
        parent = site.home
    else:
        parent = getattr(site, parent_name)
    url = reverse("wagtailadmin_pages:add", args=["home", model._meta.model_name, parent.pk])
    assert client.get(url).status_code == 200


def test_staff_edit_form_of_the_home_page(client, site):
    """The home page's edit form opens (every StreamField block can be built)."""
    client.force_login(StaffFactory())
    assert client.get(reverse("wagtailadmin_pages:edit", args=[site.home.pk])).status_code == 200


def test_staff_can_translate_a_partner(client, site):
    """wagtail-localize translates a partner into English from the admin (kind, logo and link synchronised)."""
    partner = PartnerOrganisationFactory(name="銘傳大學")
    client.force_login(StaffFactory())
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "partnerorganisation", partner.pk])

    response = client.post(url, {"locales": [site.english.pk]})

    assert response.status_code == 302
    assert PartnerOrganisation.objects.filter(translation_key=partner.translation_key, locale=site.english).exists()
