#!/usr/bin/env python3
"""Checks a cardsim HTML report, for cardsim's tests.

Usage: scripts/check_html.py REPORT.html [--text S]... [--raw S]...
Parses the page with xml.etree (the report is XHTML-compatible, so it must be well-formed XML)
and with html.parser, then prints one JSON line:
  elements, svg, tables, figures   counts of elements
  active                           script, iframe, object, embed, link elements and on*
                                   attributes (none expected: the page runs nothing)
  external                         references to other resources (src, href other than
                                   #fragments, url(...) in styles) (none expected)
  missing_text                     each --text S that is not in the page's text
  raw_found                        each --raw S found verbatim in the file's bytes
Exits 1 with the parser's message if the page is not well-formed.
"""
import html.parser
import json
import re
import sys
import xml.etree.ElementTree as ET


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.tags = 0

    def handle_starttag(self, tag, attrs):
        self.tags += 1

    def handle_data(self, data):
        self.text.append(data)


def main(argv):
    if not argv:
        sys.exit(__doc__)
    path = argv[0]
    texts = [argv[i + 1] for i, a in enumerate(argv) if a == "--text"]
    raws = [argv[i + 1] for i, a in enumerate(argv) if a == "--raw"]
    raw = open(path, "rb").read().decode("utf-8")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as e:
        sys.exit(f"check_html: {path} is not well-formed: {e}")
    parser = Collector()
    parser.feed(raw)
    parser.close()

    def local(tag):
        return tag.split("}")[-1]

    elements = list(root.iter())
    active = [local(e.tag) for e in elements if local(e.tag) in ("script", "iframe", "object", "embed", "link", "base")]
    active += [k for e in elements for k in e.attrib if local(k).lower().startswith("on")]
    external = []
    for e in elements:
        for k, v in e.attrib.items():
            name = local(k)
            if name == "src" or (name == "href" and not v.startswith("#")):
                external.append(v)
        if local(e.tag) == "style" and e.text and re.search(r"url\(\s*['\"]?(?!#)", e.text):
            external.append("url() in style")
        if re.search(r"url\(\s*['\"]?(?!#)", e.get("style", "")):
            external.append("url() in style attribute")
    text = "".join(root.itertext())
    result = {
        "elements": len(elements),
        "html_parser_tags": parser.tags,
        "svg": sum(1 for e in elements if local(e.tag) == "svg"),
        "tables": sum(1 for e in elements if local(e.tag) == "table"),
        "figures": sum(1 for e in elements if local(e.tag) == "figure"),
        "active": active,
        "external": external,
        "missing_text": [t for t in texts if t not in text],
        "raw_found": [r for r in raws if r in raw],
    }
    print(json.dumps(result, sort_keys=True, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
