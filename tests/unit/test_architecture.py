"""The layering of docs/architecture.md, checked on the code's own imports.

Every ``import`` in src/svodka is read (module-level, lazy and type-only alike); the rules
are the table in docs/architecture.md: what each part never imports, no cycles between
modules, no module over 400 lines, and no `<stage>_<part>.py` files in stages/.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "svodka"
MAX_LINES = 400
HEAVY = ("slovnet", "navec", "natasha", "numpy", "pymorphy3")

#: part → the parts it never imports. A part is the first name under svodka
#: («store», «stages», «doc»); the model modules share the part «model».
NEVER = {
    "model": {"lang", "knowledge", "stages", "pipeline", "io", "store", "corpus"}
    | {"cli", "web", "eval", "bench", "resources"},
    "resources": {"lang", "knowledge", "stages", "pipeline", "io", "store", "corpus"}
    | {"cli", "web", "eval", "bench"},
    "lang": {"knowledge", "stages", "pipeline", "io", "store", "corpus", "cli", "web"}
    | {"eval", "bench"},
    "knowledge": {"stages", "pipeline", "io", "store", "corpus", "cli", "web", "eval", "bench"},
    "stages": {"pipeline", "io", "store", "corpus", "cli", "web", "eval", "bench"},
    "pipeline": {"io", "store", "corpus", "cli", "web", "eval", "bench"},
    "io": {"lang", "knowledge", "stages", "pipeline", "store", "corpus", "cli", "web"}
    | {"eval", "bench"},
    "store": {"stages", "pipeline", "io", "corpus", "cli", "web", "eval", "bench"},
    "corpus": {"cli", "web", "eval", "bench"},
    "eval": {"store", "corpus", "cli", "web", "bench"},
    "bench": {"cli", "web"},
    "web": {"cli", "eval", "bench"},
    "cli": {"bench"},
}
MODEL = {"doc", "schema", "errors", "config", "settings", "version"}
#: The only upward imports, each inside one method and never at module level: the
#: document's own serialization and its notebook view, as pandas' ``DataFrame.to_dict`` and
#: ``_repr_html_`` do (docs/architecture.md).
HOOKS = {("svodka.doc", "svodka.schema"), ("svodka.doc", "svodka.web.notebook")}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(path: Path) -> set[str]:
    """The svodka modules ``path`` imports: ``from a.b import c`` is a.b.c when that is a
    module, else a.b. svodka uses absolute imports only."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: a relative import"
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if name in modules() else node.module)
    return {name for name in found if name == "svodka" or name.startswith("svodka.")}


def part_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    return "model" if parts[1] in MODEL else parts[1]


def test_architecture_no_part_imports_what_it_never_may():
    broken = [
        f"{name} imports {target}"
        for name, path in modules().items()
        for target in imports_of(path)
        if part_of(target) in NEVER.get(part_of(name), set()) and (name, target) not in HOOKS
    ]
    assert broken == []


def test_architecture_hooks_import_only_inside_a_method():
    for name, target in HOOKS:
        tree = ast.parse(modules()[name].read_text(encoding="utf-8"))
        top = {
            node.module
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and node.module is not None
        }
        assert target in imports_of(modules()[name]) and target not in top


def test_architecture_store_and_shells_do_not_import_the_package_root():
    """``from svodka import …`` would run svodka/__init__; below the public API, modules
    name the module they need (the version comes from svodka.version)."""
    broken = [
        name
        for name, path in modules().items()
        if name != "svodka" and "svodka" in imports_of(path)
    ]
    assert broken == []


def test_architecture_a_stage_imports_no_other_stage():
    broken = []
    for name, path in modules().items():
        parts = name.split(".")
        if len(parts) < 3 or parts[1] != "stages":
            continue
        for target in imports_of(path):
            other = target.split(".")
            if len(other) >= 3 and other[1] == "stages" and other[2] != parts[2]:
                broken.append(f"{name} imports {target}")
    assert broken == []


def test_architecture_has_no_import_cycles():
    graph = {
        name: {t for t in imports_of(path) & modules().keys() if (name, t) not in HOOKS}
        for name, path in modules().items()
    }
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_architecture_no_module_is_over_400_lines():
    long = {
        name: n
        for name, path in modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_architecture_stages_have_no_part_files():
    """A part of a stage lives in the stage's package (stages/quotes/direct.py), never as
    stages/quotes_direct.py."""
    stems = {p.stem for p in (PACKAGE / "stages").glob("*.py")}
    assert [s for s in stems if "_" in s and s.split("_")[0] in stems | dirs()] == []


def dirs() -> set[str]:
    return {p.name for p in (PACKAGE / "stages").iterdir() if p.is_dir()}


@pytest.mark.parametrize(
    "code",
    [
        "import svodka.store",
        "import svodka",
        "import svodka.web",
        "from typer.testing import CliRunner\nfrom svodka.cli.main import app\n"
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0",
    ],
    ids=["store", "package", "web", "cli-help"],
)
def test_architecture_light_imports_load_no_model(code):
    """`import svodka.store`, `import svodka` and `svodka --help` load none of the
    analysis stack: the models load when something is analyzed."""
    check = f"{code}\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
