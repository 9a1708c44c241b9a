"""The personal data each app holds about one person: what it exports, how it erases it, how long it keeps it.

The core knows no feature app and the privacy app imports none either: an app that holds personal data
registers a ``Holder`` (and its ``RetentionRule`` s) from ``<app>/privacy.py`` in its ``AppConfig.ready()``,
and sends ``consent_given`` when someone agrees to the privacy notice on one of its forms. The privacy app
(``privacy/``) builds the ZIP, runs the erasure and records consents through this registry only.

A holder's functions take a ``Subject`` (the account, or only the e-mail address of a buyer without one):

- ``export(subject)`` → ``Section(records=[dict, …], files=[(name in the ZIP, FieldFile), …])``;
- ``erase(subject)`` erases or anonymises what belongs to the person, keeps what the law or accounting
  requires without the person, and returns ``{"erased": n, "kept": n}``;
- ``refusals(subject)`` → the messages that stop an erasure (a company's last owner…), empty when none.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.dispatch import Signal

# Sent by an app when someone ticks the privacy-notice box on its form. Arguments: purpose (one of
# CONSENT_PURPOSES), email, user (or None), language.
consent_given = Signal()

CONSENT_SIGNUP = "signup"
CONSENT_INQUIRY = "inquiry"
CONSENT_SAMPLE_ORDER = "sample_order"
CONSENT_PURPOSES = (CONSENT_SIGNUP, CONSENT_INQUIRY, CONSENT_SAMPLE_ORDER)

# What an erased person's e-mail address and name become in the records that are kept.
ERASED_NAME = "—"


def erased_email(key):
    """An address that is no one's (``.invalid`` never resolves), unique per kept record ``key``."""
    return f"erased-{key}@erased.invalid"


@dataclass(frozen=True)
class Subject:
    email: str
    user: object = None

    @property
    def email_key(self):
        return self.email.strip().lower()


@dataclass
class Section:
    records: list = field(default_factory=list)
    files: list = field(default_factory=list)


@dataclass(frozen=True)
class Holder:
    name: str
    export: object
    erase: object
    refusals: object = None
    # Erased in ascending order: the account comes last, since the others find records by its address.
    order: int = 50


@dataclass(frozen=True)
class RetentionRule:
    name: str
    period: timedelta
    # purge(now=…) removes what is older than the period and returns how many records it removed.
    purge: object
    # What the privacy page says (a lazy translation): "Unconfirmed inquiries: deleted after 30 days."
    description: object = ""


_holders = {}
_rules = {}


def register(holder):
    _holders[holder.name] = holder
    return holder


def register_retention(rule):
    _rules[rule.name] = rule
    return rule


def holders():
    return sorted(_holders.values(), key=lambda holder: (holder.order, holder.name))


def retention_rules():
    return sorted(_rules.values(), key=lambda rule: rule.name)
