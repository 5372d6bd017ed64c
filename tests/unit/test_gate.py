import json

from svodka.eval.gate import failures, raised_floors, read_floors, record_regression


def test_gate_fails_below_a_floor_and_on_missing_figures():
    floors = {"ner.PER.f1": 0.97, "gold.entities.f1": 0.8}
    problems = list(failures({"ner.PER.f1": 0.96}, floors))
    assert len(problems) == 2
    assert "below its floor" in problems[1] or "below its floor" in problems[0]
    assert any("not measured" in p for p in problems)


def test_gate_passes_at_or_above_floors():
    assert list(failures({"a": 0.9, "b": 0.5}, {"a": 0.9, "b": 0.4})) == []


def test_gate_raising_never_lowers_without_permission():
    floors, lowered = raised_floors({"a": 0.5, "b": 0.9}, {"a": 0.8}, allow_regression=None)
    assert floors == {"a": 0.8, "b": 0.895}
    assert lowered == []


def test_gate_lowering_needs_a_reason_and_records_it(tmp_path):
    floors, lowered = raised_floors({"a": 0.5}, {"a": 0.8}, allow_regression="new tokenizer")
    assert floors == {"a": 0.495}
    assert lowered == ["a"]
    quality = tmp_path / "quality.md"
    quality.write_text("# Quality\n", encoding="utf-8")
    record_regression(quality, lowered, "new tokenizer")
    assert "lowered a — new tokenizer" in quality.read_text(encoding="utf-8")


def test_gate_floors_file_is_valid_json(tmp_path):
    from tests.conftest import ROOT

    floors = read_floors(ROOT / "tests" / "floors.json")
    assert floors, "tests/floors.json pins no floors"
    assert all(0 <= v <= 1 for v in floors.values())
    assert json.loads((ROOT / "tests" / "floors.json").read_text()) == floors


def test_gate_does_not_pin_a_zero_figure():
    floors, _ = raised_floors({"gold.quotes.f1": 0.0, "a": 0.7}, {}, allow_regression=None)
    assert floors == {"a": 0.695}
