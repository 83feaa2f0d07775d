#!/usr/bin/env python3
"""Draws the pixel-art theatre stage of "Voor de Show" and writes it as PNG files.

Standard library only (zlib + struct), so anyone can regenerate the images:

    python3 game-assets/tools/make_stage_png.py

writes game-assets/images/stage.png (320x180, the title screen backdrop, shown
scaled up with nearest-neighbour sampling) and game-assets/images/icon.png
(32x32, the browser tab icon: the same stage, squeezed).
The output is deterministic: running the script twice gives identical bytes.
"""

import math
import struct
import zlib
from pathlib import Path

WIDTH, HEIGHT = 320, 180
FLOOR_TOP = 138  # first row of the stage floor
VALANCE_BOTTOM = 26  # lowest point of the valance scallops
TIE_Y = 100  # height of the curtain tie-backs

# Palette (pixel art: a few flat shades per material).
WALL = [(22, 16, 38), (27, 20, 46), (32, 24, 55), (38, 28, 64), (44, 32, 72)]
LIGHT = [(64, 50, 96), (84, 68, 118), (106, 90, 140)]
CURTAIN = [(92, 10, 22), (122, 16, 30), (150, 24, 38), (178, 34, 46), (204, 52, 58)]
GOLD = [(150, 104, 30), (200, 150, 48), (238, 196, 92)]
FLOOR = [(84, 50, 28), (102, 62, 34), (120, 74, 40)]
FLOOR_LIT = [(150, 98, 56), (172, 118, 70), (196, 142, 90)]
SEAM = (60, 34, 20)
LIP = (58, 36, 22)


def quantise(value, shades):
    """Picks one of `shades` for `value` in 0..1."""
    index = int(max(0.0, min(0.999, value)) * len(shades))
    return shades[index]


def curtain_edge(y):
    """Inner edge (distance from the side) of a side curtain at row y."""
    top, tie, bottom = 78.0, 40.0, 62.0
    if y <= TIE_Y:
        t = max(0.0, (y - VALANCE_BOTTOM + 8) / (TIE_Y - VALANCE_BOTTOM + 8))
        return tie + (top - tie) * math.cos(t * math.pi / 2)
    t = (y - TIE_Y) / (HEIGHT - TIE_Y)
    return tie + (bottom - tie) * math.sin(t * math.pi / 2)


def backdrop(x, y):
    """The wall behind the stage with a soft spotlight cone from above."""
    colour = quantise(y / FLOOR_TOP, WALL)
    # Light cone: widens from the top centre down to the floor.
    half_width = 14 + (y / FLOOR_TOP) * 62
    d = abs(x - WIDTH / 2) / half_width
    if d < 1.0:
        strength = (1.0 - d) * (0.35 + 0.65 * y / FLOOR_TOP)
        if strength > 0.18:
            colour = quantise((strength - 0.18) / 0.6, LIGHT)
    return colour


def floor(x, y):
    """Wooden planks in perspective, brighter in the spotlight's pool of light."""
    depth = (y - FLOOR_TOP) / (HEIGHT - FLOOR_TOP)  # 0 at the back, 1 at the front
    # Plank seams converge to a vanishing point above the stage.
    vanish_x, vanish_y = WIDTH / 2, -60
    spread = (x - vanish_x) * (FLOOR_TOP - vanish_y) / (y - vanish_y)
    plank = math.floor((spread + vanish_x) / 22)
    seam = abs(((spread + vanish_x) % 22)) < 1.2
    # Pool of light: an ellipse in the middle of the floor.
    ex = (x - WIDTH / 2) / 84
    ey = (y - (FLOOR_TOP + 20)) / 18
    lit = ex * ex + ey * ey
    if seam:
        return SEAM
    if lit < 1.0:
        return quantise(1.0 - lit * 0.9 - (plank % 2) * 0.2, FLOOR_LIT)
    return quantise(0.25 + depth * 0.5 + (plank % 2) * 0.25, FLOOR)


def side_curtain(x, y):
    """Colour of the left curtain at (x, y) or None when the pixel is not curtain."""
    edge = curtain_edge(y)
    if x >= edge:
        return None
    # Folds follow the drape: squeeze the fold pattern where the curtain is tied.
    u = x * 78.0 / edge
    fold = 0.5 + 0.5 * math.cos(u * 2 * math.pi / 13.0)
    shade = 0.15 + 0.7 * fold
    if x > edge - 3:  # inner edge catches the light
        shade = 0.95
    colour = quantise(shade, CURTAIN)
    # Golden tie-back rope.
    if abs(y - TIE_Y) <= 2 and x < edge + 1:
        colour = GOLD[1] if (x + y) % 4 else GOLD[2]
    return colour


def valance(x, y):
    """The scalloped top drapery with a golden fringe, or None below it."""
    scallop = VALANCE_BOTTOM - 7 + 7 * math.sin(math.pi * (x % 40) / 40)
    if y > scallop + 2:
        return None
    if y > scallop:
        return GOLD[2] if x % 3 else GOLD[0]
    if y < 3:
        return GOLD[1]
    fold = 0.5 + 0.5 * math.cos(2 * math.pi * (x % 40) / 40)
    return quantise(0.3 + 0.6 * fold * (0.6 + 0.4 * y / VALANCE_BOTTOM), CURTAIN)


def pixel(x, y):
    top = valance(x, y)
    if top is not None:
        return top
    side = side_curtain(min(x, WIDTH - 1 - x), y)
    if side is not None:
        return side
    if y >= FLOOR_TOP:
        if y < FLOOR_TOP + 2:
            return LIP
        return floor(x, y)
    return backdrop(x, y)


def png_bytes(width, height, rows):
    """Encodes rows of (r, g, b) tuples as an 8-bit truecolour PNG."""
    raw = bytearray()
    previous = bytes(width * 3)
    for row in rows:
        line = bytes(c for rgb in row for c in rgb)
        # Filter 2 ("Up") suits images with long vertical runs.
        raw.append(2)
        raw.extend((a - b) & 0xFF for a, b in zip(line, previous))
        previous = line

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def main():
    images = Path(__file__).resolve().parent.parent / "images"
    images.mkdir(exist_ok=True)
    stage = [[pixel(x, y) for x in range(WIDTH)] for y in range(HEIGHT)]
    (images / "stage.png").write_bytes(png_bytes(WIDTH, HEIGHT, stage))
    # The icon: the whole stage squeezed into 32x32 by nearest-neighbour sampling.
    icon = [[stage[y * HEIGHT // 32][x * WIDTH // 32] for x in range(32)] for y in range(32)]
    (images / "icon.png").write_bytes(png_bytes(32, 32, icon))


if __name__ == "__main__":
    main()
