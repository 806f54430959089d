"""The layering holds beyond what import-linter's contracts say: no import cycles between the
console's modules, deferred (function-level) imports included."""

import grimp


def test_no_module_of_the_console_imports_itself_round_a_cycle():
    graph = grimp.build_graph("console")
    modules = sorted(graph.modules)
    cycles = [(a, b) for a in modules for b in sorted(graph.find_modules_directly_imported_by(a))
              if b in graph.modules and graph.chain_exists(importer=b, imported=a)]
    assert cycles == [], f"import cycles: {cycles[:10]}"


def test_no_source_file_of_the_console_is_over_600_lines():
    """Files with one job each: a file that grows past this is doing several."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "console"
    long = {str(p.relative_to(root)): n for p in root.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert long == {}, f"over 600 lines: {long}"
