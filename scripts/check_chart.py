#!/usr/bin/env python3
"""Facts about a chart file, for cardsim's tests: its format, size and how much ink it has.

Usage: scripts/check_chart.py FILE [--whole]
Prints one JSON line and exits 0, or says what is wrong on stderr and exits 1.

- PNG (read with Pillow): width and height in pixels; "ink" counts coloured pixels (channels
  more than 15 of 255 apart: lines, bands, bars; not the greys of axes, grid and text) in the
  plotted area, the central part of the image; "colours" counts distinct colours. With
  --whole, the whole image is the area and "ink" counts every pixel that differs from the
  corner pixel.
- SVG (read with xml.etree): width and height attributes; "ink" counts the points of the
  lines and areas inside gnuplot's plot groups (id gnuplot_plot_N).
- PDF: the MediaBox in points; "ink" counts path segments (l, c, re) drawn in a saturated
  colour in the content streams, inflated with zlib.
"""
import json
import re
import sys
import zlib
import xml.etree.ElementTree as ET


def fail(message):
    sys.exit(f"check_chart: {message}")


def saturated(r, g, b, threshold):
    return max(r, g, b) - min(r, g, b) > threshold


def png(path, whole):
    try:
        from PIL import Image
    except ImportError:
        fail("Pillow is not installed; install with: python3 -m pip install pillow (or run scripts/install-deps.sh)")
    with Image.open(path) as im:
        im.verify()
    im = Image.open(path).convert("RGB")
    w, h = im.size
    area = (0, 0, w, h) if whole else (int(w * 0.10), int(h * 0.12), int(w * 0.90), int(h * 0.88))
    raw = im.crop(area).tobytes()
    pixels = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    background = im.getpixel((0, 0))
    if whole:
        ink = sum(1 for p in pixels if p != background)
    else:
        ink = sum(1 for p in pixels if saturated(*p, 15))
    return {"format": "png", "width": w, "height": h, "ink": ink, "area": len(pixels),
            "colours": len(set(pixels))}


def svg(path):
    root = ET.parse(path).getroot()
    if not root.tag.endswith("svg"):
        fail(f"{path}: root element is {root.tag}, not svg")
    ns = "{http://www.w3.org/2000/svg}"
    ink = 0
    for group in root.iter(ns + "g"):
        if not group.get("id", "").startswith("gnuplot_plot_"):
            continue
        for e in group.iter():
            if e.tag.replace(ns, "") in ("path", "polygon", "polyline"):
                ink += len(re.findall(r"-?\d+(?:\.\d+)?", e.get("d", "") + e.get("points", ""))) // 2
    return {"format": "svg", "width": int(float(root.get("width"))), "height": int(float(root.get("height"))), "ink": ink}


def pdf(path):
    data = open(path, "rb").read()
    if not data.startswith(b"%PDF-"):
        fail(f"{path}: not a PDF")
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    if not box:
        fail(f"{path}: no MediaBox")
    ink = 0
    for m in re.finditer(rb"stream\r?\n", data):
        start = m.end()
        end = data.find(b"endstream", start)
        try:
            content = zlib.decompress(data[start:end])
        except zlib.error:
            continue
        # Count path segments drawn while a saturated colour is set.
        coloured = False
        operands = []
        for token in re.findall(rb"[^\s\[\]()<>/]+", content):
            if token in (b"rg", b"RG") and len(operands) >= 3:
                try:
                    coloured = saturated(*(float(v) for v in operands[-3:]), 0.25)
                except ValueError:
                    coloured = False
            elif token in (b"g", b"G", b"k", b"K"):
                coloured = False
            elif token in (b"l", b"c", b"re") and coloured:
                ink += 1
            operands = operands[-3:] + [token] if not token.isalpha() else []
    x0, y0, x1, y1 = (float(v) for v in box.groups())
    return {"format": "pdf", "width_pt": x1 - x0, "height_pt": y1 - y0, "ink": ink}


def main(argv):
    if not argv:
        sys.exit(__doc__)
    path = argv[0]
    head = open(path, "rb").read(16)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        facts = png(path, "--whole" in argv)
    elif head.startswith(b"%PDF-"):
        facts = pdf(path)
    elif b"<" in head:
        facts = svg(path)
    else:
        fail(f"{path}: neither PNG, SVG nor PDF")
    print(json.dumps(facts, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1:])
