#!/usr/bin/env python3
"""Checks an exported cardsim notebook: it validates against the nbformat 4 schema, its chart
cells hold a stored PNG, and it executes top to bottom with nbclient (kernel python3), each
chart cell drawing a picture again.

Usage: scripts/check_notebook.py NOTEBOOK.ipynb [--no-execute]
Prints one JSON line (cells, code cells, stored images, images after execution) and exits 0,
or prints what is wrong on stderr and exits 1.
"""
import base64
import json
import sys
from pathlib import Path

try:
    import nbformat
    from nbclient import NotebookClient
except ImportError as e:
    sys.exit(f"check_notebook: {e}; install with: python3 -m pip install nbformat nbclient ipykernel pandas matplotlib "
             "(or run scripts/install-deps.sh)")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def images(cell):
    return [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    path = Path(argv[0])
    execute = "--no-execute" not in argv
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    if nb.nbformat != 4:
        sys.exit(f"{path}: nbformat {nb.nbformat}, expected 4")
    code = [c for c in nb.cells if c.cell_type == "code"]
    stored = [c for c in code if images(c)]
    for c in stored:
        data = base64.b64decode(images(c)[0]["data"]["image/png"])
        if not data.startswith(PNG_SIGNATURE):
            sys.exit(f"{path}: cell {c.get('id')} stores an image/png output that is not a PNG")
    if not stored:
        sys.exit(f"{path}: no code cell stores a chart image")
    result = {"cells": len(nb.cells), "code_cells": len(code), "stored_images": len(stored)}
    if execute:
        client = NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent.resolve())}})
        client.execute()
        drawn = 0
        for c in nb.cells:
            if c.cell_type != "code":
                continue
            errors = [o for o in c.outputs if o.get("output_type") == "error"]
            if errors:
                sys.exit(f"{path}: cell {c.get('id')} raised {errors[0].get('ename')}: {errors[0].get('evalue')}")
            drawn += 1 if images(c) else 0
        result["executed_images"] = drawn
        if drawn < len(stored):
            sys.exit(f"{path}: {len(stored)} chart cells, but only {drawn} drew a picture when executed")
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1:])
