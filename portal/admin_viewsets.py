"""Admin viewsets shared by the apps."""

import functools

from django.core.exceptions import PermissionDenied
from django.urls import URLPattern
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet


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


# Having any of these on a model is what lets a staff member pick its objects in a chooser.
CHOOSER_ACTIONS = ("add", "change", "delete", "view")


def _require_any_model_permission(view, model):
    policy = ModelPermissionPolicy(model)

    @functools.wraps(view)
    def scoped(request, *args, **kwargs):
        if not policy.user_has_any_permission(request.user, CHOOSER_ACTIONS):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return scoped


class PermissionScopedSnippetChooserViewSet(SnippetChooserViewSet):
    """A snippet chooser (list, results, chosen, create) only for staff with a permission on the model.

    Wagtail opens every snippet chooser to anyone with admin access: the smallest staff role (a reviewer)
    could list every company's products, drafts included, and every certificate. 403 for everyone else.
    """

    def get_urlpatterns(self):
        return [
            URLPattern(
                pattern.pattern,
                _require_any_model_permission(pattern.callback, self.model),
                pattern.default_args,
                pattern.name,
            )
            for pattern in super().get_urlpatterns()
        ]


class PortalSnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset of the project: its chooser is scoped by the model's permissions."""

    chooser_viewset_class = PermissionScopedSnippetChooserViewSet
