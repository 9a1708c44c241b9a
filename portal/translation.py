"""Operational facts are one value in every language; only words are translated.

A page or snippet that is translated (one row per language, Wagtail's ``TranslatableMixin``) lists its facts in
``synchronised_fields``: dates, capacity, fees, markets, contact addresses. Three things then hold:

- wagtail-localize's translation editor shows them as synchronised and not overridable
  (``override_translatable_fields`` is derived from the same list);
- Wagtail's own edit form shows them read-only on every translation, with a note to change them in the
  default language (``SynchronisedFactsForm`` / ``SynchronisedFactsPageForm``);
- saving or publishing the default-language version copies them to every translation, live row and latest
  draft alike, so a translator's later publish cannot bring an old value back (``copy_facts_to_translations``,
  connected by ``connect_signals`` in ``PortalConfig.ready``).
"""

from django.apps import apps
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Locale, Page
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField

FACT_SET_IN_SOURCE = _("The same in every language: change it in the default-language version.")


class SynchronisedFactsMixin:
    """Declare ``synchronised_fields = ("capacity", …)`` on a translatable page or snippet."""

    synchronised_fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.synchronised_fields:
            cls.override_translatable_fields = [
                SynchronizedField(name, overridable=False) for name in cls.synchronised_fields
            ]

    def is_translation_of_source(self):
        """This row is a translation (not the default language) and its default-language source exists."""
        default = Locale.get_default()
        if not self.pk or self.locale_id == default.pk:
            return False
        return type(self).objects.filter(translation_key=self.translation_key, locale=default).exists()


class _ReadOnlyFactsOnTranslations:
    def _freeze_facts(self):
        instance = self.instance
        if not getattr(instance, "is_translation_of_source", None) or not instance.is_translation_of_source():
            return
        for name in type(instance).synchronised_fields:
            field = self.fields.get(name)
            if field is not None:
                field.disabled = True
                field.help_text = FACT_SET_IN_SOURCE


class SynchronisedFactsForm(_ReadOnlyFactsOnTranslations, WagtailAdminModelForm):
    """Snippet form: a translation's operational facts are shown but cannot be changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._freeze_facts()


class SynchronisedFactsPageForm(_ReadOnlyFactsOnTranslations, WagtailAdminPageForm):
    """Page form: a translation's operational facts are shown but cannot be changed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._freeze_facts()


def _facts(instance):
    return {name: getattr(instance, name) for name in type(instance).synchronised_fields}


def _copy_to_page(translation, facts):
    """Update the live row and the newest revision of one translated page with the source's facts."""
    model = type(translation)
    model.objects.filter(pk=translation.pk).update(**facts)
    revision = translation.latest_revision
    if revision is None:
        return
    draft = revision.as_object()
    for name, value in facts.items():
        setattr(draft, name, value)
    data = draft.serializable_data()
    revision.content = {**revision.content, **{name: data[name] for name in facts}}
    revision.save(update_fields=["content"])


def copy_facts_to_translations(instance):
    """Give every translation of ``instance`` (a default-language row) its synchronised facts.

    Returns the number of translations changed. Rows already equal are left alone, so calling it again does
    nothing.
    """
    if not type(instance).synchronised_fields or instance.locale_id != Locale.get_default().pk:
        return 0
    facts = _facts(instance)
    translations = type(instance).objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    changed = 0
    for translation in translations:
        if _facts(translation) == facts:
            continue
        if isinstance(translation, Page):
            _copy_to_page(translation, facts)
        else:
            for name, value in facts.items():
                setattr(translation, name, value)
            translation.save(update_fields=list(facts))
        changed += 1
    return changed


def _page_published(sender, instance, **kwargs):
    copy_facts_to_translations(instance)


def _snippet_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        copy_facts_to_translations(instance)


def connect_signals():
    """Copy facts on every publish of a page, and on every save of a snippet, that declares them."""
    for model in apps.get_models():
        if not issubclass(model, SynchronisedFactsMixin) or not model.synchronised_fields:
            continue
        if issubclass(model, Page):
            page_published.connect(_page_published, sender=model, dispatch_uid=f"facts_{model._meta.label}")
        else:
            post_save.connect(_snippet_saved, sender=model, dispatch_uid=f"facts_{model._meta.label}")
