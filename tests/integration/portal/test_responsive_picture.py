"""``{% responsive_picture %}``: AVIF and WebP renditions with srcset, sizes, width, height and lazy loading."""

import re

import pytest
from django.template import Context, Template
from wagtail_factories import ImageFactory

from portal import images

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load portal_images %}" + source).render(Context(context))


@pytest.fixture
def photo():
    return ImageFactory(file__width=1000, file__height=1000)


def test_card_preset_writes_a_lazy_picture_in_avif_and_webp(photo):
    """A card: <source> AVIF and <img> WebP with every preset width, the sizes hint, width/height, lazy."""
    html = render('{% responsive_picture image "card" alt="Oolong tea" %}', image=photo)
    source = re.search(r'<source type="image/avif" srcset="([^"]+)" sizes="([^"]+)">', html)
    assert source, html
    assert [int(w) for w in re.findall(r"\.avif (\d+)w", source.group(1))] == [240, 400, 640]
    assert source.group(2) == images.PRESETS["card"].sizes
    img = re.search(r"<img ([^>]+)>", html).group(1)
    assert [int(w) for w in re.findall(r"\.webp (\d+)w", img)] == [240, 400, 640]
    assert re.search(r'src="[^"]+\.webp"', img)
    assert 'width="400" height="400"' in img
    assert 'alt="Oolong tea"' in img
    assert 'loading="lazy"' in img and 'decoding="async"' in img
    assert "fetchpriority" not in img


def test_hero_preset_and_eager_flag_load_at_once_with_high_priority(photo):
    """Above the fold (hero preset, or eager=True on a gallery's first picture): no lazy loading, fetchpriority=high."""
    for source in ('{% responsive_picture image "hero" %}', '{% responsive_picture image "gallery" eager=True %}'):
        html = render(source, image=photo)
        assert 'fetchpriority="high"' in html
        assert "loading=" not in html
    assert 'loading="lazy"' in render('{% responsive_picture image "gallery" eager=False %}', image=photo)


def test_ratio_height_and_no_upscaling(photo):
    """The hero is cropped 8:5; widths the 1,000 px original cannot fill collapse into one 1,000 px source."""
    rendered = images.picture(photo, "hero")
    assert [s.width for s in rendered.sources["webp"]] == [480, 640, 960, 1000]
    assert all(abs(s.height - s.width * 5 / 8) <= 1 for s in rendered.sources["webp"])
    assert rendered.largest.url.endswith(".webp")


def test_alt_text_is_escaped_and_class_goes_on_the_img(photo):
    """The alt text is escaped; class= lands on the <img>."""
    html = render('{% responsive_picture image "card" alt=alt class="hero__image" %}', image=photo, alt='"><script>')
    assert "<script>" not in html
    assert 'alt="&quot;&gt;&lt;script&gt;"' in html
    assert 'class="hero__image"' in html


def test_no_image_no_output_and_unknown_preset_is_an_error(photo):
    """An empty image renders nothing; an unknown preset name is a template author's error, said clearly."""
    assert render('{% responsive_picture image "card" %}', image=None) == ""
    with pytest.raises(ValueError, match="Unknown picture preset 'huge'"):
        render('{% responsive_picture image "huge" %}', image=photo)


def test_no_template_uses_wagtails_image_tag_directly():
    """Every image on the site goes through the presets: no template calls {% image %} itself."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    offenders = [
        str(path.relative_to(root))
        for app in ("portal", "coaching", "catalog", "payments", "search", "reports")
        for path in (root / app).rglob("*.html")
        if "{% image " in path.read_text()
    ]
    assert offenders == []


def test_a_picture_shown_before_is_kept_and_a_new_focal_point_makes_new_renditions(photo, django_assert_num_queries):
    """The second time an image is shown with a preset its renditions are not looked up again (no query);
    moving the focal point gives a picture of its own (new renditions, new addresses)."""
    first = images.picture(photo, "card")
    with django_assert_num_queries(0):
        assert images.picture(photo, "card") == first
    photo.focal_point_x, photo.focal_point_y, photo.focal_point_width, photo.focal_point_height = 100, 100, 50, 50
    photo.save()
    moved = images.picture(photo, "card")
    assert moved.largest.url != first.largest.url
    assert images.picture(photo, "card") == moved
