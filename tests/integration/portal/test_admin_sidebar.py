"""The admin sidebar is packed without media (Wagtail rebuilt it for every menu item and threw it away): the same
menu for the browser, and ``sidebar.js`` still loaded by the page."""

import json
import re

import pytest
from wagtail.admin.telepath import JSContext, registry
from wagtail.admin.ui import sidebar

from portal.wagtail_hooks import SIDEBAR_CLASSES, SidebarAdapter
from tests.factories.accounts import StaffFactory


def test_each_sidebar_class_keeps_its_javascript_constructor():
    """Items and modules are packed for the constructors Wagtail's sidebar.js defines."""
    for sidebar_class in SIDEBAR_CLASSES:
        adapter = registry.find_adapter(sidebar_class)
        assert isinstance(adapter, SidebarAdapter)
        assert adapter.js_constructor == f"wagtail.sidebar.{sidebar_class.__name__}"


def test_an_item_packs_its_arguments_without_media():
    """A submenu with a link: Wagtail's arguments, nested, and no media collected."""
    link = sidebar.LinkMenuItem("applications", "Applications", "/admin/coaching/applications/", icon_name="form")
    menu = sidebar.SubMenuItem("coaching", "Coaching", [link], footer_text="More")
    context = JSContext()
    packed = context.pack(menu)
    assert packed == {
        "_type": "wagtail.sidebar.SubMenuItem",
        "_args": [
            {
                "name": "coaching",
                "label": "Coaching",
                "icon_name": "",
                "classname": "",
                "attrs": {},
                "footer_text": "More",
            },
            [
                {
                    "_type": "wagtail.sidebar.LinkMenuItem",
                    "_args": [
                        {
                            "name": "applications",
                            "label": "Applications",
                            "icon_name": "form",
                            "classname": "",
                            "attrs": {},
                            "url": "/admin/coaching/applications/",
                        }
                    ],
                }
            ],
        ],
    }
    assert str(context.media) == ""


@pytest.mark.django_db
def test_an_admin_page_has_the_menu_and_loads_the_sidebar_script(client):
    """The dashboard carries the packed menu (main menu with the coaching review, the account menu) and loads
    sidebar.js, which unpacks it."""
    client.force_login(StaffFactory(admin_language="en"))
    html = client.get("/admin/").content.decode()
    assert re.search(r'<script src="[^"]*wagtailadmin/js/sidebar\.js[^"]*"', html)
    props = json.loads(re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1))
    text = json.dumps(props)
    assert '"wagtail.sidebar.MainMenuModule"' in text
    assert "/admin/coaching/applications/" in text
    assert "/admin/account/" in text
