from svodka.bench.report import TITLE, insert_section


def test_report_new_section_goes_on_top_and_history_stays():
    old = (
        f"{TITLE}\n\nintro\n\n## 2026-11-01 · commit aaa\n\nold numbers\n\n"
        "## Floors lowered\n\n- x\n"
    )
    new = insert_section(old, "## 2026-11-25 · commit bbb\n\nnew numbers\n")
    assert new.index("commit bbb") < new.index("commit aaa") < new.index("Floors lowered")
    assert "old numbers" in new and "new numbers" in new


def test_report_first_run_on_an_empty_file():
    new = insert_section("", "## 2026-11-25 · commit bbb\n\nnumbers\n")
    assert new.startswith(TITLE)
    assert "commit bbb" in new
