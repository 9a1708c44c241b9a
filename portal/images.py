"""Responsive pictures: named size presets over Wagtail renditions in AVIF and WebP.

A preset names the crop (``fill-WxH`` for a fixed ratio, ``max-WxH`` to keep the picture's own shape), the
widths to render and the ``sizes`` hint that tells the browser how wide the picture shows at each breakpoint.
``picture(image, preset)`` renders every width in both formats in one call (``get_renditions`` reads what
exists and creates the rest) and returns what ``{% responsive_picture %}`` writes: an AVIF ``<source>``, a
WebP ``<img>`` with ``srcset``, ``sizes``, ``width`` and ``height``. Widths the original cannot fill are not
upscaled by Wagtail; the duplicate widths this yields are dropped.

The same ``Picture`` gives views the address of the rendition shown (``largest.url``), so a product's JSON-LD
and Open Graph tags point at the picture the page shows.

A process keeps the pictures it worked out (``portal.versioned.Kept``), by image, file, focal point and preset:
a rendition's address and size never change while its image keeps its file and focal point, and changing
either gives the picture another key. A listing page then reads no rendition and builds no address for a
picture shown before.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model

from portal.versioned import Kept

FORMATS = (("avif", "image/avif"), ("webp", "image/webp"))
FALLBACK_FORMAT = "webp"


@dataclass(frozen=True)
class Preset:
    operation: str  # "fill" or "max"
    ratio: tuple[int, int]  # width : height of the box
    widths: tuple[int, ...]
    sizes: str
    eager: bool = False

    def spec(self, width, image_format):
        height = round(width * self.ratio[1] / self.ratio[0])
        return f"{self.operation}-{width}x{height}|format-{image_format}"


PRESETS = {
    # Product, supplier and news cards in a grid: four across on desktop, two abreast on a tablet or a phone.
    "card": Preset("fill", (1, 1), (240, 400, 640), "(min-width: 64em) 18rem, 45vw"),
    # The pictures of a product page, shown at most 36rem wide.
    "gallery": Preset("max", (1, 1), (400, 640, 960, 1200), "(min-width: 64em) 36rem, 92vw"),
    # The home page's and the showcase's hero, above the fold: loaded first.
    "hero": Preset("fill", (8, 5), (480, 640, 960, 1280), "(min-width: 64em) 40rem, 92vw", eager=True),
    # A storefront's banner across the page.
    "banner": Preset("fill", (4, 1), (640, 1200, 1800), "100vw", eager=True),
    # Pictures inside rich text and stream blocks.
    "content": Preset("max", (3, 2), (480, 960, 1440), "(min-width: 64em) 48rem, 92vw"),
    # Logos of partners, providers and suppliers, in their own shape.
    "logo": Preset("max", (2, 1), (160, 320), "10rem"),
    # Square portraits and small logos: coaches, a supplier's mark.
    "avatar": Preset("fill", (1, 1), (80, 160, 240), "5rem"),
    # The supplier's own list of pictures in the dashboard.
    "thumbnail": Preset("fill", (1, 1), (160, 320), "10rem"),
    # The picture of a link preview (Open Graph, Twitter card): 1.91 : 1 as the networks crop it.
    "share": Preset("fill", (191, 100), (1200,), "100vw"),
}


@dataclass(frozen=True)
class Source:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    preset: Preset
    sources: dict  # format → [Source, …] by width, smallest first

    @property
    def fallback(self):
        """The rendition the ``<img>`` loads when ``srcset`` is not understood: the middle width in WebP."""
        sources = self.sources[FALLBACK_FORMAT]
        return sources[len(sources) // 2]

    @property
    def largest(self):
        return self.sources[FALLBACK_FORMAT][-1]

    def srcset(self, image_format):
        return ", ".join(f"{source.url} {source.width}w" for source in self.sources[image_format])


def preset(name):
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"Unknown picture preset {name!r}; presets are {', '.join(PRESETS)}.") from None


def specs(preset_name):
    """The rendition filter specs of a preset (every width in every format): what a listing prefetches."""
    chosen = preset(preset_name)
    return [chosen.spec(width, fmt) for width in chosen.widths for fmt, _mime in FORMATS]


def picture_key(image, preset_name):
    """What a picture of ``image`` in ``preset_name`` depends on: the image, its file and focal point, the
    preset. Keys of fragments that show the picture (``catalog.showcase.cards``) hold it too."""
    return (
        image.pk,
        image.file_hash,
        image.focal_point_x,
        image.focal_point_y,
        image.focal_point_width,
        image.focal_point_height,
        preset_name,
    )


def picture(image, preset_name):
    """Every rendition of ``image`` that ``preset_name`` asks for, by format and width."""
    return PICTURES.get(picture_key(image, preset_name), lambda: _picture(image, preset_name))


def prefetch_renditions(images, preset_name):
    """Read in one query the renditions of ``preset_name`` of those ``images`` whose picture this process has not
    kept yet (a listing's new cards, Wagtail's ``prefetch_renditions`` on instances already loaded); the others
    need none."""
    missing = [image for image in images if picture_key(image, preset_name) not in PICTURES]
    if missing:
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs(preset_name))
        prefetch_related_objects(missing, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions"))


def _picture(image, preset_name):
    chosen = preset(preset_name)
    specs = {(width, fmt): chosen.spec(width, fmt) for width in chosen.widths for fmt, _mime in FORMATS}
    renditions = image.get_renditions(*specs.values())
    sources = {}
    for fmt, _mime in FORMATS:
        by_width = {}
        for width in chosen.widths:
            rendition = renditions[specs[(width, fmt)]]
            by_width.setdefault(rendition.width, Source(rendition.url, rendition.width, rendition.height))
        sources[fmt] = sorted(by_width.values(), key=lambda source: source.width)
    return Picture(chosen, sources)


PICTURES = Kept("pictures", limit=20_000)
