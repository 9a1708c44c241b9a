"""Draw the site's favicon.ico and apple-touch-icon.png from the shapes of portal/static/img/logo.svg.

Pillow cannot read SVG, so the logo's few shapes (rounded square, arc, cross, dot) are drawn again here at
4x and scaled down. Run it after changing the logo: `.venv/bin/python scripts/make_icons.py`.
"""

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parents[1] / "portal" / "static" / "img"
TEAL, AMBER, WHITE = "#0b4f6c", "#fbbf24", "#ffffff"


def logo(size):
    scale = size * 4 / 48
    image = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def s(*values):
        return [round(v * scale) for v in values]

    draw.rounded_rectangle(s(0, 0, 48, 48), radius=round(10 * scale), fill=TEAL)
    draw.arc(s(10, 22, 38, 46), start=200, end=340, fill=AMBER, width=round(4 * scale))
    draw.line(s(24, 10, 24, 32), fill=WHITE, width=round(4 * scale))
    draw.line(s(17, 17, 31, 17), fill=WHITE, width=round(4 * scale))
    draw.ellipse(s(21, 34, 27, 40), fill=WHITE)
    return image.resize((size, size), Image.LANCZOS)


def main():
    logo(64).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64)])
    touch = Image.new("RGB", (180, 180), TEAL)
    touch.paste(logo(180), (0, 0), logo(180))
    touch.save(STATIC / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
