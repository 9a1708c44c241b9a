"""Shared by every app: target markets (ISO 3166-1 alpha-2), the city's districts, and a field for a list of markets."""

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class Market(models.TextChoices):
    THAILAND = "TH", _("Thailand")
    MALAYSIA = "MY", _("Malaysia")
    INDONESIA = "ID", _("Indonesia")
    VIETNAM = "VN", _("Vietnam")
    PHILIPPINES = "PH", _("Philippines")
    SINGAPORE = "SG", _("Singapore")
    BRUNEI = "BN", _("Brunei")
    CAMBODIA = "KH", _("Cambodia")
    LAOS = "LA", _("Laos")
    MYANMAR = "MM", _("Myanmar")
    INDIA = "IN", _("India")
    AUSTRALIA = "AU", _("Australia")
    NEW_ZEALAND = "NZ", _("New Zealand")
    JAPAN = "JP", _("Japan")
    KOREA = "KR", _("South Korea")
    HONG_KONG = "HK", _("Hong Kong")
    UNITED_STATES = "US", _("United States")
    EUROPEAN_UNION = "EU", _("European Union")
    TAIWAN = "TW", _("Taiwan")


# ASEAN members, for "New Southbound" filters and defaults.
ASEAN = [
    Market.THAILAND,
    Market.MALAYSIA,
    Market.INDONESIA,
    Market.VIETNAM,
    Market.PHILIPPINES,
    Market.SINGAPORE,
    Market.BRUNEI,
    Market.CAMBODIA,
    Market.LAOS,
    Market.MYANMAR,
]


class District(models.TextChoices):
    ZHONGZHENG = "zhongzheng", _("Zhongzheng")
    DATONG = "datong", _("Datong")
    ZHONGSHAN = "zhongshan", _("Zhongshan")
    SONGSHAN = "songshan", _("Songshan")
    DAAN = "daan", _("Da'an")
    WANHUA = "wanhua", _("Wanhua")
    XINYI = "xinyi", _("Xinyi")
    SHILIN = "shilin", _("Shilin")
    BEITOU = "beitou", _("Beitou")
    NEIHU = "neihu", _("Neihu")
    NANGANG = "nangang", _("Nangang")
    WENSHAN = "wenshan", _("Wenshan")


class MarketsField(models.JSONField):
    """A JSON list of ``Market`` codes; the form shows one checkbox per market and rejects unknown codes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        path = "portal.markets.MarketsField"
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=Market.choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": _("%(value)s is not one of the markets we support.")},
        )
