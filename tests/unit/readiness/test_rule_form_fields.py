"""The market-readiness rule form is built like every Wagtail admin form: a source address typed without a
scheme is taken as https:// (Django 6.0's default, no deprecation warning), the date has Wagtail's picker."""

from wagtail.admin.widgets import AdminDateInput

from catalog.readiness.forms import RuleForm


def test_the_rule_source_address_takes_https():
    """A typed "example.org/…" becomes "https://example.org/…"."""
    field = RuleForm.base_fields["source_url"]
    assert field.assume_scheme == "https"
    assert field.clean("example.org/notification-367") == "https://example.org/notification-367"


def test_the_rule_source_date_has_the_admin_date_picker():
    """The source date uses Wagtail's date widget, as other admin forms do."""
    assert isinstance(RuleForm.base_fields["source_date"].widget, AdminDateInput)
