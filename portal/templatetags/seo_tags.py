"""The ``<head>`` of every page: one meta description, the link preview card and the JSON-LD scripts.

What goes in comes from ``portal.seo`` (see its docstring for the context keys a view may set).
"""

from django import template
from django.templatetags.static import static
from django.utils import translation

from portal import images, seo, site_address
from portal.home.templatetags.portal_tags import canonical_url

register = template.Library()

# Open Graph wants a territory with the language; the markets each language of the site is read in.
OG_LOCALES = {"zh-hant": "zh_TW", "en": "en_US", "th": "th_TH", "ms": "ms_MY", "id": "id_ID", "vi": "vi_VN"}
FALLBACK_SHARE_IMAGE = ("img/apple-touch-icon.png", 180, 180)


def _page(context):
    page = context.get("page")
    return page if getattr(page, "id", None) else None


@register.simple_tag(takes_context=True)
def seo_description(context):
    """The one meta description of the page: the view's ``meta_description``, else the page's own fields."""
    return seo.page_description(_page(context), context.get("meta_description", ""))


def share_title(context):
    if context.get("page_title"):
        return str(context["page_title"])
    page = _page(context)
    return (page.seo_title or page.title) if page is not None else ""


@register.inclusion_tag("includes/seo_social.html", takes_context=True)
def share_card(context):
    """Open Graph and Twitter card tags; nothing on pages without a title of their own (forms, accounts)."""
    title = share_title(context)
    if not title or context.get("request") is None:
        return {"title": ""}
    image = context.get("share_image")
    if image:
        rendered = images.picture(image, "share").largest
        image_url, width, height, card = rendered.url, rendered.width, rendered.height, "summary_large_image"
    else:
        path, width, height = FALLBACK_SHARE_IMAGE
        image_url, card = static(path), "summary"
    return {
        "title": title,
        "site_name": translation.gettext("Taipei Cross-Border E-Commerce Hub"),
        "description": seo.page_description(_page(context), context.get("meta_description", "")),
        "url": context.get("canonical_url") or canonical_url(context),
        "image_url": site_address.absolute(image_url),
        "image_width": width,
        "image_height": height,
        "card": card,
        "locale": OG_LOCALES.get(translation.get_language(), "zh_TW"),
        "kind": context.get("share_kind", "website"),
    }


@register.inclusion_tag("includes/seo_json_ld.html", takes_context=True)
def json_ld_scripts(context):
    """The page's JSON-LD: the view's ``structured_data``, then its breadcrumb trail, each with the CSP nonce."""
    request = context.get("request")
    data = context.get("structured_data")
    payloads = (data if isinstance(data, list) else [data]) if data else []
    if context.get("breadcrumbs"):
        payloads.append(seo.breadcrumb_list(context["breadcrumbs"]))
    return {"payloads": [seo.json_ld(p) for p in payloads], "nonce": getattr(request, "csp_nonce", "")}
