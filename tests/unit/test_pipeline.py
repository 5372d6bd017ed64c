from copy import copy
from dataclasses import replace
from threading import current_thread
from types import ModuleType, SimpleNamespace

import pytest

import svodka
from svodka.errors import PipelineError
from svodka.pipeline import check_stages, count_ahead
from svodka.stages import STAGES


def fake_stage(name, requires, provides):
    return SimpleNamespace(
        __name__=name, REQUIRES=requires, PROVIDES=provides, load=None, apply=None
    )


def test_pipeline_stage_table_is_consistent():
    check_stages(STAGES)


def test_pipeline_rejects_a_stage_whose_input_nobody_provides():
    stages = [fake_stage("a", ("text",), ("tokens",)), fake_stage("b", ("entities",), ("x",))]
    with pytest.raises(PipelineError, match="b requires"):
        check_stages(stages)


def test_pipeline_rejects_a_layer_that_is_no_document_field():
    stages = [fake_stage("a", ("text",), ("tokens",)), fake_stage("b", ("tokens",), ("roles",))]
    with pytest.raises(PipelineError, match=r"b provides \['roles'\], not Document fields"):
        check_stages(stages)


def test_pipeline_accepts_a_field_of_a_layer_s_items():
    check_stages([fake_stage("a", ("text",), ("entities", "entities.roles", "spans.normal"))])


def test_pipeline_rejects_a_stage_without_apply():
    stage = SimpleNamespace(__name__="c", REQUIRES=(), PROVIDES=(), load=None)
    with pytest.raises(PipelineError, match="no apply"):
        check_stages([stage])


def test_pipeline_empty_text_gives_an_empty_document(pipeline):
    doc = pipeline.analyze("")
    assert doc.text == ""
    assert doc.entities == ()


def test_pipeline_analyze_many_keeps_order_and_ids(pipeline):
    records = [
        svodka.Record(id=f"d{i}", text=f"Владимир Путин встретился с Токаевым. {i}")
        for i in range(40)
    ]
    docs = list(pipeline.analyze_many(records))
    assert [d.id for d in docs] == [r.id for r in records]
    assert all(any(e.name == "Владимир Путин" for e in d.entities) for d in docs)


def test_pipeline_batched_equals_single(pipeline):
    texts = ["Глава МИД России Сергей Лавров прилетел в Анкару.", "Газпром и Роснефть отчитались."]
    single = [pipeline.analyze(t) for t in texts]
    batched = list(pipeline.analyze_many(svodka.Record(id="doc", text=t) for t in texts))
    assert [d.entities for d in single] == [d.entities for d in batched]


def test_pipeline_long_text_is_chunked(pipeline):
    sentence = "Президент России Владимир Путин провел переговоры в Москве. "
    doc = pipeline.analyze(sentence * 2000)
    putin = next(e for e in doc.entities if e.name == "Владимир Путин")
    assert len(putin.mentions) == 2000


def test_public_api_all_is_complete():
    for name in svodka.__all__:  # every public name resolves (they load on first use)
        getattr(svodka, name)
    public = {
        name
        for name, value in vars(svodka).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)
    }
    assert public == set(svodka.__all__)


def test_pipeline_on_error_reports_the_failing_record_and_goes_on(pipeline, monkeypatch):
    from svodka.stages import roles

    real = roles.apply

    def fragile(doc, res):
        if "сломай" in doc.text:
            raise ValueError("broken on purpose")
        return real(doc, res)

    monkeypatch.setattr(roles, "apply", fragile)
    records = [
        svodka.Record(id=i, text=t) for i, t in [("a", "Путин."), ("b", "сломай"), ("c", "Сочи.")]
    ]
    failed = []
    docs = list(pipeline.analyze_many(records, on_error=lambda r, e: failed.append((r.id, str(e)))))
    assert [d.id for d in docs] == ["a", "c"]
    assert failed == [("b", "broken on purpose")]


def test_pipeline_without_on_error_raises(pipeline, monkeypatch):
    from svodka.stages import roles

    monkeypatch.setattr(roles, "apply", lambda doc, res: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        list(pipeline.analyze_many([svodka.Record(id="a", text="Путин.")]))


def with_config(pipeline, **changes):
    """The session's pipeline (its loaded models) under another config."""
    other = copy(pipeline)
    other.config = replace(pipeline.config, **changes)
    return other


NEWS = [
    "Глава МИД России Сергей Лавров прилетел в Анкару.",
    "Газпром и Роснефть отчитались о прибыли за 2023 год.",
    "Президент Казахстана Касым-Жомарт Токаев заявил: «Мы готовы к переговорам».",
    "В Сочи 5 мая прошла встреча Владимира Путина и Александра Лукашенко.",
    "Сбербанк выделил 10 млн рублей на ремонт школы в Пензе.",
]


def test_pipeline_ner_runs_ahead_of_the_later_stages():
    assert STAGES[count_ahead(STAGES) - 1].__name__ == "svodka.stages.ner"
    assert count_ahead([fake_stage("a", (), ())]) == 0


def test_pipeline_overlapped_batches_equal_one_stage_after_another(pipeline, monkeypatch):
    from svodka.stages import ner

    threads = []
    real = ner.apply_many

    def noted(docs, res):
        threads.append(current_thread().name)
        return real(docs, res)

    monkeypatch.setattr(ner, "apply_many", noted)
    records = [svodka.Record(id=f"d{i}", text=t) for i, t in enumerate(NEWS * 2)]
    overlapped = list(with_config(pipeline, docs_per_batch=3).analyze_many(records))
    assert len(threads) == 4 and all(name.startswith("svodka-ahead") for name in threads)
    plain = list(with_config(pipeline, docs_per_batch=3, overlap=False).analyze_many(records))
    assert threads[4:] == ["MainThread"] * 4
    assert [d.id for d in overlapped] == [r.id for r in records]
    assert overlapped == plain
    assert any(e.name == "Сергей Лавров" for e in overlapped[0].entities)


@pytest.mark.parametrize("stage_name", ["ner", "roles"])
def test_pipeline_overlapped_failure_loses_only_its_record(pipeline, monkeypatch, stage_name):
    stage = next(s for s in STAGES if s.__name__.endswith(f".{stage_name}"))
    real = stage.apply_many if hasattr(stage, "apply_many") else stage.apply

    def fragile(docs, res):
        if any("сломай" in doc.text for doc in (docs if isinstance(docs, list) else [docs])):
            raise ValueError("broken on purpose")
        return real(docs, res)

    monkeypatch.setattr(stage, "apply_many" if hasattr(stage, "apply_many") else "apply", fragile)
    texts = [*NEWS[:3], "сломай", *NEWS[3:]]
    records = [svodka.Record(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    failed = []
    overlapped = with_config(pipeline, docs_per_batch=2)
    docs = list(overlapped.analyze_many(records, on_error=lambda r, e: failed.append(r.id)))
    assert [d.id for d in docs] == ["d0", "d1", "d2", "d4", "d5"]
    assert failed == ["d3"]
    with pytest.raises(ValueError, match="broken on purpose"):
        list(overlapped.analyze_many(records))


def test_pipeline_overlap_is_a_setting(monkeypatch):
    from svodka.settings import load_settings

    monkeypatch.setenv("SVODKA_OVERLAP", "false")
    assert load_settings().config().overlap is False
    monkeypatch.setenv("SVODKA_OVERLAP", "true")
    assert load_settings().config().overlap is True


def test_pipeline_reads_a_publication_time_as_its_day(pipeline):
    """A ``datetime`` is a ``date`` to the type checker: it must resolve dates as its day,
    not fail the document."""
    from datetime import UTC, date, datetime

    text = "Встреча прошла 1 апреля, а вчера стороны подписали соглашение."
    day = pipeline.analyze_many([svodka.Record(id="d", text=text, published=date(2024, 5, 3))])
    moment = datetime(2024, 5, 3, 23, 30, tzinfo=UTC)
    timed = pipeline.analyze_many([svodka.Record(id="t", text=text, published=moment)])
    (by_day,), (by_time,) = list(day), list(timed)
    expected = ["2024-04-01", "2024-05-02"]
    assert [d.value for d in by_time.dates] == [d.value for d in by_day.dates] == expected
    assert by_time.published == date(2024, 5, 3)


def test_pipeline_batches_are_bounded_by_records_and_characters():
    from svodka.pipeline import cut_batches

    sizes = [10, 10, 10, 60, 5, 100, 1, 1, 1, 1, 1]
    records = [svodka.Record(id=str(i), text="я" * n) for i, n in enumerate(sizes)]
    batches = list(cut_batches(records, 3, 50))
    assert [[len(r.text) for r in b] for b in batches] == [
        [10, 10, 10],
        [60],  # longer than the budget: a batch of its own
        [5],
        [100],
        [1, 1, 1],
        [1, 1],
    ]
    assert [r.id for b in batches for r in b] == [r.id for r in records]
    assert list(cut_batches([], 3, 50)) == []
