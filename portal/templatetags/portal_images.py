"""``{% responsive_picture image "card" alt="…" %}``: a ``<picture>`` from one of ``portal.images.PRESETS``.

The picture is lazy-loaded and decoded off the main thread unless its preset is above the fold (hero,
banner) or the template says ``eager=True`` (the first picture of a product's gallery): then it loads at
once with ``fetchpriority="high"``. ``class`` goes on the ``<img>``. No image, no output.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal import images

register = template.Library()


@register.simple_tag
def responsive_picture(image, preset_name, *, alt="", eager=None, **attributes):
    if not image:
        return ""
    rendered = images.picture(image, preset_name)
    chosen = rendered.preset
    eager = chosen.eager if eager is None else bool(eager)
    fallback = rendered.fallback
    loading = mark_safe(' fetchpriority="high"' if eager else ' loading="lazy"')  # noqa: S308 (constants)
    css_class = attributes.get("class")
    return format_html(
        '<picture><source type="image/avif" srcset="{avif}" sizes="{sizes}">'
        '<img src="{src}" srcset="{webp}" sizes="{sizes}" width="{width}" height="{height}" alt="{alt}"'
        '{css}{loading} decoding="async"></picture>',
        avif=rendered.srcset("avif"),
        webp=rendered.srcset("webp"),
        sizes=chosen.sizes,
        src=fallback.url,
        width=fallback.width,
        height=fallback.height,
        alt=alt,
        css=format_html(' class="{}"', css_class) if css_class else "",
        loading=loading,
    )


@register.simple_tag
def picture_url(image, preset_name):
    """The address of the largest WebP rendition of the preset: where a gallery picture links to."""
    return images.picture(image, preset_name).largest.url if image else ""
