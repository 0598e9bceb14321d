"""The drawing of the import graph (resources/architecture/imports.svg) is of the imports as they are.

``make imports-graph`` redraws it; this test rebuilds the DOT source from the real imports and compares.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import grimp
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "resources" / "architecture" / "imports.py"


def _drawing() -> ModuleType:
    spec = importlib.util.spec_from_file_location("imports_drawing", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_drawing_shows_the_imports_as_they_are():
    drawing = _drawing()
    source = drawing.build()
    assert drawing.DOT.read_text(encoding="utf-8") == source, (
        "the imports changed since the drawing was made: run `make imports-graph`"
    )
    assert f"drawn from imports.dot {drawing.digest(source)}" in drawing.SVG.read_text(
        encoding="utf-8"
    ), "imports.svg was not drawn from the current imports.dot: run `make imports-graph`"


def test_the_store_sits_below_the_ingest_service_and_reaches_no_engine():
    drawing = _drawing()
    graph = grimp.build_graph("dateline", include_external_packages=False)
    nodes, arrows = drawing.package_graph(graph)
    assert ("dateline.core.ingest", "dateline.core.store") in arrows
    below_store = {b for a, b in arrows if a == "dateline.core.store"}
    above = {n for n in nodes if drawing.ROLE_OF.get(n) in ("engine", "use", "input", "gui", "cli")}
    assert below_store, "the store imports at least the model"
    assert not below_store & above, below_store & above


@pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz is not installed (.ci/run installs it)"
)
def test_graphviz_draws_the_source():
    drawing = _drawing()
    done = subprocess.run(
        ["dot", "-Tsvg", str(drawing.DOT)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "<svg" in done.stdout and ">store</text>" in done.stdout
