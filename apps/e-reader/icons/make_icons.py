#!/usr/bin/env python3
"""Draws the e-reader's app icons (an open book, white on the suite's primary blue) as
PNG files of 192 and 512 pixels, with the standard library only (zlib for the PNG).
Run from this folder: python3 make_icons.py"""
import struct
import zlib

BLUE = (0x0A, 0x58, 0xA8)
WHITE = (0xFF, 0xFF, 0xFF)


def colour_at(x, y):
    """The colour of the point (x, y) of a unit square: an open book in its middle."""
    # Two pages from 0.2 to 0.8 wide, 0.28 to 0.74 high, a gap of 0.03 at the spine;
    # the pages' lower edges dip towards the spine, as an open book's do.
    left = 0.2 <= x <= 0.485
    right = 0.515 <= x <= 0.8
    if not (left or right):
        return BLUE
    dip = 0.04 * (1 - abs(x - 0.5) / 0.3)
    if 0.28 + dip <= y <= 0.74 + dip:
        # Three lines of text on each page, in blue.
        for line in (0.38, 0.48, 0.58):
            inner = 0.24 <= x <= 0.45 or 0.55 <= x <= 0.76
            if inner and line + dip <= y <= line + dip + 0.025:
                return BLUE
        return WHITE
    return BLUE


def png(size):
    rows = b""
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            row.extend(colour_at((px + 0.5) / size, (py + 0.5) / size))
        rows += bytes(row)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


for size in (192, 512):
    with open(f"icon-{size}.png", "wb") as out:
        out.write(png(size))
