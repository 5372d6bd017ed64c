import pytest

from svodka.knowledge.keys import entity_key, expand, load_tables
from svodka.lang.text import fold_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("МИД России", "Министерство иностранных дел РФ"),
        ("МИД России", "Министерство иностранных дел Российской Федерации"),
        ("МГУ", "Московский государственный университет"),
        ("ЦБ", "Центральный банк"),
        ("Центробанк", "Центрального банка"),
        ("МИД ФРГ", "МИД Германии"),
        ("Госдума", "Государственная дума"),
    ],
)
def test_organisation_forms_share_a_key(a, b):
    assert entity_key("ORG", a) == entity_key("ORG", b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("МИД России", "МИД Казахстана"),
        ("МГУ", "СПбГУ"),
        ("Центральный банк", "Европейский центральный банк"),
    ],
)
def test_different_organisations_keep_different_keys(a, b):
    assert entity_key("ORG", a) != entity_key("ORG", b)


def test_person_key_drops_the_patronymic_and_folds_case():
    assert entity_key("PER", "Владимир Владимирович Путин") == "per:владимир путин"
    assert entity_key("PER", "ВЛАДИМИР ПУТИН") == "per:владимир путин"
    assert entity_key("PER", "Пётр Иванович Ёлкин") == "per:петр елкин"
    assert entity_key("PER", "Касым-Жомарт Токаев") == "per:касым-жомарт токаев"


def test_unknown_place_key_uses_lemmas():
    assert entity_key("LOC", "Красной площади") == entity_key("LOC", "Красная площадь")
    assert entity_key("LOC", "Красная площадь").startswith("loc:")


def test_expand_writes_out_a_leading_abbreviation_only():
    abbreviations = load_tables().abbreviations
    assert expand("МИД Казахстана", abbreviations) == "министерство иностранных дел казахстана"
    assert expand("Посольство США", abbreviations) == "посольство сша"


def test_fold_name_unifies_case_yo_dashes_and_quotes():
    assert fold_name("Усть–Каменогорск") == "усть-каменогорск"
    assert fold_name("«Газпром»") == "газпром"
    assert fold_name("  Орёл ") == "орел"


def test_shipped_city_index_is_what_the_builder_makes():
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).parents[2] / "scripts" / "build_gazetteer.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_abbreviation_and_full_name_are_one_entity_in_a_document(pipeline):
    doc = pipeline.analyze(
        "Московский государственный университет открыл набор. В МГУ ждут 5 тысяч студентов."
    )
    orgs = [e for e in doc.entities if e.type == "ORG"]
    assert len(orgs) == 1 and len(orgs[0].mentions) == 2
    assert orgs[0].key == "org:московский государственный университет"
