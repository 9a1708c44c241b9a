"""Admin viewsets shared by the apps."""

from wagtail.admin.viewsets.model import ModelViewSet


class ReadOnlyModelViewSet(ModelViewSet):
    """A model's listing (with its filters and exports) and inspect view, without add, edit, copy or delete.

    For rows that the site's services write — orders, payments, Stripe events, buyer inquiries — and that
    staff only read (and act on through their own views, such as a refund).
    """

    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{"add_url_name": None, "edit_url_name": None, "delete_url_name": None, **kwargs}
        )

    def get_urlpatterns(self):
        return [pattern for pattern in super().get_urlpatterns() if pattern.name not in ("add", "edit", "delete")]
