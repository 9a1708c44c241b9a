"""Every staff group against every admin URL pattern (walked from the URL resolver): no 500, and no response
shows an object of a model the group has no permission on: a draft product, a certificate's number, an
image or a document. The smallest role (Reviewers: access_admin and review_application) reached all of them
through snippet choosers and /admin/api/main/images/."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from catalog.showcase.models import Certificate, Product
from tests.factories.accounts import UserFactory
from tests.factories.showcase import CertificateFactory, ImageFactory, ProductFactory

pytestmark = pytest.mark.django_db

# Admin URLs left out of the sweep: logging out would end the session being tested, and Wagtail's
# /admin/failwhale/ fails on purpose (it exists to show the admin's 500 page).
SKIPPED = re.compile(r"logout|failwhale")
CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def admin_routes():
    """(route, name) of every URL pattern under /admin/, as written in the URLconf."""
    routes = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and route.startswith("admin/"):
                routes.append((route, pattern.name or ""))

    walk(get_resolver().url_patterns, "")
    return routes


def concrete_path(route, ids):
    """The route with each parameter filled in: the sentinel of the model the route is about, else 1."""
    if re.search(r"[()\[\]\\?*+|]", CONVERTER.sub("", route)):
        return None  # a regular expression that is more than a literal path
    model = next((name for name in ids if name in route), None)

    def value(match):
        if match["converter"] in (None, "str", "slug", "path") and match["name"] in ("app_label", "model_name"):
            return {"app_label": "showcase", "model_name": "product"}[match["name"]]
        return str(ids[model]) if model else "1"

    return "/" + CONVERTER.sub(value, route)


@pytest.fixture
def sentinels():
    """One object of each watched model, each with a text that must not leak."""
    product = ProductFactory(name_en="SENTINEL-DRAFT-PRODUCT", sku="SENTINEL-SKU")
    certificate = CertificateFactory(number="SENTINEL-CERT-NUMBER")
    image = ImageFactory(title="SENTINEL-IMAGE")
    document = get_document_model().objects.create(title="SENTINEL-DOCUMENT")
    document.file.save("sentinel.pdf", ContentFile(b"%PDF-1.4 sentinel %%EOF"))
    collection_actions = ["choose", "add", "change", "delete"]
    model_actions = ["add", "change", "delete", "view"]
    return {
        "product": (product.pk, "SENTINEL-DRAFT-PRODUCT", ModelPermissionPolicy(Product), model_actions),
        # The bureau's certificate check (issue 17) is a permission on the model too: checkers see what they check.
        "certificate": (
            certificate.pk,
            "SENTINEL-CERT-NUMBER",
            ModelPermissionPolicy(Certificate),
            [*model_actions, "check"],
        ),
        "image": (image.pk, "SENTINEL-IMAGE", policy_registry.get_by_type(get_image_model()), collection_actions),
        "document": (
            document.pk,
            "SENTINEL-DOCUMENT",
            policy_registry.get_by_type(get_document_model()),
            collection_actions,
        ),
    }


def staff_groups():
    return list(
        Group.objects.filter(permissions__codename="access_admin").order_by("name").values_list("name", flat=True)
    )


def test_the_sweep_covers_the_admin():
    """The resolver walk finds the whole admin (several hundred patterns), choosers and the admin API included."""
    routes = [route for route, _name in admin_routes()]
    assert len(routes) > 300
    assert any(route.startswith("admin/snippets/choose/showcase/product/") for route in routes)
    assert any(route.startswith("admin/api/main/") for route in routes)


@pytest.mark.parametrize(
    "group_name",
    [
        "Reviewers",
        "Decision makers",
        "Program managers",
        "Payments officers",
        "Showcase moderators",
        "Editors",
        "Moderators",
    ],
)
def test_each_staff_group_sees_only_what_it_may(settings, sentinels, group_name):
    """For each admin URL pattern: never a 500, and a sentinel text only for groups with a permission on it."""
    assert group_name in staff_groups()
    settings.REQUIRE_STAFF_MFA = False
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    client = Client(raise_request_exception=False)
    client.force_login(user)
    forbidden = {
        name: text
        for name, (_pk, text, policy, actions) in sentinels.items()
        if not policy.user_has_any_permission(user, actions)
    }
    ids = {name: pk for name, (pk, _text, _policy, _actions) in sentinels.items()}
    problems = []
    for route, name in admin_routes():
        path = concrete_path(route, ids)
        if path is None or SKIPPED.search(route):
            continue
        response = client.get(path)
        if response.status_code >= 500:
            problems.append(f"{path} ({name}): {response.status_code}")
            continue
        content = b"".join(response.streaming_content) if response.streaming else response.content
        problems += [
            f"{path} ({name}): shows the {model}" for model, text in forbidden.items() if text.encode() in content
        ]
    assert problems == []
