"""The tone stage, its model, the contract's tone fields and `svodka eval tone`."""

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from svodka.cli.main import app
from svodka.doc import Tone, ToneSummary
from svodka.eval.tone import f1_pn, is_dev, read_rows
from svodka.lang.embeddings import load_navec
from svodka.schema import from_dict, json_schema, to_dict
from svodka.stages import tone as tone_stage
from svodka.stages.tone.model import Featurizer

NEGATIVE = (
    "Правозащитники обвинили Лукашенко в жестоких репрессиях, пытках задержанных "
    "и фальсификации выборов."
)
POSITIVE = (
    "Путин поблагодарил Шойгу за блестящую работу, высоко оценил его успехи и вручил ему орден."
)


def mention_tone(doc, name):
    entity = next(e for e in doc.entities if e.name == name)
    return entity.mentions[0].tone


def test_tone_negative_sentence_gives_a_negative_tone(pipeline):
    doc = pipeline.analyze(NEGATIVE)
    tone = mention_tone(doc, "Лукашенко")
    assert tone.label == -1
    assert tone.score < 0


def test_tone_positive_sentence_gives_a_positive_tone(pipeline):
    doc = pipeline.analyze(POSITIVE)
    shoigu = next(e for e in doc.entities if "Шойгу" in e.name)
    tone = shoigu.mentions[0].tone
    assert tone.label == 1
    assert tone.score > 0


def test_tone_entity_sums_up_its_mentions_and_document_its_sentences(pipeline):
    doc = pipeline.analyze(NEGATIVE + " " + POSITIVE)
    for entity in doc.entities:
        summary = entity.tone
        assert summary.negative + summary.neutral + summary.positive == len(entity.mentions)
        mean = sum(m.tone.score for m in entity.mentions) / len(entity.mentions)
        assert summary.mean == pytest.approx(mean, abs=1e-3)
    assert doc.tone.negative + doc.tone.neutral + doc.tone.positive == len(doc.sentences)


def test_tone_long_sentence_is_cut_around_the_mention_not_dropped(pipeline):
    filler = " ".join(["слово"] * 600)
    doc = pipeline.analyze(f"{filler} Правозащитники обвинили Лукашенко в пытках {filler}.")
    entity = next(e for e in doc.entities if e.name == "Лукашенко")
    assert entity.mentions[0].tone is not None
    reader = tone_stage.Reader(doc, Featurizer(load_navec()))
    ctx = reader.around(entity.mentions[0].start, entity.mentions[0].stop)
    assert len(ctx) <= 2 * tone_stage.REACH + 1 < 1200
    assert len(ctx.vectors) == len(ctx)


def test_tone_quotes_get_a_tone(pipeline):
    doc = pipeline.analyze(
        "«Это позорное и преступное решение», — заявил министр иностранных дел Сергей Лавров."
    )
    assert doc.quotes
    assert all(q.tone is not None and -1 <= q.tone.score <= 1 for q in doc.quotes)


def test_tone_contract_round_trips_and_validates(pipeline):
    doc = pipeline.analyze(NEGATIVE)
    data = to_dict(doc)
    jsonschema.validate(data, json_schema())
    assert data["entities"][0]["mentions"][0]["tone"].keys() == {"label", "score"}
    back = from_dict(json.loads(json.dumps(data)))
    assert back.entities == doc.entities
    assert back.tone == doc.tone
    assert back.quotes == doc.quotes


def test_tone_contract_reads_a_document_written_before_tone(pipeline):
    data = to_dict(pipeline.analyze(NEGATIVE))
    del data["tone"]
    for entity in data["entities"]:
        del entity["tone"]
        for mention in entity["mentions"]:
            del mention["tone"]
    jsonschema.validate(data, json_schema())
    doc = from_dict(data)
    assert doc.tone is None
    assert all(m.tone is None for e in doc.entities for m in e.mentions)


def test_tone_summaries_count_labels():
    tones = [Tone(-1, -0.6), Tone(0, 0.1), Tone(1, 0.8), Tone(1, 0.5)]
    assert tone_stage.summarize(tones) == ToneSummary(1, 1, 2, 0.2)
    assert tone_stage.summarize([]) is None


def test_tone_f1_pn_is_the_macro_f1_of_positive_and_negative():
    scores = f1_pn([1, 1, -1, 0], [1, 0, -1, -1])
    assert scores["positive.precision"] == 1.0
    assert scores["positive.recall"] == 0.5
    assert scores["negative.precision"] == 0.5
    assert scores["negative.recall"] == 1.0
    assert scores["f1_pn"] == pytest.approx(2 / 3)


def test_tone_dev_split_is_a_fixed_rule_of_the_sentence():
    assert is_dev("одно и то же предложение") == is_dev("одно и то же предложение")
    share = sum(is_dev(f"предложение номер {i}") for i in range(2000)) / 2000
    assert 0.10 < share < 0.20


def test_tone_eval_command_scores_a_tiny_file(tmp_path):
    header = "sentence\tentity\tentity_tag\tentity_pos_start_rel\tentity_pos_end_rel\tlabel\n"
    lines = [
        (NEGATIVE, "Лукашенко", "PERSON", -1),
        (POSITIVE, "Шойгу", "PERSON", 1),
        ("Делегация Франции прибыла в Москву во вторник.", "Франции", "COUNTRY", 0),
        ("Врачи спасли пострадавших, их работу высоко оценили.", "Врачи", "PROFESSION", 1),
    ]
    rows = []
    for sentence, entity, tag, label in lines:
        start = sentence.index(entity)
        rows.append(f"{sentence}\t{entity}\t{tag}\t{start}\t{start + len(entity)}\t{label}\n")
    path = tmp_path / "tiny.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    assert [r.label for r in read_rows(path)] == [-1, 1, 0, 1]
    result = CliRunner().invoke(app, ["eval", "tone", "--rusentne", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["rows"] == 4
    assert 0.0 <= scores["f1_pn"] <= 1.0
    for name in ("negative", "neutral", "positive"):
        assert {f"{name}.precision", f"{name}.recall"} <= scores.keys()
    table = CliRunner().invoke(app, ["eval", "tone", "--rusentne", str(path)])
    assert table.exit_code == 0 and "f1_pn" in table.output


def test_tone_eval_command_refuses_a_file_without_the_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("sentence\tlabel\nтекст\t0\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "tone", "--rusentne", str(path)])
    assert result.exit_code != 0


def test_tone_shares_one_navec_with_the_ner_stage():
    """The NER model and the tone model read the same navec arrays, loaded once."""
    from svodka.config import Config
    from svodka.stages import ner

    navec = load_navec()
    assert load_navec() is navec
    embedding = ner.load(Config()).model.infer.model.emb.word
    assert embedding.indexes.array is navec.pq.indexes
    assert tone_stage.load(Config()).featurizer.vectors.indexes is navec.pq.indexes


@pytest.mark.parametrize("where", ["start", "end"])
def test_tone_mention_at_the_edge_of_a_huge_sentence_is_read_around_it(pipeline, where):
    """A mention first or last in a 3,000-word sentence still gets a tone, from a cut
    context of at most ``REACH`` words on each side."""
    filler = " ".join(["слово"] * 3000)
    text = (
        f"Правозащитники обвинили Лукашенко в пытках {filler}."
        if where == "start"
        else f"{filler} правозащитники обвинили Лукашенко в пытках."
    )
    doc = pipeline.analyze(text)
    entity = next(e for e in doc.entities if e.name == "Лукашенко")
    mention = entity.mentions[0]
    assert mention.tone is not None
    ctx = tone_stage.Reader(doc, Featurizer(load_navec())).around(mention.start, mention.stop)
    assert len(ctx) <= tone_stage.REACH + 5
    assert doc.tone is not None
