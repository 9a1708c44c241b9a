"""Reads of the privacy app: a person's requests, the notice in force, the retention periods."""

from django.utils import timezone

from portal import personal_data

from .models import ConsentText, DataRequest


def requests_for_user(*, user):
    return DataRequest.objects.filter(user=user).exclude(status=DataRequest.Status.UNCONFIRMED)


def open_request(*, user, kind):
    return requests_for_user(user=user).open().filter(kind=kind).first()


def notice_versions():
    """The versions published so far, the one in force first (a version dated later is not shown yet)."""
    return ConsentText.objects.filter(published_at__lte=timezone.now())


def retention_periods():
    return [rule.description for rule in personal_data.retention_rules() if rule.description]
