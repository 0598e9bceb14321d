"""Draw the package-level import graph of Dateline from its real imports.

grimp (which import-linter uses for the contracts in pyproject.toml) reads every import, TYPE_CHECKING
ones included; each module is folded into its node (a child of ``dateline.core``, or a top-level part:
``dateline.ui``, ``dateline.cli``, ``dateline.app``...), and an arrow A -> B says some module of A
imports some module of B. Arrows point down: what imports sits above what it imports.

    python resources/architecture/imports.py     (``make imports-graph``)

writes ``imports.dot`` here and, with Graphviz's ``dot``, ``imports.svg``, which names the DOT source it
was drawn from so that a test can tell when either is stale.
"""

from __future__ import annotations

import hashlib
import html
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

HERE = Path(__file__).resolve().parent
DOT = HERE / "imports.dot"
SVG = HERE / "imports.svg"
ROOT = "dateline"

# What each part of the application is for, to colour the drawing. A node not named here is "shared".
ROLES = {
    "entry": ("program entry points", "#f2f2f2"),
    "gui": ("the window (Qt)", "#dbe8f6"),
    "cli": ("the command line", "#e3f1dc"),
    "use": ("use cases", "#fbe3c4"),
    "store": ("persistence: SQL and records", "#f6d6d6"),
    "engine": ("the engine: article -> dates and events", "#e6dcf2"),
    "input": ("reading files", "#fff3bf"),
    "shared": ("values and helpers everyone uses", "#ffffff"),
}
ROLE_OF = {
    "dateline.__main__": "entry",
    "dateline.launcher": "entry",
    "dateline.app": "entry",
    "dateline.ui": "gui",
    "dateline.cli": "cli",
    "dateline.core.ingest": "use",
    "dateline.core.services": "use",
    "dateline.core.commands": "use",
    "dateline.core.export": "use",
    "dateline.core.history": "use",
    "dateline.core.extraction": "use",
    "dateline.core.store": "store",
    "dateline.core.engine": "engine",
    "dateline.core.temporal": "engine",
    "dateline.core.happening": "engine",
    "dateline.core.proposals": "engine",
    "dateline.core.eventtext": "engine",
    "dateline.core.speakers": "engine",
    "dateline.core.tailmatch": "engine",
    "dateline.core.sentences": "engine",
    "dateline.core.readers": "input",
}


def node_of(module: str) -> str:
    """The drawn node a module belongs to: a child of dateline.core, else a child of dateline."""
    parts = module.split(".")
    depth = 3 if parts[1:2] == ["core"] and len(parts) > 2 else 2
    return ".".join(parts[:depth])


def package_graph(graph: grimp.ImportGraph) -> tuple[list[str], list[tuple[str, str]]]:
    """The nodes, and the arrows between them (importer, imported)."""
    arrows: set[tuple[str, str]] = set()
    nodes: set[str] = set()
    core = ROOT + ".core"  # its __init__ holds nothing: a module of core is a node of its own
    for module in graph.modules:
        if module == core or (module != ROOT and not module.startswith(ROOT + ".")):
            continue
        nodes.add(node_of(module))
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = node_of(module), node_of(imported)
            if a != b and imported != core and imported.startswith(ROOT):
                arrows.add((a, b))
    return sorted(nodes), sorted(arrows)


def _label(node: str) -> str:
    if node == ROOT:
        return "dateline\n(its __init__)"
    return node.removeprefix("dateline.core.").removeprefix("dateline.")


def _is_package(graph: grimp.ImportGraph, node: str) -> bool:
    return bool(graph.find_children(node))


def dot_source(graph: grimp.ImportGraph) -> str:
    nodes, arrows = package_graph(graph)
    lines = [
        "// Made by resources/architecture/imports.py from the real imports; do not edit.",
        "digraph imports {",
        '  graph [rankdir=TB, ranksep=0.7, nodesep=0.25, fontname="DejaVu Sans", fontsize=11,',
        '         label="Dateline: who imports whom (an arrow points at what is imported; '
        'boxes are packages, ellipses modules)", labelloc=t];',
        '  node [fontname="DejaVu Sans", fontsize=10, style=filled, color="#555555"];',
        '  edge [color="#00000066", arrowsize=0.6];',
        '  subgraph cluster_core { label="dateline.core: pure Python, no Qt"; style=dashed; '
        'color="#888888";',
    ]
    outside = []
    for node in nodes:
        role = ROLE_OF.get(node, "shared")
        shape = "box" if _is_package(graph, node) else "ellipse"
        line = (
            f'    "{node}" [label="{_label(node)}", shape={shape}, fillcolor="{ROLES[role][1]}"];'
        )
        (lines if node.startswith("dateline.core.") else outside).append(line)
    lines.append("  }")
    lines += [line[2:] for line in outside]
    # Only which arrows there are, not how many imports each stands for: the drawing changes when
    # the architecture does, not with every import. Arrows into shared modules are drawn faint.
    for a, b in arrows:
        faint = ' [color="#00000026"]' if ROLE_OF.get(b, "shared") == "shared" else ""
        lines.append(f'  "{a}" -> "{b}"{faint};')
    legend = "".join(
        f'<TR><TD BGCOLOR="{colour}" BORDER="1" WIDTH="28"> </TD>'
        f'<TD ALIGN="LEFT">{html.escape(text)}</TD></TR>'
        for text, colour in ROLES.values()
    )
    lines.append(
        f'  legend [shape=plaintext, style="", label=<<TABLE BORDER="0" CELLSPACING="2">'
        f"{legend}</TABLE>>];"
    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def build() -> str:
    return dot_source(grimp.build_graph(ROOT, include_external_packages=False))


def main() -> int:
    source = build()
    DOT.write_text(source, encoding="utf-8")
    dot = shutil.which("dot")
    if dot is None:
        print(
            f"wrote {DOT}; Graphviz's dot is not installed, so {SVG.name} was not redrawn",
            file=sys.stderr,
        )
        return 1
    svg = subprocess.run(
        [dot, "-Tsvg"], input=source, capture_output=True, text=True, check=True
    ).stdout
    marker = f"<!-- drawn from imports.dot {digest(source)} -->\n"
    head, _, rest = svg.partition("<svg")
    SVG.write_text(head + marker + "<svg" + rest, encoding="utf-8")
    print(f"wrote {DOT.name} and {SVG.name} in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
