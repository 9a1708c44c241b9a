"""Operational facts (capacity, dates, fees, markets, contacts) are one value in every language.

The bug this guards against: a program's capacity was stored per language, so changing it in English left 8 in
Chinese and 10 in English.
"""

import pytest
from django.urls import reverse
from wagtail.admin.panels import get_edit_handler
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from catalog.solutions.models import Provider
from coaching.models import ProgramPage
from portal.home.models import NewsPage, PartnerOrganisation
from portal.translation import FACT_SET_IN_SOURCE, copy_facts_to_translations
from tests.factories.accounts import StaffFactory
from tests.factories.coaching import ProgramPageFactory
from tests.factories.solutions import ProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def program(english):
    """A Chinese program with 8 places and its English translation."""
    source = ProgramPageFactory(title="跨境電商輔導", capacity=8, fee=1500)
    translated = source.copy_for_translation(english, copy_parents=True).specific
    translated.title = "Cross-border coaching"
    translated.save_revision().publish()
    return source, ProgramPage.objects.get(pk=translated.pk)


def edit_form(page, data=None):
    form_class = type(page).get_edit_handler().get_form_class()
    return form_class(data, instance=page, parent_page=page.get_parent(), for_user=StaffFactory(is_superuser=True))


class TestPrograms:
    def test_publishing_the_source_changes_every_translation(self, program):
        """Capacity, fee and dates changed in Chinese are what the English page (live and draft) shows."""
        source, translated = program
        source.capacity = 10
        source.fee = 2000
        source.save_revision().publish()

        translated = ProgramPage.objects.get(pk=translated.pk)
        assert (translated.capacity, translated.fee, translated.closes_at) == (10, 2000, source.closes_at)
        assert translated.get_latest_revision_as_object().capacity == 10

    def test_a_translators_later_publish_keeps_the_new_value(self, program):
        """Publishing the English draft afterwards does not bring the old capacity back."""
        source, translated = program
        source.capacity = 10
        source.save_revision().publish()

        draft = ProgramPage.objects.get(pk=translated.pk).get_latest_revision_as_object()
        draft.title = "Cross-border coaching 2027"
        draft.save_revision().publish()

        assert {page.capacity for page in ProgramPage.objects.filter(translation_key=source.translation_key)} == {10}

    def test_the_translation_form_cannot_change_the_facts(self, program):
        """In the English edit form capacity is read-only: a posted 10 is ignored and 8 stays."""
        _, translated = program
        form = edit_form(translated, data={"capacity": "10", "fee": "0"})
        assert form.fields["capacity"].disabled and form.fields["fee"].disabled
        assert form.fields["capacity"].help_text == FACT_SET_IN_SOURCE
        assert form["capacity"].value() == 8
        assert not form.fields["title"].disabled

    def test_the_source_form_can_change_them(self, program):
        """Staff change the facts in the default-language version."""
        source, _ = program
        assert not edit_form(source).fields["capacity"].disabled

    def test_the_admin_edit_page_shows_the_field_read_only(self, client, program):
        """The English page's edit view renders the capacity input disabled, with the note."""
        _, translated = program
        client.force_login(StaffFactory(is_superuser=True))
        response = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        capacity_input = html[html.index('name="capacity"') - 200 : html.index('name="capacity"') + 200]
        assert "disabled" in capacity_input

    def test_wagtail_localize_treats_them_as_synchronised_and_not_overridable(self):
        """The translation editor shows the same facts as synchronised, with no override."""
        fields = {field.field_name: field for field in get_translatable_fields(ProgramPage)}
        for name in ("opens_at", "closes_at", "capacity", "fee"):
            assert isinstance(fields[name], SynchronizedField)
            assert fields[name].overridable is False

    def test_copying_again_changes_nothing(self, program):
        """The copy is idempotent: a second run finds every translation equal."""
        source, _ = program
        source.capacity = 12
        source.save_revision().publish()
        assert copy_facts_to_translations(ProgramPage.objects.get(pk=source.pk)) == 0

    def test_a_translation_is_never_a_source(self, program):
        """Publishing the English page copies nothing to Chinese."""
        source, translated = program
        ProgramPage.objects.filter(pk=translated.pk).update(capacity=30)
        assert copy_facts_to_translations(ProgramPage.objects.get(pk=translated.pk)) == 0
        assert ProgramPage.objects.get(pk=source.pk).capacity == 8


class TestSnippetsAndNews:
    def test_a_providers_contact_and_markets_follow_the_source(self, english):
        """Saving the Chinese provider updates the English row's website, markets and e-mail."""
        source = ProviderFactory(name="亞洲物流")
        translated = source.copy_for_translation(english)
        translated.name = "Asia Logistics"
        translated.save()

        source.website = "https://asia-logistics.example.com"
        source.markets = ["VN"]
        source.contact_email = "intro@asia-logistics.example.com"
        source.save()

        translated = Provider.objects.get(pk=translated.pk)
        assert translated.name == "Asia Logistics"
        assert (translated.website, translated.markets, translated.contact_email) == (
            "https://asia-logistics.example.com",
            ["VN"],
            "intro@asia-logistics.example.com",
        )

    def test_the_provider_translation_form_freezes_the_facts(self, english):
        """The English provider form shows the e-mail read-only and the name editable."""
        source = ProviderFactory()
        translated = source.copy_for_translation(english)
        translated.save()
        form_class = get_edit_handler(Provider).get_form_class()
        form = form_class(instance=translated, for_user=StaffFactory(is_superuser=True))
        assert form.fields["contact_email"].disabled
        assert not form.fields["name"].disabled

    def test_declared_models(self):
        """The facts each translatable model shares across languages."""
        assert NewsPage.synchronised_fields == ("date",)
        assert PartnerOrganisation.synchronised_fields == ("kind", "logo", "link")
        assert Provider.synchronised_fields == ("logo", "website", "markets", "verified_at", "contact_email")
