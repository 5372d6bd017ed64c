"""svodka as a library: what a natasha or spaCy user expects, and a core install that needs
no web server, cluster or Parquet."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import svodka
from svodka.doc import Record
from svodka.extras import EXTRAS, MissingExtra, explain, require
from svodka.pipeline import as_date, as_record
from svodka.schema import to_dict

TEXT = "Президент Казахстана Касым-Жомарт Токаев прилетел в Сочи."


def test_published_may_be_an_iso_string():
    assert as_date("2022-08-19") == date(2022, 8, 19)
    assert as_record(TEXT, "2022-08-19").published == date(2022, 8, 19)


def test_a_bad_published_string_is_named():
    with pytest.raises(ValueError, match="2022-13-45"):
        as_date("2022-13-45")


def test_a_record_keeps_its_own_date_and_takes_one_when_it_has_none():
    own = Record(id="a", text=TEXT, published=date(2020, 1, 1))
    assert as_record(own, "2022-08-19") is own
    assert as_record(Record(id="b", text=TEXT), "2022-08-19").published == date(2022, 8, 19)


def test_anything_else_is_a_type_error():
    with pytest.raises(TypeError, match="bytes"):
        as_record(TEXT.encode())


@pytest.mark.slow
def test_pipe_takes_plain_texts_in_order(pipeline):
    docs = list(pipeline.pipe([TEXT, "Владимир Путин прилетел в Минск."], published="2022-08-19"))
    assert [d.id for d in docs] == ["doc-1", "doc-2"]
    assert docs[1].published == date(2022, 8, 19)
    assert "Минск" in [e.name for e in docs[1].entities]


@pytest.mark.slow
def test_analyze_takes_a_record_and_a_date_string(pipeline):
    doc = pipeline.analyze(Record(id="r1", text=TEXT), published="2022-08-19")
    assert (doc.id, doc.published) == ("r1", date(2022, 8, 19))


@pytest.mark.slow
def test_to_dict_is_the_contract(pipeline):
    doc = pipeline.analyze(TEXT)
    assert doc.to_dict() == to_dict(doc)
    assert doc.to_dict()["schema"] == "svodka.document/2"


@pytest.mark.slow
def test_notebook_html_marks_entities_and_escapes_the_text(pipeline):
    doc = pipeline.analyze("<b>Владимир Путин</b> прилетел в Сочи.")
    html = doc._repr_html_()
    assert 'class="mark mark-PER"' in html and "Владимир Путин" in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "href=" not in html  # a notebook has no entity pages to link to


def test_a_missing_extra_is_named():
    error = ModuleNotFoundError("No module named 'fastapi'", name="fastapi")
    assert "pip install 'svodka[web]'" in explain(error)
    assert explain(ModuleNotFoundError("x", name="numpy")) is None
    assert set(EXTRAS.values()) == {"web", "batch", "pg", "html"}


def test_require_raises_the_extra_message(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtra, match=r"\[batch\]"):
        require("pyarrow")


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.slow
def test_analysis_imports_no_web_cluster_or_parquet():
    result = run_python(
        "import sys, svodka\n"
        f"svodka.analyze({TEXT!r}, published='2022-08-19')._repr_html_()\n"
        "heavy = ('fastapi', 'starlette', 'uvicorn', 'jinja2', 'dask', 'distributed', 'pyarrow')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_command_names_a_missing_extra_in_one_line():
    result = run_python(
        "import sys\n"
        "sys.modules['uvicorn'] = None\n"
        "sys.argv = ['svodka', 'serve', '--db', 'nowhere.db']\n"
        "from svodka.cli.main import run\n"
        "run()\n"
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "this needs svodka's [web] extra (uvicorn is not installed): pip install 'svodka[web]'"
    ]


def test_the_package_is_typed():
    assert (Path(svodka.__file__).parent / "py.typed").is_file()


def test_the_store_exports_without_pyarrow_until_parquet_is_asked(tmp_path):
    result = run_python(
        "import sys\n"
        "sys.modules['pyarrow'] = None\n"
        "from pathlib import Path\n"
        "from svodka.extras import MissingExtra\n"
        "from svodka.store import Store\n"
        "from svodka.store.export import export\n"
        f"store = Store.open({str(tmp_path / 's.db')!r})\n"
        "export(store, 'jsonl', sys.stdout)\n"
        "try:\n"
        f"    export(store, 'parquet', Path({str(tmp_path / 'pq')!r}))\n"
        "except MissingExtra as error:\n"
        "    print(error)\n"
    )
    assert result.returncode == 0, result.stderr
    assert "svodka[batch]" in result.stdout
