"""Roles written before a name: «президент Казахстана Касым-Жомарт Токаев»."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from svodka.doc import Entity, Role
from svodka.lang import morph
from svodka.stages.roles.make import is_past, make_role
from svodka.stages.roles.view import (
    JOINERS,
    MARKS,
    Found,
    Resources,
    View,
    cases,
    is_genitive_word,
    match_position,
    name_cases,
    reads_in_case,
    serves_name,
    topic_tail,
)

#: The one preposition between a position and a place: «полпред президента в Уральском округе».
PLACE_PREPOSITIONS = frozenset({"в", "во"})
#: Signs between a plural title and the list of names it introduces: «теннисистов — X, Y».
LIST_SIGNS = frozenset({"—", "–", "-", ":"})
#: Signs between stacked titles of one name: «писатель, документалист и публицист Имя».
STACK_JOINERS = frozenset({",", "и"})
#: Cases too ambiguous to tie a title to a name between it and another name.
SUBJECT_CASES = frozenset({"nomn", "accs"})
MAX_GAP = 12  # tokens between a position word and the name: «директор компании «…» Имя»
#: An age right before a name: «заместитель муфтия [38-летний] Ибрагим Дударов».
AGE = re.compile(r"^\d+-летн[а-яё]+$")


@dataclass(slots=True)
class Scan:
    """What lies between a name and the position before it, read right to left."""

    first: int  # the name's first token
    listed: int = 0  # names of the same list before this one: «президенты … X, Y и [Z]»
    nested: bool = (
        False  # a person in the genitive in between: «пресс-секретарю … Клинтона [Локхарту]»
    )
    joined: bool = False  # a joiner just read
    introduced: bool = False  # a list after a dash or colon: «теннисистов — [X, Y и Z]»
    ofs: list[tuple[Entity, str]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def roles_before(view: View, first: int, last: int, res: Resources) -> list[Role]:
    """The role before a name, and a second one stacked before it: «командующий войсками
    округа генерал-полковник Александр Постников» → командующий войсками, генерал-полковник."""
    scan = Scan(first)
    found = scan_back(view, scan, res)
    if found is None:
        return []
    if (unit := unit_holder(view, scan, found, res)) is not None:
        scan, found = unit
    role, chosen = pick_role(view, scan, found, last, res)
    if role is None or is_complement(view, chosen, last) or governs_name(view, scan, chosen, last):
        return []
    roles = [role]
    if chosen.last == first and not scan.ofs and not serves(view, chosen, res):
        stacked = Scan(chosen.first)
        more = scan_back(view, stacked, res)
        if more is not None and not stacked.listed and not stacked.nested:
            roles.append(pick_role(view, stacked, more, last, res)[0] or role)
    if not scan.listed:
        for left in stacked_by_joiners(view, chosen, res):
            roles.append(replace(role, title=left.title, past=is_past(view, left, res)))
    return [r for i, r in enumerate(roles) if r not in roles[:i]]


def stacked_by_joiners(view: View, chosen: Found, res: Resources) -> list[Found]:
    """Titles before commas or «и» stacked on the chosen one, in the same case and of the
    same organisation: «бывшего гендиректора, председателя совета директоров НТВ Имя»,
    «писатель, документалист и публицист Имя» — a person noun no list names
    («документалист») when a listed title or the sentence's start is left of it."""
    found, pending, right = [], [], chosen
    while (k := right.first - 1) >= 1 and view.word(k) in STACK_JOINERS:
        if view.owned(k - 1, "PER", "ORG", "LOC") is not None:
            break
        left = match_position(view, k - 1, res)
        if left is None and (left := person_noun(view, k - 1, res)) is not None:
            pending.append(left)
        elif left is not None:
            found += [*pending, left]
            pending = []
        if left is None or not cases(view.word(left.last - 1)) & cases(view.word(chosen.last - 1)):
            break
        right = left
    starts = right.first == 0 or view.word(right.first - 1) in ".!?" or view.breaks(right.first - 1)
    return found + pending if starts and pending and pending[-1] is right else found


def person_noun(view: View, k: int, res: Resources) -> Found | None:
    """A one-word animate noun at ``k``, as a title: «документалист»; not kin and the
    like (``not_titles.txt``)."""
    word = view.word(k)
    if not word.replace("-", "").isalpha() or not word[1:].islower():
        return None
    parse = morph.parse(word.lower())[0]
    if parse.tag.POS != "NOUN" or "anim" not in parse.tag or {"Name", "Surn"} & parse.tag.grammemes:
        return None
    title = parse.normal_form
    return None if title in res.not_titles else Found(title, k, k + 1)


def unit_holder(view: View, scan: Scan, found: Found, res: Resources) -> tuple[Scan, Found] | None:
    """«глава администрации [президента] Сергей Нарышкин»: a national title after a
    genitive noun names a unit, and the name holds the position before that unit."""
    k = found.first - 1
    if found.title not in res.national or k < 0 or view.word(k).isupper():
        return None
    if not is_genitive_word(view.word(k)) or match_position(view, k, res) is not None:
        return None
    words = [view.word(j) for j in range(found.first, found.last)]
    outer = Scan(found.first, ofs=list(scan.ofs), words=words + scan.words)
    more = scan_back(view, outer, res)
    return (outer, more) if more is not None and not outer.nested else None


def serves(view: View, chosen: Found, res: Resources) -> bool:
    """Whether a national title the name holds follows another position, which is then
    someone else's: «пресс-секретарь президента Путина» → Путин is only the президент."""
    k = chosen.first - 1
    return chosen.title in res.national and k >= 0 and match_position(view, k, res) is not None


def scan_back(view: View, scan: Scan, res: Resources) -> Found | None:
    """Read leftwards from a name to the position it follows, filling ``scan``."""
    k = scan.first - 1
    while k >= 0 and scan.first - k <= MAX_GAP:
        if view.breaks(k):
            return None  # «… с новым главой Кубы | Владимир Путин»: a caption after a headline
        step = step_back(view, scan, k, res)
        if isinstance(step, Found):
            return step
        if step is None:
            return None
        k = step
    return None


def step_back(view: View, scan: Scan, k: int, res: Resources) -> Found | int | None:
    """The next token to read left of ``k``, the position found at ``k``, or None to stop."""
    word, clean = view.word(k), not scan.words and not scan.ofs
    if (person := view.owned(k, "PER")) is not None:
        if not clean or (not scan.joined and k != scan.first - 1):
            return None
        scan.listed += scan.joined  # «X, [Y]»: a list; «Клинтона [Локхарту]»: nested
        scan.nested = scan.nested or not scan.joined
        scan.first, scan.joined = person[1], False
        return person[1] - 1
    if (other := view.owned(k, "ORG", "LOC")) is not None:
        entity, start, stop = other
        if (title := swallowed(view, k, start, res)) is not None:
            return title
        scan.ofs.append((entity, view.text_of(start, stop)))
        scan.joined = False
        return start - 1
    if word == "и" and k > 0 and joins_fields(view, scan, k - 1, res):
        scan.words.insert(0, word)  # «министр информации [и] печати»
        return k - 1
    if word in JOINERS and k > 0 and joins(view, scan, k - 1):
        scan.joined = True  # «Латвии, [Эстонии]», «X, [Y]»
        return k - 1
    found = match_position(view, k, res)
    if found is not None:
        return found
    if AGE.match(word) and clean and k == scan.first - 1:
        scan.first = k  # «заместитель муфтия 38-летний Ибрагим Дударов»: past the age
        return k - 1
    if word in LIST_SIGNS and clean and k == scan.first - 1 and not scan.introduced:
        scan.introduced = True  # «трёх теннисистов — X, Y и Z», «гандболистки клуба «Динамо»: X»
        return k - 1
    if word in MARKS or is_genitive_word(word) or governed_instrumental(view, k, res):
        scan.words.insert(0, word)
        return k - 1
    if (start := topic_tail(view, k)) <= k:
        scan.words[:0] = [view.word(j) for j in range(start, k + 1)]
        return start - 1  # «комитета Госдумы [по экономической политике]»
    if word in PLACE_PREPOSITIONS and scan.ofs and scan.ofs[-1][0].type == "LOC":
        return k - 1  # «полпред президента в Уральском округе» is the one preposition
    if word == "от" and sent_by_party(scan):
        return k - 1  # «депутат от «Справедливой России»»: the party that sent him
    return None


def sent_by_party(scan: Scan) -> bool:
    """Whether one organisation, and quote marks only, were read before «от»: «депутат
    от [«Справедливой России»]»."""
    only_marks = all(w in MARKS for w in scan.words)
    return len(scan.ofs) == 1 and scan.ofs[0][0].type == "ORG" and only_marks


def governed_instrumental(view: View, k: int, res: Resources) -> bool:
    """A lowercase word in the instrumental that a title before it governs, at most one
    more such word between: «заведующий [кафедрой]», «управляющий [делами]», «командующий
    [Черноморским] флотом» (``roles/instrumental_heads.txt``)."""
    for j in (k - 1, k - 2):
        if j < 0 or not is_instrumental_word(view.word(j + 1)):
            return False
        if morph.lemma(view.word(j).lower()) in res.instrumental_heads:
            return True
    return False


def is_instrumental_word(word: str) -> bool:
    """«кафедрой», «Черноморским»: a noun in lowercase or an adjective in the instrumental."""
    return word.replace("-", "").isalpha() and reads_in_case(word, "ablt")


def is_shared(view: View, found: Found) -> bool:
    """Whether a title is held by several: plural, or counted («два тренера»)."""
    k = found.first - 1
    counted = k >= 0 and morph.parse(view.word(k))[0].tag.POS == "NUMR"
    word = view.word(found.last - 1)
    return counted or any("plur" in p.tag for p in morph.parse(word)[:2])  # «актрисы»


def swallowed(view: View, k: int, start: int, res: Resources) -> Found | None:
    """A position phrase that ends an entity and starts before it: «председателя [Совета
    директоров] НТВ» is the title «председатель совета директоров», of НТВ."""
    found = match_position(view, k, res)
    return found if found is not None and found.first < start else None


def joins_fields(view: View, scan: Scan, k: int, res: Resources) -> bool:
    """Whether «и» before ``k + 1`` joins two fields of one title: «министр информации и
    печати» (lowercase genitives on both sides, no title or entity before it)."""
    if not scan.words or not scan.words[0].islower() or k in view.owner:
        return False
    word = view.word(k)
    return word.islower() and is_genitive_word(word) and match_position(view, k, res) is None


def joins(view: View, scan: Scan, k: int) -> bool:
    """Whether a joiner before ``k + 1`` continues a list of names or of places."""
    if scan.words:
        return False
    if not scan.ofs:
        return view.owned(k, "PER") is not None
    return view.owned(k, "ORG", "LOC") is not None


def pick_role(
    view: View, scan: Scan, found: Found, last: int, res: Resources
) -> tuple[Role | None, Found]:
    """The role of the position found: the outer of two nested ones where the name is its
    («пресс-секретарь президента Дмитрий Песков»), of the place aligned with the name in
    a list («президенты Латвии, Эстонии и Литвы X, Y и Z»)."""
    if (scan.listed or scan.introduced) and not is_shared(view, found):
        return None, found
    outer = match_position(view, found.first - 1, res) if found.first > 0 else None
    if scan.nested and outer is None and skips_complement(view, found, last):
        return make_role(view, found, None, [], res), found  # «адвокат Гибсона [Имя]»
    if scan.nested:
        return (make_role(view, outer, None, [], res), outer) if outer else (None, found)
    words = scan.words
    if outer is not None and not holds_inner(view, found, outer, last):
        found, words = nested_title(view, outer, found, words), []
    of, of_text = aligned_of(view, scan, last)
    return make_role(view, found, of, words, res, of_text), found


def nested_title(view: View, outer: Found, inner: Found, words: list[str]) -> Found:
    """The outer title with the inner one and its words as its qualifier: «заместитель
    [председателя правительства]», «пресс-секретарь [главы правительства]»."""
    inner_text = view.text_of(inner.first, inner.last).lower()
    qualifier = " ".join([inner_text, *(w.lower() for w in words if w not in MARKS)])
    return Found(f"{outer.title} {qualifier}", outer.first, inner.last)


def is_complement(view: View, chosen: Found, last: int) -> bool:
    """Whether a name is the genitive complement of a title another name holds:
    «адвокат [Гибсона] Стивен Колодни» → only Колодни is the адвокат."""
    holder = view.owned(last, "PER") if last < len(view.doc.tokens) else None
    if holder is None:
        return False
    return serves_person(view, chosen, holder[2]) and not serves_person(view, chosen, last)


def governs_name(view: View, scan: Scan, chosen: Found, last: int) -> bool:
    """Whether the name right after a title is its genitive complement, not its holder:
    «помощник [Путина]», «стал советником [Медведева]» — the title in another case than
    the name (an apposition agrees: «президента Путина», «с президентом Путиным»)."""
    if chosen.last != scan.first or scan.ofs or scan.words or scan.listed:
        return False
    return serves_name(view, chosen.last - 1, last)


def skips_complement(view: View, found: Found, last: int) -> bool:
    """Whether a title right before a genitive name is the next name's: «адвокат [Гибсона]
    Стивен Колодни», not «дочь президента [Каримова] Лола», where the title agrees with
    the genitive name in an oblique case, so that name holds it. The nominative and the
    accusative are left out: «Гаева» may be a nominative surname, «менеджер» an
    inanimate accusative."""
    between = view.owned(found.last, "PER") if found.last < len(view.doc.tokens) else None
    if between is None:
        return False
    shared = cases(view.word(found.last - 1)) & name_cases(view, between[2])
    return not shared - SUBJECT_CASES and serves_person(view, found, last)


def serves_person(view: View, found: Found, last: int) -> bool:
    """Whether a title before a genitive name is the next name's, in the title's case:
    «адвокат [Гибсона] Стивен Колодни»."""
    return bool(cases(view.word(found.last - 1)) & name_cases(view, last))


def holds_inner(view: View, inner: Found, outer: Found, last: int) -> bool:
    """Whether the name agrees with the inner title rather than the outer one:
    «пресс-секретарь президента Путина» → Путин is the президент. A name that agrees
    with both, as an indeclinable one does, holds the outer: «пресс-секретарь президента
    Альфредо Скоссимарро»."""
    name = name_cases(view, last)
    return bool(name & cases(view.word(inner.last - 1))) and not name & cases(
        view.word(outer.last - 1)
    )


def aligned_of(view: View, scan: Scan, last: int) -> tuple[Entity | None, str]:
    """The organisation or place of a role; in a list, the one in the name's place."""
    if not scan.ofs:
        return None, ""
    total = scan.listed + 1 + names_after(view, last)
    if total > 1 and len(scan.ofs) == total:
        return scan.ofs[::-1][scan.listed]
    return scan.ofs[-1]


def names_after(view: View, last: int) -> int:
    """How many names of a list follow a name: «X[, Y и Z]» → 2."""
    count, k = 0, last
    while k + 1 < len(view.doc.tokens) and view.word(k) in JOINERS and view.owned(k + 1, "PER"):
        count += 1
        k = view.owner[k + 1][2]
    return count
