#!/usr/bin/env python3
"""Fails unless the PNG screenshot given is not blank: it decodes the PNG with zlib only (8-bit RGB or RGBA, the
five scanline filters), and requires the page's pixels to vary (luminance standard deviation, and the share of
pixels that differ from the background colour). Used by scripts/browser-test.sh."""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"check-screenshot: {path} is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"check-screenshot: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride): line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride): line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def main(path):
    width, height, bpp, rows = decode(path)
    lum, counts = [], {}
    for line in rows[::2]:
        for x in range(0, width * bpp, 2 * bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            lum.append(0.299 * r + 0.587 * g + 0.114 * b)
            counts[(r, g, b)] = counts.get((r, g, b), 0) + 1
    mean = sum(lum) / len(lum)
    std = (sum((v - mean) ** 2 for v in lum) / len(lum)) ** 0.5
    background = max(counts.values()) / len(lum)
    print(f"check-screenshot: {width}x{height}, luminance std {std:.1f}, background {background:.1%} of pixels, "
          f"{len(counts)} colours")
    if std < 2 or background > 0.999 or len(counts) < 4:
        sys.exit("check-screenshot: FAILED: the screenshot is blank")


if __name__ == "__main__":
    main(sys.argv[1])
