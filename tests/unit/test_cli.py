"""The CLI end to end, in-process: output, exit codes, and bad input that never crashes."""

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from svodka.cli.main import app
from svodka.schema import json_schema

runner = CliRunner()
ARTICLE = "Президент Казахстана Касым-Жомарт Токаев прилетел в Сочи.\nПереговоры прошли успешно."


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "tokayev.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_analyze_text_report(article):
    result = run("analyze", str(article))
    assert result.exit_code == 0, result.output
    assert "Касым-Жомарт Токаев" in result.output
    assert "президент Казахстана" in result.output  # the organisation in the genitive


def test_cli_analyze_json_fits_the_schema_and_echoes_the_id(article):
    result = run("analyze", str(article), "--format", "json", "--published", "2022-08-19")
    data = json.loads(result.stdout)
    jsonschema.validate(data, json_schema())
    assert data["id"] == "tokayev"
    assert data["title"] == ARTICLE.split("\n")[0]
    assert data["published"] == "2022-08-19"


def test_cli_analyze_jsonl_keeps_going_past_a_broken_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False)
    path.write_text(good + "\n{broken\n" + good.replace('"a"', '"b"') + "\n", encoding="utf-8")
    result = run("analyze", str(path), "--format", "jsonl")
    assert result.exit_code == 0  # the others went through: the reject is named on stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["a", "b"]
    assert "batch.jsonl:2" in result.stderr
    strict = run("analyze", str(path), "--format", "jsonl", "--strict")
    assert strict.exit_code == 1 and "--strict" in strict.stderr
    assert [json.loads(line)["id"] for line in strict.stdout.splitlines()] == ["a", "b"]


def test_cli_analyze_stdin(article):
    result = run("analyze", "-", "--format", "jsonl", input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["entities"]


def test_cli_analyze_cp1251_file(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes(ARTICLE.encode("cp1251"))
    result = run("analyze", str(path), "--format", "json")
    assert result.exit_code == 0
    names = [e["name"] for e in json.loads(result.stdout)["entities"]]
    assert "Касым-Жомарт Токаев" in names


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"\x00\x01\x02\xff" * 100, "binary"),
        ("english.txt", b"The president of Kazakhstan arrived in Sochi for talks.", "not Russian"),
        ("missing.txt", None, "cannot read"),
    ],
)
def test_cli_analyze_rejects_bad_input_and_goes_on(tmp_path, article, name, content, reason):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = run("analyze", str(bad), str(article), "--format", "jsonl")
    assert result.exit_code == 0
    assert reason in result.stderr
    assert name in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["tokayev"]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_cli_analyze_rejects_an_empty_file_and_fails_when_nothing_is_left(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    result = run("analyze", str(path), "--format", "json")
    assert result.exit_code == 1
    assert "the text is empty or only whitespace" in result.stderr
    assert json.loads(result.stdout) == []


def test_cli_analyze_rejects_ukrainian_text(tmp_path, article):
    path = tmp_path / "uk.txt"
    path.write_text(
        "Президент України провів переговори з прем'єр-міністром у Києві щодо відбудови "
        "енергетичної системи країни після зимових атак.",
        encoding="utf-8",
    )
    result = run("analyze", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    assert "not Russian text (it reads as Ukrainian" in result.stderr


def test_cli_version():
    from svodka import __version__

    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"svodka {__version__}"


def test_cli_help_reads_cleanly():
    top = run("--help").stdout
    commands = top.split("Commands")[1]
    assert commands.index("analyze") < commands.index("ingest") < commands.index("eval")
    help = run("analyze", "--help").stdout
    assert "analyze [OPTIONS] PATHS..." in help  # the program is «root» under CliRunner
    assert "<bool>" not in help and "{" not in help
    assert "--strict" in help
    assert "svodka kb import [default:" in " ".join(help.replace("│", " ").split())  # not markup


def test_cli_analyze_shows_progress_on_a_long_document():
    from svodka.cli.analyze import LONG_TEXT, AnalyzeProgress
    from svodka.doc import Record

    progress = AnalyzeProgress()
    short, long = Record("s", "Сочи."), Record("l", "Сочи. " * (LONG_TEXT // 6 + 1))
    assert list(progress.watch([short])) == [short] and not progress.shown
    assert list(progress.watch([long])) == [long] and progress.shown
    assert "analyzing l (0.1 M characters)" in progress.progress.tasks[0].description
    progress.progress.stop()


def test_cli_bad_published_is_a_usage_error(article):
    result = run("analyze", str(article), "--published", "19.08.2022")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_cli_eval_missing_folder_is_a_usage_error(tmp_path):
    result = run("eval", "ner", "--factru", str(tmp_path / "nope"))
    assert result.exit_code == 2


def test_cli_analyze_writes_to_out(article, tmp_path):
    target = tmp_path / "out.jsonl"
    result = run("analyze", str(article), "-f", "jsonl", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    [line] = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["id"] == "tokayev"


def test_cli_format_is_a_choice_shown_and_checked(article):
    help = run("analyze", "--help").stdout
    assert "text|json|jsonl" in help
    result = run("analyze", str(article), "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of" in " ".join(result.output.replace("│", " ").split())


def test_cli_json_flag_is_the_old_spelling_of_format_json(article, tmp_path):
    db = str(tmp_path / "s.db")
    assert run("ingest", str(article), "--db", db, "--jobs", "1").exit_code == 0
    new = run("stats", "--db", db, "--format", "json")
    old = run("stats", "--db", db, "--json")
    assert new.exit_code == old.exit_code == 0
    assert json.loads(new.stdout) == json.loads(old.stdout)
    assert json.loads(new.stdout)["documents"] == 1
    assert "--json" not in run("stats", "--help").stdout  # hidden: --format is the option
