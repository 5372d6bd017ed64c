"""`svodka eval crashes`: every failed analysis is counted with its reason, none stops the run."""

from dataclasses import replace
from types import SimpleNamespace

from typer.testing import CliRunner

from svodka.cli.main import app
from svodka.eval import crashes
from svodka.pipeline import Pipeline


def explode(doc, resources):
    if "BOOM" in doc.text:
        raise ValueError("bad input")
    return doc


def test_failures_are_counted_with_their_reason_and_the_rest_go_on(monkeypatch, tmp_path):
    stage = SimpleNamespace(
        __name__="explode", REQUIRES=("text",), PROVIDES=(), load=lambda config: None, apply=explode
    )
    texts = [("a", "Текст."), ("b", "BOOM"), ("c", "Ещё текст.")]
    monkeypatch.setattr(crashes, "DATASETS", {"fake": lambda data: texts})
    [(name, count)] = crashes.count_crashes(tmp_path, pipeline=Pipeline(stages=[stage]))
    assert (name, count.documents) == ("fake", 3)
    assert count.failures == [("b", "analysis failed: ValueError: bad input")]


def test_an_unknown_dataset_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "crashes", "--data", str(tmp_path), "--dataset", "x"])
    assert result.exit_code == 2
    assert "unknown" in result.output


def test_an_event_actor_missing_from_the_text_is_a_failure():
    from svodka.doc import Document, Event
    from svodka.eval.crashes import stray_actor

    event = Event(id="v1", type="CONSULT", trigger="встретились", start=0, stop=10)
    doc = Document(id="d", text="Боевики встретились.", events=(event,))
    assert stray_actor(doc) is None
    assert stray_actor(replace(doc, events=(replace(event, actors=("боевики",)),))) is None
    assert "марсиане" in stray_actor(replace(doc, events=(replace(event, actors=("марсиане",)),)))
    assert "e9" in stray_actor(replace(doc, events=(replace(event, source="e9"),)))
