"""Build ``resources/roles/professions.txt``: the heads of NEREL train's profession titles.

Every ``WORKS_AS`` PERSON → PROFESSION relation in NEREL v1.1 *train* (public training
data; dev is kept for measuring) gives a title such as «полузащитника мадридского
«Реала»»; its head («полузащитник») is the first word that pymorphy3 parses as a noun
or a participle and that is not a qualifier. Heads seen at least ``MIN_COUNT`` times,
not in :data:`NOT_POSITIONS` and not already in ``positions.txt`` are written in the
nominative singular.

    .venv/bin/python scripts/build_role_heads.py ../shared/data/nerel-1.1/train
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from svodka.eval.nerel import load_nerel
from svodka.lang import morph
from svodka.resources import read_lines

MIN_COUNT = 1  # the pair classifier filters the rare heads' pairs
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: Words that qualify a title without heading it («врио губернатора»).
QUALIFIERS = {"бывший", "врио", "исполняющий", "обязанность", "экс", "и.о", "действующий"}
#: Heads that NEREL tags as professions but that name no post a person holds.
NOT_POSITIONS = {
    *("человек", "житель", "гражданин", "сторонник", "участник", "армия", "войско", "округ"),
    *("возглавлявший", "исполняющий", "главное", "голова", "звезда", "право", "сила"),
    *("президентство", "премьера", "стрелка", "старший", "физика", "политика", "папа"),
    *("модель", "леди", "сэр", "кандидат", "наследник"),
    # heads seen once that name a show, a body or an inflected slip, not a post
    *("концерт", "передача", "реалити-шоу", "стендап", "степень", "телеканал", "тело"),
    *("телепрограмма", "церемония", "ювентус", "математика", "командование", "донна"),
    *("заслуженный", "играющий", "исполнявший", "актерёма", "автору-исполнитель", "зам"),
    *("поп-певцов", "омудсмена", "cолист", "спорстмен", "програмист", "классик"),
}
HEAD_POS = {"NOUN", "PRTF"}
OUT = Path(__file__).parents[1] / "src/svodka/resources/roles/professions.txt"


def head_of(title: str) -> str | None:
    """«полузащитника мадридского «Реала»» → «полузащитник»; None when there is no noun."""
    for word in WORD.findall(title.lower().removeprefix("экс-")):
        parse = morph.parse(word)[0]
        if parse.normal_form in QUALIFIERS or len(word) < 3:
            continue
        if parse.tag.POS in HEAD_POS:
            return nominative(parse)
        if parse.tag.POS not in {"ADJF", "ADJS", "PRTS", "NUMR"}:
            return None
    return None


def nominative(parse) -> str:
    """The nominative singular, masculine for participles: «нападающего» → «нападающий»."""
    if parse.tag.POS == "PRTF":
        form = parse.inflect({"nomn", "sing", "masc"})
        return form.word if form else parse.normal_form
    return parse.normal_form


def main(folder: str) -> None:
    """Count the heads of every WORKS_AS profession and write the frequent new ones."""
    counts: Counter[str] = Counter()
    for doc in load_nerel(Path(folder)):
        for kind, _person, profession in doc.relations:
            span = doc.spans.get(profession)
            if kind == "WORKS_AS" and span is not None and span.type == "PROFESSION":
                head = head_of(span.text)
                if head:
                    counts[head] += 1
    known = set(read_lines("roles/positions.txt")) | NOT_POSITIONS
    heads = sorted(h for h, n in counts.items() if n >= MIN_COUNT and h not in known)
    header = [
        "# Heads of NEREL v1.1 train profession titles (WORKS_AS);",
        "# built by scripts/build_role_heads.py — do not edit by hand, edit positions.txt.",
    ]
    OUT.write_text("\n".join(header + heads) + "\n", encoding="utf-8")
    print(f"{len(heads)} heads written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
