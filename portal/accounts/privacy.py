"""The account's personal data (``portal.personal_data``): the profile, its e-mail addresses and second factors.

Erasing an account anonymises it instead of deleting the row: the records kept by law (decided applications,
refunds, audit entries) keep pointing at an account that no longer says who it was.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from portal import personal_data


def export(subject):
    user = subject.user
    if user is None:
        return personal_data.Section()
    record = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "second_factors": [
            {"type": item.type, "created_at": item.created_at, "last_used_at": item.last_used_at}
            for item in Authenticator.objects.filter(user=user).order_by("pk")
        ],
    }
    return personal_data.Section(records=[record])


def erase(subject):
    user = subject.user
    if user is None:
        return {"erased": 0, "kept": 0}
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user = get_user_model().objects.get(pk=user.pk)
    user.email = personal_data.erased_email(f"user-{user.pk}")
    user.first_name = ""
    user.last_name = ""
    user.preferred_language = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return {"erased": 1, "kept": 0}


HOLDER = personal_data.Holder(name="account", export=export, erase=erase, order=100)
