"""The event tables under ``resources/events/``, read once: PLOVER's types and modes, the
Russian trigger lexicon with its target frames, group actors and modality words."""

from __future__ import annotations

from dataclasses import dataclass, field

from svodka.lang import morph
from svodka.lang.text import fold
from svodka.resources import read_lines, read_table


@dataclass(frozen=True, slots=True)
class Frame:
    """Where a target stands: after ``preposition`` (or none) in ``case``; a ``doer``
    frame («@gen») finds the source instead: the genitive right after a noun trigger
    («иск "Юганскнефтегаза"», «встреча Путина и Токаева»)."""

    preposition: str
    case: str
    doer: bool = False


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row: «вывести» → RETREAT, withdraw, from «из»+gen, an event only next to
    one of its ``context`` words («войска»); never right after a word of ``not_after``
    («с помощью») or right before one of ``not_before`` («отказался комментировать»)."""

    lemma: str
    type: str
    mode: str | None
    frames: tuple[Frame, ...]
    context: frozenset[str]
    not_after: frozenset[str] = frozenset()
    not_before: frozenset[str] = frozenset()
    #: «+x»: words that must all stand near as well: «боевая» for «готовность»
    required: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[str, tuple[Trigger, ...]]
    quads: dict[str, str]
    groups: frozenset[str]
    plural_groups: frozenset[str]
    modality: dict[str, str]
    sport: frozenset[str]
    #: «британский» → «Великобритания»: the country a group's adjective names.
    countries: dict[str, str]
    #: «американец» → «US»: the country (ISO code) whose people a noun names.
    demonyms: dict[str, str] = field(default_factory=dict)
    #: News outlets (folded names) and the words for one («агентство»): who reports an
    #: event is no side of it.
    outlets: frozenset[str] = frozenset()
    media: frozenset[str] = frozenset()
    #: The triggers' lemmas, hashable: cached word readings are keyed by them.
    lemmas: frozenset[str] = frozenset()


#: Cases as the lexicon writes them → pymorphy3's grammemes.
CASES = {
    "nom": "nomn",
    "gen": "gent",
    "dat": "datv",
    "acc": "accs",
    "ins": "ablt",
    "loc": "loct",
}


def load_lexicon() -> Lexicon:
    """Every events table, parsed."""
    triggers: dict[str, list[Trigger]] = {}
    for row in read_table("events/triggers.tsv", 5):
        lemma, type_, mode, target, support = (cell.replace("ё", "е") for cell in row)
        words = [w for w in support.split(",") if w and w != "-"]
        trigger = Trigger(
            lemma,
            type_,
            mode or None,
            parse_frames(target),
            frozenset(w for w in words if w[0] not in "!~+"),
            frozenset(w[1:] for w in words if w[0] == "!"),
            frozenset(w[1:] for w in words if w[0] == "~"),
            frozenset(w[1:] for w in words if w[0] == "+"),
        )
        triggers.setdefault(lemma, []).append(trigger)
    quads = {row[0]: row[1] for row in read_table("events/types.tsv", 3)}
    modality = {
        lemma.replace("ё", "е"): kind for lemma, kind in read_table("events/modality.tsv", 2)
    }
    groups = [line.split() for line in read_lines("events/actors.txt")]
    names = [words[0] for words in groups]
    plural = [words[0] for words in groups if words[-1] == "plur"]
    return Lexicon(
        triggers={lemma: tuple(rows) for lemma, rows in triggers.items()},
        lemmas=frozenset(triggers),
        quads=quads,
        groups=frozenset(names) | participle_lemmas(names),
        plural_groups=frozenset(plural) | participle_lemmas(plural),
        modality=modality,
        sport=frozenset(w.replace("ё", "е") for w in read_lines("events/sport.txt")),
        countries=dict(read_table("roles/country_adjectives.tsv", 2)),
        demonyms=dict(read_table("events/demonyms.tsv", 2)),
        outlets=frozenset(fold(name) for name in read_lines("orgs/outlets.txt")),
        media=frozenset(read_lines("orgs/media_nouns.txt")),
    )


def participle_lemmas(words: list[str]) -> frozenset[str]:
    """The verbs of the participles among ``words``: pymorphy3 reads «протестующие» as a
    form of «протестовать», so that is the lemma a group word «протестующий» is found by."""
    return frozenset(
        p.normal_form.replace("ё", "е")
        for word in words
        for p in morph.parse(word)
        if p.tag.POS == "PRTF"
    )


def parse_frames(text: str) -> tuple[Frame, ...]:
    """«с+ins|gen» → (Frame("с", "ablt"), Frame("", "gent")); «@gen» → a doer frame."""
    frames = []
    for part in filter(None, text.split("|")):
        doer = part.startswith("@")
        preposition, _, case = part.lstrip("@").rpartition("+")
        frames.append(Frame(preposition, CASES[case], doer))
    return tuple(frames)
