"""The installed package: contents, version check, typing and documentation."""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import onoma
from conftest import REPO

PACKAGE = Path(onoma.__file__).parent


def test_package_contents():
    names = {p.name for p in PACKAGE.iterdir()}
    assert {"__init__.py", "__main__.py", "py.typed", "_onoma.pyi", "libonoma.so.0"} <= names
    assert any(re.fullmatch(r"_onoma\..*\.so", n) for n in names)
    assert (PACKAGE / "data" / "gazetteer.jsonl").is_file()


def test_versions():
    assert onoma.__version__ == onoma.library_version() == onoma._onoma.version_string()
    major, minor, patch = map(int, onoma.__version__.split("."))
    assert onoma._onoma.version_number() == major * 10000 + minor * 100 + patch
    assert onoma._onoma.version_number() == onoma._onoma.HEADER_VERSION_NUMBER
    assert re.fullmatch(r"\d+\.\d+(\.\d+)?", onoma.unicode_version())
    version_line = re.search(r"project\(onoma VERSION ([0-9.]+)", (REPO / "CMakeLists.txt").read_text())
    assert version_line and version_line.group(1) == onoma.__version__


def test_the_extension_uses_the_library_shipped_with_it():
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return
    loaded = {line.split()[-1] for line in maps.read_text().splitlines() if "libonoma.so" in line}
    assert loaded == {str((PACKAGE / "libonoma.so.0").resolve())}


def test_import_refuses_another_library_version():
    script = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("onoma._onoma", {str(next(PACKAGE.glob("_onoma.*.so")))!r})
ext = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ext)
ext.version_number = lambda: ext.HEADER_VERSION_NUMBER + 1
sys.modules["onoma._onoma"] = ext
try:
    import onoma
except ImportError as e:
    print("refused:", e)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert result.stdout.startswith("refused: onoma: the extension was built for libonoma")


def test_public_names_are_documented():
    assert onoma.__doc__
    for name in onoma.__all__:
        obj = getattr(onoma, name)
        if name == "__version__":
            continue
        assert inspect.getdoc(obj), name
        if inspect.isclass(obj):
            assert obj.__module__ == "onoma"
            for attr, value in vars(obj).items():
                if not attr.startswith("_") and (callable(value) or isinstance(
                        value, (property, classmethod, staticmethod))):
                    assert inspect.getdoc(value), f"{name}.{attr}"
                if attr.startswith("_") or not hasattr(value, "__get__"):
                    continue
                assert inspect.getdoc(getattr(obj, attr)), f"{name}.{attr}"


def test_stub_declares_exactly_the_extension():
    tree = ast.parse((PACKAGE / "_onoma.pyi").read_text(encoding="utf-8"))
    declared: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            declared[node.name] = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
        elif isinstance(node, ast.FunctionDef):
            declared[node.name] = set()
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            declared[node.target.id] = set()
    ext = onoma._onoma
    public = {n for n in dir(ext) if not n.startswith("_")}
    assert public == set(declared) - {"_Text"}
    for name, members in declared.items():
        obj = getattr(ext, name, None)
        if inspect.isclass(obj):
            actual = {n for n in vars(obj) if not n.startswith("_")}
            assert actual == {m for m in members if not m.startswith("_")}, name


def test_extension_sources_see_only_the_public_header():
    sources = REPO / "bindings" / "python" / "src"
    if not sources.is_dir():
        return
    for path in sources.iterdir():
        for include in re.findall(r'#include\s*([<"][^>"]+[>"])', path.read_text()):
            if include.startswith('"'):
                assert (sources / include.strip('"')).is_file(), (path.name, include)
            else:
                header = include.strip("<>")
                assert header == "onoma/onoma.h" or not header.startswith("onoma"), (path.name, include)
                assert not header.startswith(("gazetteer/", "scan/", "unicode/", "capi/", "automaton/"))


def test_python_dash_m_help():
    result = subprocess.run([sys.executable, "-m", "onoma", "--help"], capture_output=True,
                            text=True, check=True, env={**os.environ, "COLUMNS": "100"})
    assert "extract" in result.stdout and "info" in result.stdout
    version = subprocess.run([sys.executable, "-m", "onoma", "--version"], capture_output=True,
                             text=True, check=True)
    assert version.stdout.strip() == f"onoma {onoma.__version__} (Unicode {onoma.unicode_version()})"
