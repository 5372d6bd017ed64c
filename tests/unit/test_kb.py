"""The Wikidata knowledge base: importing a tiny dump written here, and looking names up."""

from __future__ import annotations

import bz2
import gzip
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from svodka.cli.kb import kb_app
from svodka.errors import InputError
from svodka.knowledge import kb
from svodka.knowledge.kb import KnowledgeBase, default_path, import_dump, normalize_name

runner = CliRunner()

#: A truncated entity, as a download cut short or a bad edit leaves it.
BROKEN = '{"type": "item", "id": "Q1", "labels": {"ru": {"language": "ru", "value": "Вселе'


def claim(prop: str, value: dict | None) -> dict:
    """A statement; no value makes it a «no value» snak."""
    snak = {"snaktype": "value" if value else "novalue", "property": prop}
    if value:
        snak["datavalue"] = {"value": value}
    return {"mainsnak": snak, "type": "statement", "rank": "normal"}


def entity(
    qid: str,
    ru: str | None = None,
    *,
    en: str | None = None,
    aliases: tuple[str, ...] = (),
    p31: tuple[str, ...] = (),
    coords: bool = False,
    sitelinks: int = 0,
    kind: str = "item",
) -> dict:
    """An entity shaped like one line of Wikidata's JSON dump."""
    labels = {lang: {"language": lang, "value": v} for lang, v in (("ru", ru), ("en", en)) if v}
    claims = {}
    if p31:
        claims["P31"] = [claim("P31", {"entity-type": "item", "id": c}) for c in p31]
    if coords:
        claims["P625"] = [claim("P625", {"latitude": 43.2, "longitude": 76.9})]
    return {
        "type": kind,
        "id": qid,
        "labels": labels,
        "aliases": {"ru": [{"language": "ru", "value": a} for a in aliases]} if aliases else {},
        "claims": claims,
        "sitelinks": {f"wiki{i}": {"site": f"wiki{i}", "title": qid} for i in range(sitelinks)},
    }


PUTIN = entity(
    "Q7747",
    "Владимир Путин",
    en="Vladimir Putin",
    aliases=("Путин", "Владимир Владимирович Путин"),
    p31=("Q5",),
    sitelinks=250,
)
ENTITIES = [
    PUTIN,
    entity("Q232", "Казахстан", en="Kazakhstan", p31=("Q3624078",), coords=True, sitelinks=300),
    entity("Q35493", "Алма-Ата", en="Almaty", aliases=("Алматы",), p31=("Q515",), coords=True),
    # МГУ has coordinates, and its class still makes it an ORG
    entity(
        "Q13164",
        "Московский государственный университет",
        aliases=("МГУ",),
        p31=("Q3918",),
        coords=True,
        sitelinks=90,
    ),
    entity("Q8479", "Пётр I", en="Peter the Great", p31=("Q5",), sitelinks=150),
    entity("Q99999", en="Some English-only thing", p31=("Q5",)),
    entity("P31", "экземпляр", en="instance of", kind="property"),
    # George Washington has more sitelinks than the city; --type LOC must still find the city
    entity("Q23", "Вашингтон", en="George Washington", p31=("Q5",), sitelinks=200),
    entity("Q61", "Вашингтон", en="Washington, D.C.", p31=("Q1549591",), sitelinks=180),
]
#: Entity lines: the ones above plus BROKEN; the array's brackets are not counted.
LINES, KEPT = len(ENTITIES) + 1, 7


def dump_lines(entities: list[dict], broken: str | None = None) -> list[str]:
    """One JSON object per line, BROKEN (if given) in the middle."""
    lines = [json.dumps(e, ensure_ascii=False) for e in entities]
    if broken:
        lines.insert(3, broken)
    return lines


def write_array(path: Path, entities: list[dict], broken: str | None = BROKEN) -> Path:
    """The official format: ``[``, entities one a line with commas, ``]``."""
    path.write_text("[\n" + ",\n".join(dump_lines(entities, broken)) + "\n]\n", encoding="utf-8")
    return path


@pytest.fixture
def dump(tmp_path) -> Path:
    return write_array(tmp_path / "latest-all.json", ENTITIES)


@pytest.fixture
def base(dump, tmp_path):
    target = tmp_path / "kb.sqlite"
    import_dump(dump, target)
    with KnowledgeBase.open(target) as opened:
        yield opened


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of the items and names tables, sorted."""
    with sqlite3.connect(path) as connection:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}"))
            for table in ("items", "names")
        }


def test_kb_import_counts(dump, tmp_path):
    counts = import_dump(dump, tmp_path / "kb.sqlite")
    assert (counts.lines, counts.kept, counts.skipped, counts.dropped) == (LINES, KEPT, 1, 2)
    line, reason = counts.reasons[0]
    assert line == 5  # «[» is line 1, BROKEN the fourth entity line
    assert "broken JSON" in reason


@pytest.mark.parametrize(
    ("name", "qid"),
    [
        ("Владимир Путин", "Q7747"),
        ("Путин", "Q7747"),
        ("ВЛАДИМИР  ВЛАДИМИРОВИЧ ПУТИН", "Q7747"),
        ("Казахстан", "Q232"),
        ("алма-ата", "Q35493"),
        ("Алматы", "Q35493"),
        ("МГУ", "Q13164"),
        ("«МГУ»", "Q13164"),
        ("Петр I", "Q8479"),
        ("Пётр I", "Q8479"),
    ],
)
def test_kb_lookup_by_label_and_alias(base, name, qid):
    assert base.lookup(name) == qid


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("Алма-Ата", "алма-ата"),
        ("ПАО «Газпром»", "пао газпром"),
        ("„Известия“", "известия"),
        (' "Новая  газета" ', "новая газета"),
        ("Королёв", "королев"),
    ],
)
def test_kb_normalize_name(text, normal):
    assert normalize_name(text) == normal


def test_kb_lookup_unknown_name_is_none(base):
    assert base.lookup("Токаев") is None
    assert base.lookup("") is None


def test_kb_stores_label_english_label_type_and_sitelinks(base):
    putin = base.get("Q7747")
    assert (putin.label, putin.label_en, putin.type, putin.sitelinks) == (
        "Владимир Путин",
        "Vladimir Putin",
        "PER",
        250,
    )
    assert base.get("Q232").type == "LOC"
    assert base.get("Q35493").type == "LOC"
    assert base.get("Q35493").label_en == "Almaty"
    assert base.get("Q13164").type == "ORG"  # a class outranks P625


@pytest.mark.parametrize(
    ("claims", "kind"),
    [
        ({"P625": [claim("P625", {"latitude": 1.0, "longitude": 2.0})]}, "LOC"),
        ({"P31": [claim("P31", None)]}, None),
        ({"P31": [claim("P31", {"numeric-id": 7278})]}, "ORG"),
        ({"P31": [claim("P31", {"id": "Q11424"})]}, None),
        ({}, None),
    ],
)
def test_kb_coarse_type(claims, kind):
    assert kb.coarse_type(claims) == kind


def test_kb_drops_items_without_russian_label_and_properties(base):
    assert base.get("Q99999") is None
    assert base.get("P31") is None
    assert base.lookup("экземпляр") is None
    assert base.get("Q1") is None  # the broken line


def test_kb_lookup_prefers_more_sitelinks_then_requested_type(base):
    assert base.lookup("Вашингтон") == "Q23"
    assert base.lookup("Вашингтон", "PER") == "Q23"
    assert base.lookup("Вашингтон", "LOC") == "Q61"


def test_kb_lookup_falls_back_to_other_types(base):
    assert base.lookup("Путин", "ORG") == "Q7747"


def test_kb_lookup_tie_goes_to_smaller_qid(tmp_path):
    # Q10 sorts before Q9 as text; the number decides
    dump = write_array(tmp_path / "d.json", [entity("Q10", "Мир"), entity("Q9", "Мир")], None)
    import_dump(dump, tmp_path / "kb.sqlite")
    with KnowledgeBase.open(tmp_path / "kb.sqlite") as base:
        assert base.lookup("мир") == "Q9"


def test_kb_lookup_rejects_unknown_type(base):
    with pytest.raises(ValueError, match="PER, LOC, ORG"):
        base.lookup("Путин", "GPE")


def test_kb_lookup_many_returns_the_first_hit(base):
    assert base.lookup_many(["Нурсултан Назарбаев", "Казахстан", "Путин"]) == "Q232"
    assert base.lookup_many(["Вашингтон"], "LOC") == "Q61"
    assert base.lookup_many(["Нурсултан Назарбаев", "Токаев"]) is None
    assert base.lookup_many([]) is None


def test_kb_lookup_uses_the_name_index(base):
    plan = " ".join(
        str(r) for r in base.connection.execute("EXPLAIN QUERY PLAN " + kb.LOOKUP, ("путин", "PER"))
    )
    assert "names_name" in plan


def test_kb_reimport_is_idempotent(dump, tmp_path):
    target = tmp_path / "kb.sqlite"
    import_dump(dump, target)
    first = rows(target)
    import_dump(dump, target)
    assert rows(target) == first
    assert len(first["items"]) == KEPT


def test_kb_reimport_replaces_an_item_and_its_names(dump, tmp_path):
    target = tmp_path / "kb.sqlite"
    import_dump(dump, target)
    renamed = entity("Q7747", "Путин Владимир", p31=("Q5",), sitelinks=251)
    import_dump(write_array(tmp_path / "update.json", [renamed], None), target)
    with KnowledgeBase.open(target) as base:
        assert base.lookup("путин владимир") == "Q7747"
        assert base.lookup("Владимир Путин") is None
        assert base.get("Q7747").sitelinks == 251
        assert base.lookup("Казахстан") == "Q232"  # the rest stays


def test_kb_batches_give_the_same_result(dump, tmp_path, monkeypatch):
    import_dump(dump, tmp_path / "one.sqlite")
    monkeypatch.setattr(kb, "BATCH", 2)
    heard = []
    import_dump(dump, tmp_path / "many.sqlite", progress=lambda c: heard.append(c.kept))
    assert heard == [2, 4, 6, 7]
    assert rows(tmp_path / "many.sqlite") == rows(tmp_path / "one.sqlite")


def test_kb_records_source_and_time(base):
    meta = dict(base.connection.execute("SELECT key, value FROM meta"))
    assert meta["source"] == "latest-all.json"
    assert meta["imported"][:2] == "20"


@pytest.mark.parametrize(("suffix", "compress"), [(".gz", gzip.compress), (".bz2", bz2.compress)])
def test_kb_compressed_dump(dump, tmp_path, suffix, compress):
    packed = tmp_path / f"latest-all.json{suffix}"
    packed.write_bytes(compress(dump.read_bytes()))
    counts = import_dump(packed, tmp_path / "kb.sqlite")
    assert (counts.lines, counts.kept, counts.skipped) == (LINES, KEPT, 1)
    assert rows(tmp_path / "kb.sqlite") == rows(import_plain(dump, tmp_path))


def import_plain(dump: Path, tmp_path: Path) -> Path:
    target = tmp_path / "plain.sqlite"
    import_dump(dump, target)
    return target


def test_kb_json_lines_dump(tmp_path):
    path = tmp_path / "entities.jsonl"
    path.write_text("\n".join(dump_lines(ENTITIES, BROKEN)) + "\n", encoding="utf-8")
    counts = import_dump(path, tmp_path / "kb.sqlite")
    assert (counts.lines, counts.kept, counts.skipped) == (LINES, KEPT, 1)
    with KnowledgeBase.open(tmp_path / "kb.sqlite") as base:
        assert base.lookup("Алматы", "LOC") == "Q35493"


def test_kb_not_an_entity_is_skipped(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text('["ru"]\n{"id": "Q5", "labels": "ru"}\n', encoding="utf-8")
    counts = import_dump(path, tmp_path / "kb.sqlite")
    assert (counts.lines, counts.kept, counts.skipped) == (2, 0, 2)
    assert all("not shaped like a Wikidata entity" in r for _, r in counts.reasons)


def test_kb_truncated_gzip_raises_input_error(dump, tmp_path):
    packed = gzip.compress(dump.read_bytes() * 50)
    path = tmp_path / "cut.json.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(InputError, match=r"cut\.json\.gz: unreadable after line"):
        import_dump(path, tmp_path / "kb.sqlite")


def test_kb_missing_files_raise_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        import_dump(tmp_path / "nope.json", tmp_path / "kb.sqlite")
    with pytest.raises(InputError, match="svodka kb import"):
        KnowledgeBase.open(tmp_path / "nope.sqlite")
    (tmp_path / "text.sqlite").write_text("not sqlite at all, just some text\n" * 10)
    with pytest.raises(InputError, match="not a knowledge base"):
        KnowledgeBase.open(tmp_path / "text.sqlite")


def test_kb_open_is_read_only(base):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        base.connection.execute("DELETE FROM items")


def test_kb_default_path(monkeypatch, tmp_path):
    monkeypatch.setenv("SVODKA_KB", str(tmp_path / "mine.sqlite"))
    assert default_path() == tmp_path / "mine.sqlite"
    monkeypatch.delenv("SVODKA_KB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "svodka" / "kb.sqlite"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_path() == Path.home() / ".local" / "share" / "svodka" / "kb.sqlite"


def test_kb_cli_import_then_lookup(dump, tmp_path):
    target = tmp_path / "sub" / "kb.sqlite"
    result = runner.invoke(kb_app, ["import", str(dump), "--kb", str(target)])
    assert result.exit_code == 0, result.output
    assert "items kept" in result.stdout
    assert str(KEPT) in result.stdout
    assert f"{dump.name}:5" in result.stderr  # the broken line, with its reason

    result = runner.invoke(kb_app, ["lookup", "Алматы", "--kb", str(target)])
    assert result.exit_code == 0
    assert result.stdout == "Q35493\tАлма-Ата\n"
    result = runner.invoke(kb_app, ["lookup", "Вашингтон", "--type", "loc", "--kb", str(target)])
    assert result.stdout.startswith("Q61\t")


def test_kb_cli_uses_svodka_kb(dump, tmp_path, monkeypatch):
    monkeypatch.setenv("SVODKA_KB", str(tmp_path / "env.sqlite"))
    assert runner.invoke(kb_app, ["import", str(dump)]).exit_code == 0
    assert runner.invoke(kb_app, ["lookup", "МГУ"]).stdout.startswith("Q13164\t")


def test_kb_cli_failures_exit_1_with_a_message_on_stderr(dump, tmp_path):
    target = tmp_path / "kb.sqlite"
    result = runner.invoke(kb_app, ["import", str(tmp_path / "nope.json"), "--kb", str(target)])
    assert result.exit_code == 1
    assert "nope.json not found" in result.stderr

    result = runner.invoke(kb_app, ["lookup", "Путин", "--kb", str(target)])
    assert result.exit_code == 1
    assert "no knowledge base here" in result.stderr

    runner.invoke(kb_app, ["import", str(dump), "--kb", str(target)])
    result = runner.invoke(kb_app, ["lookup", "Токаев", "--kb", str(target)])
    assert result.exit_code == 1
    assert "no item named 'Токаев'" in result.stderr
    assert result.stdout == ""


def test_kb_cli_import_of_nothing_readable_exits_1(tmp_path):
    path = tmp_path / "empty.json"
    path.write_text("[\n]\n", encoding="utf-8")
    result = runner.invoke(kb_app, ["import", str(path), "--kb", str(tmp_path / "kb.sqlite")])
    assert result.exit_code == 1
    assert "no entity could be read" in result.stderr


def test_kb_cli_rejects_unknown_type(tmp_path):
    result = runner.invoke(kb_app, ["lookup", "Путин", "--type", "GPE"])
    assert result.exit_code == 2
    assert "expected PER, LOC or ORG" in result.output + result.stderr


@pytest.mark.slow
def test_pipeline_links_entities_to_wikidata_through_the_kb(dump, tmp_path):
    from svodka.config import Config
    from svodka.pipeline import Pipeline

    target = tmp_path / "kb.sqlite"
    import_dump(dump, target)
    doc = Pipeline(Config(kb=str(target))).analyze(
        "Владимир Путин встретился со студентами МГУ в Алма-Ате."
    )
    linked = {e.name: e.wikidata for e in doc.entities}
    assert linked["Владимир Путин"] == "Q7747"
    assert linked["Алма-Ата"] == "Q35493"  # named as the text names it, linked by its key
    assert linked["МГУ"] == "Q13164"
