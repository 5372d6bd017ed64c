"""A document seen by the roles stage: tokens, who owns each token, position phrases."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from svodka.doc import Document, Entity
from svodka.lang import morph
from svodka.lang.caches import word_cache
from svodka.lang.text import QUOTES
from svodka.resources import read_lines

#: Quote tokens skipped between a position and its name; the apostrophe too, as copy
#: set in English style quotes names in single marks: «директор компании 'Лукойл'».
MARKS = QUOTES | {"'"}
EX_PREFIX = "экс-"  # «экс-министр» is a past «министр»
#: Words joining the items of a list: «президенты Латвии, Эстонии и Литвы».
JOINERS = frozenset({",", "и"})
NAME_TAGS = frozenset({"Surn", "Name", "Patr"})


@cache
def legal_forms() -> frozenset[str]:
    """«оао», «фк»: the legal forms and kinds the NER drops before an organisation's name."""
    return frozenset(read_lines("orgs/legal_forms.txt"))


@dataclass(frozen=True, slots=True)
class Resources:
    positions: dict[tuple[str, ...], str]
    longest: int
    past: frozenset[str]
    org_types: frozenset[str]
    adjectives: dict[str, str]
    national: frozenset[str]
    bodies: frozenset[str]
    verbs: dict[str, bool] | None = None  # linking verb lemma → a participle only
    leaving: frozenset[str] = frozenset()  # «покинуть (пост)»: the post is left, past
    tails: frozenset[str] = frozenset()  # the last lemmas of positions, a quick filter
    prefixes: frozenset[str] = frozenset()  # their first letters (:func:`fold_start`)
    model: Any = None  # the pair classifier (:class:`.pairs.Model`), when it is shipped
    members: frozenset[str] = frozenset()  # «представитель Чехии»: membership, not a post
    member_markers: frozenset[str] = frozenset()  # «[другой] представитель»
    #: «губернатор [области]»: the article's region; a kind → whether it stands for any kind
    place_kinds: dict[str, bool] = field(default_factory=dict)
    modifiers: frozenset[str] = frozenset()  # «[первый] вице-президент»: part of the title
    hand: frozenset[str] = frozenset()  # the titles of positions.txt, the model's «known»
    not_topics: frozenset[str] = frozenset()  # «по [итогам]»: no field of a title
    counterparts: frozenset[str] = frozenset()  # «[коллега]»: the post another holds
    not_titles: frozenset[str] = frozenset()  # «сын», «житель»: person nouns, no titles
    heading: dict[str, str] = field(default_factory=dict)  # «возглавить» → глава
    #: «американский [посол]»: titles a country adjective ties to the country
    country_offices: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()  # «генерал-лейтенант»: held where the person serves
    instrumental_heads: frozenset[str] = frozenset()  # «заведующий [кафедрой]»
    countries: frozenset[str] = frozenset()  # country names: pycountry's, the adjectives'
    country_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # US → «США» …


@dataclass(frozen=True, slots=True)
class Found:
    """A position phrase found at tokens ``[first, last)``."""

    title: str
    first: int
    last: int


class View:
    """Token positions and the entity mention covering each token of a document."""

    def __init__(
        self, doc: Document, country: str | None = None, countries: dict | None = None
    ) -> None:
        self.doc = doc
        self.country = country
        #: any name of a country → the document's entity of it (:func:`country_entities`)
        self.countries: dict[str, Entity] = countries or {}
        self.starts = [t.start for t in doc.tokens]
        self.owner: dict[int, tuple[Entity, int, int]] = {}
        self.lemmas: dict[int, str] = {}
        for entity in doc.entities:
            for m in entity.mentions:
                first, last = self.index(m.start), self.index(m.stop)
                if entity.type == "ORG":
                    first = self.legal_form_before(first)
                for k in range(first, last):
                    self.owner[k] = (entity, first, last)

    def legal_form_before(self, first: int) -> int:
        """Where an organisation's phrase starts: at its legal form or kind, which the
        NER leaves out of the name («главным тренером [ФК «]Зенит»», «главой [ОАО
        «]Газпром»»)."""
        k = first - 1 if first > 0 and self.word(first - 1) in MARKS else first
        return k - 1 if k > 0 and self.word(k - 1).lower() in legal_forms() else first

    def index(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def word(self, k: int) -> str:
        return self.doc.tokens[k].text

    def lemma(self, k: int) -> str:
        """The lemma of token ``k`` lowercased, without «экс-», computed once."""
        if (found := self.lemmas.get(k)) is None:
            found = self.lemmas[k] = morph.lemma(self.word(k).lower().removeprefix(EX_PREFIX))
        return found

    def title_lemma(self, k: int) -> str:
        """The lemma of a word before a title's last word, an adjective's where it may be
        one: «главного» is «главный» in «главного тренера», not the noun «главное»."""
        word = self.word(k).lower().removeprefix(EX_PREFIX)
        return morph.adjective_lemma(word) if self.lemma(k) != word else self.lemma(k)

    def text_of(self, first: int, last: int) -> str:
        """The text of tokens ``[first, last)``."""
        return self.doc.text[self.doc.tokens[first].start : self.doc.tokens[last - 1].stop]

    def breaks(self, k: int) -> bool:
        """Whether a line ends between tokens ``k`` and ``k + 1``: a headline or a caption
        ends there."""
        stop, start = self.doc.tokens[k].stop, self.doc.tokens[k + 1].start
        return "\n" in self.doc.text[stop:start]

    def owned(self, k: int, *types: str) -> tuple[Entity, int, int] | None:
        """The mention covering token ``k`` when its entity is of one of ``types``."""
        hit = self.owner.get(k)
        return hit if hit is not None and hit[0].type in types else None


def match_position(view: View, k: int, res: Resources) -> Found | None:
    """The longest position phrase ending at token ``k``."""
    if res.prefixes and fold_start(view.word(k)) not in res.prefixes and "-" not in view.word(k):
        return None  # a cheap test before the lemma: no title ends in «сообщил»
    if res.tails and view.lemma(k) not in res.tails:
        return compound(view, k, res)
    for size in range(min(res.longest, k + 1), 0, -1):
        key = (*(view.title_lemma(j) for j in range(k - size + 1, k)), view.lemma(k))
        if key in res.positions and not is_verb(view.word(k)):
            found = modified(view, Found(res.positions[key], k - size + 1, k + 1), res)
            return None if is_membership(view, found, res) else sought(view, found)
    return None


def sought(view: View, found: Found) -> Found | None:
    """A post someone is put up for is not held: «в» with a plural nominative names it
    («баллотироваться в президенты», «выдвинуть в депутаты»), and after «кандидат» it is
    the title «кандидат в президенты»."""
    k = found.first - 1
    if k < 0 or view.word(k).lower() not in ("в", "во") or not is_plural_nominative(view, k + 1):
        return found
    if k > 0 and view.lemma(k - 1) == "кандидат":
        post = view.text_of(found.first, found.last).lower()
        return Found(f"кандидат в {post}", k - 1, found.last)
    return None


def is_plural_nominative(view: View, k: int) -> bool:
    """Token ``k`` reads as a plural nominative: «президенты», «вице-премьеры»."""
    return any({"plur", "nomn"} <= p.tag.grammemes for p in morph.parse(view.word(k).lower()))


def fold_start(word: str) -> str:
    """The first three letters of a word, lowercased, ё as е, «экс-» dropped: a word and
    its lemma share them («президента», «президент»)."""
    return word.lower().removeprefix(EX_PREFIX).replace("ё", "е")[:3]


def compound(view: View, k: int, res: Resources) -> Found | None:
    """A hyphenated title no list names, one of whose parts is a title: «ученого-ядерщика»,
    «стратег-аналитик», «инженером-конструктором» (an animate noun)."""
    lemma = view.lemma(k)
    if "-" not in lemma or k in view.owner or not view.word(k).islower():
        return None
    if not any((part,) in res.positions for part in lemma.split("-")):
        return None
    parse = morph.parse(view.word(k))[0]
    if parse.tag.POS != "NOUN" or "anim" not in parse.tag:
        return None
    return modified(view, Found(lemma, k, k + 1), res)


def modified(view: View, found: Found, res: Resources) -> Found:
    """A title with the qualifying adjectives before it, in the title's gender:
    «[первого] вице-президента» → «первый вице-президент», «[главный рыночный]
    стратег-аналитик» (a qualifier, then at most one other adjective)."""
    k = found.first - 1
    if k > 0 and morph.adjective_lemma(view.word(k)) not in res.modifiers and is_adjective(view, k):
        k -= 1  # «главный [рыночный] стратег»
    if k < 0 or k in view.owner or morph.adjective_lemma(view.word(k)) not in res.modifiers:
        return found
    opens = k == 0 or view.word(k - 1) in ".!?" or view.breaks(k - 1)
    if not view.word(k).islower() and not opens:
        return found  # a capital inside a sentence: part of a name («Первый канал»)
    gender = morph.gender_of(morph.parse(found.title.split()[0])[0].tag)
    words = [nominative(morph.adjective_lemma(view.word(j)), gender) for j in range(k, found.first)]
    return Found(" ".join([*words, found.title]), k, found.last)


def is_adjective(view: View, k: int) -> bool:
    """A lowercase adjective at ``k`` no entity covers."""
    word = view.word(k)
    return k not in view.owner and word.islower() and reads_adjective(word)


@word_cache(0.1)
def reads_adjective(word: str) -> bool:
    """The word's best reading is a full adjective (cached by the word alone: a cache
    keyed by a document's view would keep the document alive)."""
    return morph.parse(word)[0].tag.POS == "ADJF"


def nominative(lemma: str, gender: str | None) -> str:
    """An adjective's lemma in the gender of its title: «главный» → «главная»."""
    if gender not in ("femn", "neut"):
        return lemma
    return morph.inflect(morph.parse(lemma)[0], {"nomn", "sing", gender}) or lemma


def is_membership(view: View, found: Found, res: Resources) -> bool:
    """Whether a title names a member, not a post: «[другой] представитель группы»,
    «представитель [Чехии] Имя» with a place, then the name, after it (not «представитель
    России в ООН Имя», «представитель России омбудсмен Имя»)."""
    if found.title not in res.members:
        return False
    if found.first > 0 and view.lemma(found.first - 1) in res.member_markers:
        return True
    hit = view.owned(found.last, "LOC") if found.last < len(view.doc.tokens) else None
    if hit is None:
        return False
    return hit[2] < len(view.doc.tokens) and view.owned(hit[2], "PER") is not None


def is_verb(word: str) -> bool:
    """«управляет» shares its lemma with «управляющий» but is no title."""
    return morph.parse(word)[0].tag.POS in ("VERB", "INFN", "GRND")


def is_plural(word: str) -> bool:
    """«президенты», «музыкантами»: a title shared by a list of names."""
    return "plur" in morph.parse(word)[0].tag


@word_cache(0.1)
def cases(word: str, name: str = "") -> frozenset[str]:
    """The cases a word may be in, as the name ``name`` where it may be one: «Путина» as
    «Путин» → {gent, accs}, not the nominative of «путина» nor of a woman «Путина»; a word
    spelt as the name is the nominative too («Силуанов», not only the plural of «Силуан»)."""
    parses = morph.parse(word)[:6]
    names = [p for p in parses if NAME_TAGS & set(p.tag.grammemes)]
    names = [p for p in names if p.normal_form == name.lower()] or names
    found = {morph.case_of(p.tag) for p in names or parses[:4]}
    if name and word.lower() == name.lower():
        found.add("nomn")  # the name as the entity is named is nominative: «Силуанов»
    elif name and names[:1] and names[0].normal_form == name.lower():
        found.discard("nomn")  # spelt unlike the entity's name: «Путина» is not Путин's nomn
    return frozenset(c for c in found if c)


def head_of(view: View, found: Found) -> int:
    """The first noun of a position phrase: «генеральный [директор] компании»."""
    for k in range(found.first, found.last):
        if morph.parse(view.word(k).lower())[0].tag.POS == "NOUN":
            return k
    return found.last - 1


def title_cases(view: View, found: Found) -> frozenset[str]:
    """The cases of a position phrase's head: «председателем [совета директоров]» is
    instrumental, though its last word is a genitive."""
    return cases(view.word(head_of(view, found)))


def serves_name(view: View, k: int, last: int) -> bool:
    """Whether the name ending at token ``last - 1`` is the genitive complement of the
    title word at ``k``, in another case: «помощник [Путина]». The name's case is sure only
    where the text spells its surname as the name has it somewhere («Путин» makes «Путина»
    a genitive; «Хатояма», whose name came out as «Хатоям», proves nothing)."""
    name = name_cases(view, last)
    if "gent" not in name or name & cases(view.word(k)):
        return False
    entity = view.owner[last - 1][0]
    surname = last_word(entity.name)
    return any(last_word(view.doc.text[m.start : m.stop]) == surname for m in entity.mentions)


def last_word(text: str) -> str:
    """The last word of a text, or "" for a blank one."""
    words = text.split()
    return words[-1] if words else ""


def name_cases(view: View, last: int) -> frozenset[str]:
    """The cases of the name whose mention ends at token ``last - 1``, read from all its
    words: «Наталья Тимакова» is nominative only, though «Тимакова» alone may be a
    genitive; a word giving no case, or words that disagree, leave the last word's cases."""
    owner = view.owner.get(last - 1)
    surname = last_word(owner[0].name) if owner else ""
    found = cases(view.word(last - 1), surname)
    if owner is None or not found:
        return found
    for k in range(owner[1], last - 1):
        word = view.word(k)
        if word[:1].isupper() and (more := cases(word)) and (both := found & more):
            found = both
    return found


def is_genitive_word(word: str) -> bool:
    """A descriptor between a position and its organisation: «компании», «бюджетного»,
    «МИД», «пресс-службы»."""
    if word.isupper() and len(word) > 1:
        return True
    if not word.replace("-", "").isalpha() or not word[1:].islower() or len(word) < 3:
        return False
    return reads_in_case(word, "gent")


def reads_in_case(word: str, case: str) -> bool:
    """Whether one of the word's two likeliest readings is a noun in lowercase, or an
    adjective, in ``case``: «компании», «Сибирского военного округа», «кафедрой»."""
    pos = ("NOUN", "ADJF") if word.islower() else ("ADJF",)
    return any(p.tag.POS in pos and morph.case_of(p.tag) == case for p in morph.parse(word)[:2])


def topic_tail(view: View, k: int) -> int:
    """The first token of a «по»-phrase ending at ``k`` after an organisation or a genitive,
    else ``k + 1``: «комитета Госдумы [по экономической политике]»."""
    for j in range(k, max(k - 4, 0), -1):
        word = view.word(j)
        if word == "по":
            after_of = view.owned(j - 1, "ORG", "LOC") or is_genitive_word(view.word(j - 1))
            return j if j < k and after_of else k + 1
        if not (word.isalpha() and word.islower()):
            break
    return k + 1
