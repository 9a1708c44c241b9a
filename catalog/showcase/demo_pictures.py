"""Product pictures for the demo, drawn with Pillow: the product on a soft studio background, no downloads.

Each product family of ``demo.THEMES`` has a ``Look``: the shape of the product (a gift box, a tea pouch, a
sauce bottle, a tube of hand cream, a fountain pen, a bicycle wheel…), its colours and the motif printed on
its label (a pineapple, a tea leaf, a chili…). ``draw(look)`` returns an 800 × 800 JPEG-ready RGB picture:
drawn at twice the size and scaled down, so edges are smooth, with a soft shadow under the product.
"""

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

SIZE = 800
SCALE = 2
S = SIZE * SCALE


@dataclass(frozen=True)
class Look:
    shape: str
    body: tuple[int, int, int]
    accent: tuple[int, int, int]
    motif: str
    background: tuple[int, int, int]


GOLD, CREAM, GREEN, TEA_BG, RED, SOY, BLUE, PINK, INK, STEEL = (
    (214, 160, 60),
    (246, 232, 200),
    (70, 130, 60),
    (214, 232, 206),
    (186, 48, 36),
    (60, 36, 28),
    (52, 96, 170),
    (222, 140, 170),
    (40, 44, 70),
    (70, 74, 80),
)

# One look per product family of ``demo.THEMES``, in the same order.
LOOKS = {
    "bakery": [
        Look("box", (196, 40, 40), GOLD, "pineapple", CREAM),
        Look("pastries", (200, 140, 70), (150, 40, 30), "sun", CREAM),
        Look("pastries", (226, 190, 120), (120, 70, 40), "sun", (238, 226, 206)),
        Look("bag", (250, 246, 236), (60, 120, 170), "flower", (220, 230, 240)),
        Look("box", (150, 30, 40), GOLD, "pineapple", (240, 222, 190)),
    ],
    "tea": [
        Look("pouch", GREEN, (40, 90, 40), "leaf", TEA_BG),
        Look("tin", (170, 110, 50), GREEN, "leaf", (236, 224, 200)),
        Look("pouch", (120, 80, 50), (70, 110, 50), "leaf", (226, 216, 196)),
        Look("cup", (200, 160, 120), (220, 80, 60), "drop", (240, 224, 210)),
        Look("tin", (150, 36, 44), GOLD, "leaf", (238, 214, 206)),
    ],
    "sauces": [
        Look("bottle", SOY, (120, 90, 60), "bean", (232, 222, 208)),
        Look("bottle", (160, 70, 30), RED, "chili", (242, 220, 200)),
        Look("bottle", RED, GREEN, "chili", (246, 214, 204)),
        Look("bottle", (30, 26, 24), (90, 60, 40), "bean", (222, 216, 206)),
        Look("bottle", (150, 100, 30), (80, 60, 30), "drop", (240, 228, 200)),
    ],
    "snacks": [
        Look("bag", (200, 140, 50), (150, 80, 30), "bean", (244, 230, 200)),
        Look("bag", (30, 70, 50), GREEN, "wave", (210, 228, 214)),
        Look("bag", (240, 170, 40), (220, 110, 20), "sun", (250, 236, 200)),
        Look("crackers", (222, 184, 120), (160, 100, 50), "sun", (238, 228, 212)),
        Look("bag", (120, 40, 30), RED, "chili", (236, 214, 206)),
    ],
    "skincare": [
        Look("sachet", (120, 190, 220), (40, 110, 160), "drop", (218, 234, 244)),
        Look("tube", (150, 200, 130), GREEN, "leaf", (226, 240, 222)),
        Look("tube", (250, 200, 60), (220, 120, 40), "sun", (250, 240, 214)),
        Look("tube", PINK, (170, 70, 110), "flower", (246, 226, 234)),
        Look("dropper", (236, 230, 240), (150, 120, 170), "drop", (232, 226, 242)),
    ],
    "stationery": [
        Look("pen", INK, GOLD, "wave", (226, 228, 236)),
        Look("brush", (170, 120, 60), RED, "wave", (238, 232, 220)),
        Look("notebook", BLUE, (230, 180, 60), "flower", (222, 228, 240)),
        Look("tape", PINK, (90, 160, 190), "flower", (242, 236, 230)),
        Look("paper", (240, 230, 210), RED, "flower", (232, 226, 214)),
    ],
    "bicycles": [
        Look("frame", STEEL, (200, 40, 40), "wave", (226, 228, 232)),
        Look("gear", (60, 60, 64), (200, 40, 40), "wave", (220, 224, 230)),
        Look("wheelset", (200, 40, 40), STEEL, "wave", (228, 230, 234)),
        Look("disc", (40, 40, 44), (200, 40, 40), "wave", (222, 226, 232)),
        Look("saddle", (30, 30, 34), (200, 40, 40), "wave", (228, 228, 230)),
    ],
}


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _background(tint):
    """A studio sweep: the tint at the top fading to near white, a lighter floor below the horizon."""
    picture = Image.new("RGB", (S, S))
    draw = ImageDraw.Draw(picture)
    top, bottom = _mix(tint, (255, 255, 255), 0.35), _mix(tint, (255, 255, 255), 0.85)
    horizon = int(S * 0.68)
    for y in range(S):
        t = min(1.0, y / horizon) if y < horizon else 1.0
        colour = _mix(top, bottom, t) if y < horizon else _mix(bottom, (250, 250, 248), (y - horizon) / (S - horizon))
        draw.line((0, y, S, y), fill=colour)
    return picture


def _shadow(picture, box):
    layer = Image.new("L", (S, S), 0)
    ImageDraw.Draw(layer).ellipse(box, fill=110)
    layer = layer.filter(ImageFilter.GaussianBlur(S // 60))
    picture.paste((40, 40, 40), (0, 0), layer)


def _motif(draw, name, cx, cy, r, colour):
    """The label's emblem, centred on (cx, cy) within radius r."""
    if name == "leaf":
        draw.ellipse((cx - r * 0.45, cy - r, cx + r * 0.45, cy + r), fill=colour)
        draw.line((cx, cy - r * 0.9, cx, cy + r * 1.1), fill=(255, 255, 255), width=max(2, int(r / 10)))
    elif name == "pineapple":
        draw.ellipse((cx - r * 0.6, cy - r * 0.4, cx + r * 0.6, cy + r), fill=colour)
        for dx in (-0.35, 0, 0.35):
            draw.polygon(
                [
                    (cx + dx * r - r * 0.15, cy - r * 0.35),
                    (cx + dx * r * 1.6, cy - r),
                    (cx + dx * r + r * 0.15, cy - r * 0.35),
                ],
                fill=(70, 130, 60),
            )
        for k in range(3):
            y = cy + r * (-0.1 + 0.35 * k)
            draw.line((cx - r * 0.45, y, cx + r * 0.45, y + r * 0.2), fill=(255, 255, 255), width=max(2, int(r / 14)))
    elif name == "chili":
        draw.pieslice((cx - r, cy - r * 1.2, cx + r, cy + r * 0.8), 20, 160, fill=colour)
        draw.rectangle((cx + r * 0.55, cy - r * 0.1, cx + r * 0.9, cy + r * 0.1), fill=(70, 130, 60))
    elif name == "bean":
        for dx in (-0.45, 0.45):
            draw.ellipse((cx + dx * r - r * 0.4, cy - r * 0.6, cx + dx * r + r * 0.4, cy + r * 0.6), fill=colour)
    elif name == "drop":
        draw.polygon([(cx, cy - r), (cx - r * 0.6, cy + r * 0.1), (cx + r * 0.6, cy + r * 0.1)], fill=colour)
        draw.ellipse((cx - r * 0.6, cy - r * 0.3, cx + r * 0.6, cy + r * 0.9), fill=colour)
    elif name == "sun":
        for k in range(12):
            a = k * math.pi / 6
            draw.line(
                (cx + math.cos(a) * r * 0.6, cy + math.sin(a) * r * 0.6, cx + math.cos(a) * r, cy + math.sin(a) * r),
                fill=colour,
                width=max(2, int(r / 8)),
            )
        draw.ellipse((cx - r * 0.5, cy - r * 0.5, cx + r * 0.5, cy + r * 0.5), fill=colour)
    elif name == "wave":
        for k in range(3):
            y = cy - r * 0.5 + k * r * 0.5
            draw.arc((cx - r, y - r * 0.3, cx, y + r * 0.3), 180, 360, fill=colour, width=max(2, int(r / 7)))
            draw.arc((cx, y - r * 0.3, cx + r, y + r * 0.3), 0, 180, fill=colour, width=max(2, int(r / 7)))
    else:  # "flower"
        for k in range(5):
            a = k * 2 * math.pi / 5
            px, py = cx + math.cos(a) * r * 0.5, cy + math.sin(a) * r * 0.5
            draw.ellipse((px - r * 0.4, py - r * 0.4, px + r * 0.4, py + r * 0.4), fill=colour)
        draw.ellipse((cx - r * 0.25, cy - r * 0.25, cx + r * 0.25, cy + r * 0.25), fill=(250, 220, 120))


def _label(draw, look, box):
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=(x1 - x0) // 12, fill=(252, 250, 244))
    r = min(x1 - x0, y1 - y0) * 0.3
    _motif(draw, look.motif, (x0 + x1) / 2, (y0 + y1) / 2 - r * 0.3, r, look.accent)
    line_y = y1 - (y1 - y0) * 0.18
    draw.line((x0 + (x1 - x0) * 0.25, line_y, x1 - (x1 - x0) * 0.25, line_y), fill=look.accent, width=S // 160)


def _box(picture, draw, look):
    front = (S * 0.2, S * 0.36, S * 0.72, S * 0.78)
    depth = S * 0.1
    _shadow(picture, (S * 0.16, S * 0.73, S * 0.9, S * 0.84))
    draw.polygon(
        [
            (front[0], front[1]),
            (front[0] + depth, front[1] - depth),
            (front[2] + depth, front[1] - depth),
            (front[2], front[1]),
        ],
        fill=_mix(look.body, (255, 255, 255), 0.3),
    )
    draw.polygon(
        [
            (front[2], front[1]),
            (front[2] + depth, front[1] - depth),
            (front[2] + depth, front[3] - depth),
            (front[2], front[3]),
        ],
        fill=_mix(look.body, (0, 0, 0), 0.25),
    )
    draw.rectangle(front, fill=look.body)
    ribbon_x = (front[0] + front[2]) / 2
    draw.rectangle((ribbon_x - S * 0.02, front[1], ribbon_x + S * 0.02, front[3]), fill=look.accent)
    _label(draw, look, (front[0] + S * 0.07, front[1] + S * 0.09, front[2] - S * 0.07, front[3] - S * 0.09))


def _pastries(picture, draw, look):
    _shadow(picture, (S * 0.1, S * 0.66, S * 0.9, S * 0.86))
    draw.ellipse((S * 0.1, S * 0.52, S * 0.9, S * 0.84), fill=(245, 245, 240), outline=(220, 220, 214), width=S // 200)
    for cx, cy in ((0.36, 0.6), (0.62, 0.6), (0.49, 0.7), (0.3, 0.72), (0.7, 0.72)):
        x, y, r = cx * S, cy * S, S * 0.1
        draw.ellipse((x - r, y - r * 0.8, x + r, y + r * 0.8), fill=look.body)
        draw.ellipse((x - r * 0.8, y - r * 0.7, x + r * 0.8, y + r * 0.45), fill=_mix(look.body, (255, 255, 255), 0.25))
        draw.ellipse((x - r * 0.15, y - r * 0.35, x + r * 0.15, y - r * 0.1), fill=look.accent)


def _pouch(picture, draw, look):
    _shadow(picture, (S * 0.22, S * 0.76, S * 0.78, S * 0.86))
    outline = [(S * 0.3, S * 0.2), (S * 0.7, S * 0.2), (S * 0.74, S * 0.8), (S * 0.26, S * 0.8)]
    draw.polygon(outline, fill=look.body)
    draw.rectangle((S * 0.3, S * 0.2, S * 0.7, S * 0.26), fill=_mix(look.body, (0, 0, 0), 0.2))
    _label(draw, look, (S * 0.36, S * 0.36, S * 0.64, S * 0.66))


def _cup(picture, draw, look):
    _shadow(picture, (S * 0.28, S * 0.78, S * 0.72, S * 0.87))
    draw.polygon(
        [(S * 0.32, S * 0.3), (S * 0.68, S * 0.3), (S * 0.62, S * 0.82), (S * 0.38, S * 0.82)], fill=(236, 220, 196)
    )
    draw.polygon(
        [(S * 0.34, S * 0.42), (S * 0.66, S * 0.42), (S * 0.62, S * 0.82), (S * 0.38, S * 0.82)], fill=look.body
    )
    for k in range(9):
        x = S * (0.41 + (k % 5) * 0.045)
        y = S * (0.74 + (k // 5) * 0.04)
        draw.ellipse((x - S * 0.02, y - S * 0.02, x + S * 0.02, y + S * 0.02), fill=(45, 30, 25))
    draw.ellipse((S * 0.31, S * 0.27, S * 0.69, S * 0.33), fill=(250, 250, 250))
    draw.line((S * 0.52, S * 0.3, S * 0.6, S * 0.1), fill=look.accent, width=S // 40)


def _tin(picture, draw, look):
    _shadow(picture, (S * 0.24, S * 0.76, S * 0.76, S * 0.86))
    draw.rectangle((S * 0.3, S * 0.28, S * 0.7, S * 0.8), fill=look.body)
    draw.ellipse((S * 0.3, S * 0.75, S * 0.7, S * 0.85), fill=look.body)
    draw.ellipse((S * 0.3, S * 0.23, S * 0.7, S * 0.33), fill=_mix(look.body, (255, 255, 255), 0.35))
    _label(draw, look, (S * 0.35, S * 0.4, S * 0.65, S * 0.7))


def _bottle(picture, draw, look):
    _shadow(picture, (S * 0.3, S * 0.8, S * 0.7, S * 0.88))
    draw.rounded_rectangle((S * 0.33, S * 0.38, S * 0.67, S * 0.84), radius=S // 20, fill=look.body)
    draw.polygon([(S * 0.36, S * 0.4), (S * 0.45, S * 0.24), (S * 0.55, S * 0.24), (S * 0.64, S * 0.4)], fill=look.body)
    draw.rectangle((S * 0.44, S * 0.14, S * 0.56, S * 0.25), fill=look.accent)
    _label(draw, look, (S * 0.37, S * 0.5, S * 0.63, S * 0.76))


def _bag(picture, draw, look):
    _shadow(picture, (S * 0.2, S * 0.76, S * 0.8, S * 0.86))
    draw.rounded_rectangle((S * 0.25, S * 0.18, S * 0.75, S * 0.82), radius=S // 30, fill=look.body)
    for x in range(int(S * 0.25), int(S * 0.75), S // 50):
        draw.line((x, S * 0.18, x + S // 100, S * 0.22), fill=_mix(look.body, (0, 0, 0), 0.25), width=S // 200)
    draw.ellipse((S * 0.32, S * 0.34, S * 0.68, S * 0.7), fill=(252, 250, 244))
    _motif(draw, look.motif, S * 0.5, S * 0.5, S * 0.11, look.accent)


def _crackers(picture, draw, look):
    _shadow(picture, (S * 0.12, S * 0.7, S * 0.88, S * 0.86))
    for k, (cx, cy) in enumerate(((0.38, 0.62), (0.6, 0.58), (0.5, 0.72), (0.72, 0.72), (0.3, 0.74))):
        x, y, r = cx * S, cy * S, S * 0.12
        draw.ellipse((x - r, y - r * 0.55, x + r, y + r * 0.55), fill=_mix(look.body, (255, 255, 255), k * 0.05))
        draw.ellipse((x - r * 0.8, y - r * 0.4, x + r * 0.8, y + r * 0.35), outline=look.accent, width=S // 160)


def _sachet(picture, draw, look):
    _shadow(picture, (S * 0.2, S * 0.74, S * 0.8, S * 0.84))
    draw.rounded_rectangle((S * 0.24, S * 0.2, S * 0.76, S * 0.8), radius=S // 40, fill=look.body)
    face = (S * 0.34, S * 0.3, S * 0.66, S * 0.7)
    draw.ellipse(face, fill=(252, 250, 244))
    for ex in (0.43, 0.57):
        draw.ellipse((S * ex - S * 0.03, S * 0.44, S * ex + S * 0.03, S * 0.47), fill=look.body)
    draw.arc((S * 0.44, S * 0.52, S * 0.56, S * 0.6), 20, 160, fill=look.accent, width=S // 120)


def _tube(picture, draw, look):
    _shadow(picture, (S * 0.14, S * 0.74, S * 0.86, S * 0.84))
    draw.polygon([(S * 0.18, S * 0.52), (S * 0.7, S * 0.44), (S * 0.72, S * 0.74), (S * 0.18, S * 0.7)], fill=look.body)
    draw.rectangle((S * 0.14, S * 0.5, S * 0.2, S * 0.72), fill=_mix(look.body, (0, 0, 0), 0.2))
    draw.rounded_rectangle((S * 0.7, S * 0.52, S * 0.84, S * 0.66), radius=S // 60, fill=look.accent)
    draw.rounded_rectangle((S * 0.3, S * 0.53, S * 0.6, S * 0.66), radius=S // 60, fill=(252, 250, 244))
    _motif(draw, look.motif, S * 0.45, S * 0.595, S * 0.05, look.accent)


def _dropper(picture, draw, look):
    _shadow(picture, (S * 0.32, S * 0.8, S * 0.68, S * 0.88))
    draw.rounded_rectangle((S * 0.36, S * 0.42, S * 0.64, S * 0.84), radius=S // 24, fill=look.body)
    draw.rectangle((S * 0.44, S * 0.32, S * 0.56, S * 0.42), fill=(230, 230, 230))
    draw.rounded_rectangle((S * 0.45, S * 0.12, S * 0.55, S * 0.33), radius=S // 30, fill=look.accent)
    _label(draw, look, (S * 0.4, S * 0.54, S * 0.6, S * 0.76))


def _pen(picture, draw, look):
    _shadow(picture, (S * 0.12, S * 0.62, S * 0.88, S * 0.72))
    angle = -0.35

    def p(x, y):
        cx, cy = S / 2, S / 2
        return (cx + x * math.cos(angle) - y * math.sin(angle), cy + x * math.sin(angle) + y * math.cos(angle))

    w = S * 0.05
    draw.polygon([p(-S * 0.32, -w), p(S * 0.18, -w), p(S * 0.18, w), p(-S * 0.32, w)], fill=look.body)
    draw.polygon([p(S * 0.18, -w * 0.8), p(S * 0.33, 0), p(S * 0.18, w * 0.8)], fill=(214, 180, 90))
    draw.polygon([p(-S * 0.36, -w), p(-S * 0.32, -w), p(-S * 0.32, w), p(-S * 0.36, w)], fill=look.accent)
    draw.line([p(-S * 0.25, -w * 1.1), p(-S * 0.05, -w * 1.1)], fill=(214, 180, 90), width=S // 90)


def _brush(picture, draw, look):
    _shadow(picture, (S * 0.2, S * 0.64, S * 0.8, S * 0.74))
    draw.rounded_rectangle((S * 0.47, S * 0.1, S * 0.53, S * 0.56), radius=S // 60, fill=look.body)
    draw.rectangle((S * 0.46, S * 0.52, S * 0.54, S * 0.6), fill=look.accent)
    draw.polygon([(S * 0.45, S * 0.6), (S * 0.55, S * 0.6), (S * 0.5, S * 0.82)], fill=(40, 36, 34))


def _notebook(picture, draw, look):
    _shadow(picture, (S * 0.18, S * 0.74, S * 0.82, S * 0.84))
    draw.rectangle((S * 0.28, S * 0.2, S * 0.74, S * 0.8), fill=(245, 242, 232))
    draw.rectangle((S * 0.26, S * 0.18, S * 0.72, S * 0.78), fill=look.body)
    draw.rectangle((S * 0.6, S * 0.18, S * 0.64, S * 0.78), fill=look.accent)
    _label(draw, look, (S * 0.32, S * 0.3, S * 0.56, S * 0.5))


def _tape(picture, draw, look):
    _shadow(picture, (S * 0.12, S * 0.7, S * 0.88, S * 0.84))
    for k, (cx, colour) in enumerate(((0.3, look.body), (0.5, look.accent), (0.7, _mix(look.body, look.accent, 0.5)))):
        x, y, r = cx * S, S * (0.6 - 0.04 * (k % 2)), S * 0.14
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        _motif(draw, look.motif, x, y, r * 0.55, (255, 255, 255))
        draw.ellipse((x - r * 0.45, y - r * 0.45, x + r * 0.45, y + r * 0.45), fill=(240, 236, 226))


def _paper(picture, draw, look):
    _shadow(picture, (S * 0.14, S * 0.72, S * 0.86, S * 0.84))
    for k in range(6):
        offset = k * S * 0.012
        draw.polygon(
            [
                (S * 0.2 + offset, S * 0.62 - offset),
                (S * 0.6 + offset, S * 0.5 - offset),
                (S * 0.82 + offset, S * 0.62 - offset),
                (S * 0.42 + offset, S * 0.76 - offset),
            ],
            fill=_mix((250, 246, 234), look.body, 0.05 * (k % 2)),
            outline=(220, 214, 200),
        )
    _motif(draw, look.motif, S * 0.56, S * 0.56, S * 0.06, look.accent)


def _wheel(draw, cx, cy, r, look):
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(30, 30, 30), width=int(r * 0.12))
    draw.ellipse((cx - r * 0.86, cy - r * 0.86, cx + r * 0.86, cy + r * 0.86), outline=look.body, width=int(r * 0.08))
    for k in range(16):
        a = k * math.pi / 8
        draw.line(
            (cx, cy, cx + math.cos(a) * r * 0.84, cy + math.sin(a) * r * 0.84),
            fill=(150, 150, 150),
            width=max(2, int(r / 60)),
        )
    draw.ellipse((cx - r * 0.1, cy - r * 0.1, cx + r * 0.1, cy + r * 0.1), fill=look.accent)


def _bicycle_frame(picture, draw, look):
    _shadow(picture, (S * 0.1, S * 0.74, S * 0.9, S * 0.82))
    width = S // 40
    points = {
        "bb": (S * 0.48, S * 0.68),
        "seat": (S * 0.4, S * 0.32),
        "head": (S * 0.72, S * 0.36),
        "rear": (S * 0.2, S * 0.68),
        "fork": (S * 0.8, S * 0.68),
    }
    for a, b in (("bb", "seat"), ("seat", "head"), ("head", "bb"), ("bb", "rear"), ("rear", "seat"), ("head", "fork")):
        draw.line((points[a], points[b]), fill=look.body, width=width)
    draw.line((points["head"], (S * 0.7, S * 0.28)), fill=look.accent, width=width)
    draw.line((points["seat"], (S * 0.38, S * 0.24)), fill=(40, 40, 40), width=width)
    draw.line(((S * 0.38, S * 0.24), (S * 0.44, S * 0.24)), fill=(40, 40, 40), width=width)


def _gear(picture, draw, look):
    _shadow(picture, (S * 0.2, S * 0.76, S * 0.8, S * 0.86))
    cx, cy, r = S * 0.5, S * 0.48, S * 0.26
    teeth = []
    for k in range(48):
        a = k * math.pi / 24
        rr = r if k % 2 else r * 0.9
        teeth.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
    draw.polygon(teeth, fill=look.body)
    draw.ellipse((cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7), fill=_mix(look.body, (255, 255, 255), 0.2))
    for k in range(5):
        a = k * 2 * math.pi / 5
        x, y = cx + math.cos(a) * r * 0.42, cy + math.sin(a) * r * 0.42
        draw.ellipse((x - r * 0.14, y - r * 0.14, x + r * 0.14, y + r * 0.14), fill=(240, 240, 240))
    draw.ellipse((cx - r * 0.16, cy - r * 0.16, cx + r * 0.16, cy + r * 0.16), fill=look.accent)


def _wheelset(picture, draw, look):
    _shadow(picture, (S * 0.06, S * 0.76, S * 0.94, S * 0.86))
    _wheel(draw, S * 0.3, S * 0.52, S * 0.18, look)
    _wheel(draw, S * 0.7, S * 0.52, S * 0.18, look)


def _disc(picture, draw, look):
    _shadow(picture, (S * 0.18, S * 0.76, S * 0.82, S * 0.86))
    cx, cy, r = S * 0.5, S * 0.48, S * 0.28
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(196, 198, 202))
    for k in range(18):
        a = k * math.pi / 9
        x, y = cx + math.cos(a) * r * 0.78, cy + math.sin(a) * r * 0.78
        draw.ellipse((x - r * 0.05, y - r * 0.05, x + r * 0.05, y + r * 0.05), fill=(150, 152, 156))
    draw.ellipse((cx - r * 0.5, cy - r * 0.5, cx + r * 0.5, cy + r * 0.5), fill=look.body)
    draw.ellipse((cx - r * 0.15, cy - r * 0.15, cx + r * 0.15, cy + r * 0.15), fill=(240, 240, 240))
    draw.rounded_rectangle(
        (cx + r * 0.55, cy - r * 0.75, cx + r * 1.05, cy - r * 0.05), radius=S // 60, fill=look.accent
    )


def _saddle(picture, draw, look):
    _shadow(picture, (S * 0.16, S * 0.7, S * 0.84, S * 0.8))
    draw.polygon(
        [
            (S * 0.18, S * 0.42),
            (S * 0.5, S * 0.34),
            (S * 0.82, S * 0.44),
            (S * 0.8, S * 0.54),
            (S * 0.42, S * 0.6),
            (S * 0.2, S * 0.52),
        ],
        fill=look.body,
    )
    draw.line(((S * 0.3, S * 0.5), (S * 0.74, S * 0.46)), fill=look.accent, width=S // 80)
    draw.rectangle((S * 0.47, S * 0.58, S * 0.53, S * 0.76), fill=(60, 60, 60))


SHAPES = {
    "box": _box,
    "pastries": _pastries,
    "pouch": _pouch,
    "cup": _cup,
    "tin": _tin,
    "bottle": _bottle,
    "bag": _bag,
    "crackers": _crackers,
    "sachet": _sachet,
    "tube": _tube,
    "dropper": _dropper,
    "pen": _pen,
    "brush": _brush,
    "notebook": _notebook,
    "tape": _tape,
    "paper": _paper,
    "frame": _bicycle_frame,
    "gear": _gear,
    "wheelset": _wheelset,
    "disc": _disc,
    "saddle": _saddle,
}


def draw(look: Look) -> Image.Image:
    picture = _background(look.background)
    canvas = ImageDraw.Draw(picture, "RGBA")
    SHAPES[look.shape](picture, canvas, look)
    return picture.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def jpeg(look: Look) -> io.BytesIO:
    buffer = io.BytesIO()
    draw(look).save(buffer, format="JPEG", quality=88, optimize=True)
    buffer.seek(0)
    return buffer
