"""Titles in a predicate: «Иван Петров назначен начальником управления», «Олег Иванов
занимал пост губернатора области», and the inverted «министром обороны назначен Сергей
Шойгу». The verbs are data (``resources/roles/predicate_verbs.txt``)."""

from __future__ import annotations

from dataclasses import replace

from svodka.doc import Entity, Role
from svodka.lang import morph
from svodka.stages.roles.make import make_role
from svodka.stages.roles.view import (
    MARKS,
    Found,
    Resources,
    View,
    cases,
    match_position,
    name_cases,
    title_cases,
)

#: Words between a subject, its verb and its title: «был [уже] назначен [вновь] …».
FILLERS = frozenset(
    {"был", "была", "было", "были", "будет", "будут", "уже", "ранее", "вновь", "снова",
     "также", "тоже", "ещё", "еще", "официально", "недавно", "сейчас", "теперь", "давно",
     "по-прежнему", "фактически", "не", "только", "в", "своё", "время", "свое"}
)  # fmt: skip
#: Forms of «быть» that are the verb when no other follows: «Петров [был] министром».
BE = frozenset({"был", "была", "были", "будет", "будут"})
#: Nouns naming the post itself: «занимал [пост] губернатора», «назначен на [должность] …».
POSTS = frozenset({"пост", "должность"})
#: What a leaving verb leaves: «покинул [пост]», «сложил [полномочия]».
LEFT = POSTS | {"полномочие", "обязанность"}
#: Prepositions before what is left: «ушел [с] поста», «освобожден [от] должности».
FROM = frozenset({"с", "со", "от"})
#: Words between the verb and what is left: «сложил [с себя] полномочия».
ASIDES = (("с", "себя"), ("в", "отставку"), ("отставку",))
#: An acting post before a genitive title: «назначен [и. о.] министра транспорта».
ACTING = (
    ("и", ".", "о", "."),
    ("и.о.",),
    ("врио",),
    *((form, "обязанности") for form in ("исполняющим", "исполняющей", "исполняющий")),
)
#: Modal verbs before a linking infinitive: «может стать».
MODALS = frozenset({"может", "могут", "должен", "должна", "должно", "должны", "сможет"})
MAX_FILL = 4  # filler words on either side of the verb
MAX_DESCRIBER = 3  # words describing the subject between the verb and the name
MAX_GAP = 8  # tokens between a title and its organisation
MAX_TOPIC = 3  # words of a «по»-phrase closing a title


def role_predicate(view: View, last: int, res: Resources) -> Role | None:
    """«[Имя] (был) назначен начальником управления»: the subject's title after its verb."""
    role = predicate_title(view, last, res)
    return role if role is not None and "nomn" in name_cases(view, last) else None


def predicate_title(view: View, last: int, res: Resources) -> Role | None:
    """The title a predicate from token ``last`` on gives its subject, whoever that is:
    «(был) назначен начальником управления», «работала прокурором»."""
    k = skip_fillers(view, relative(view, last), +1)
    if k < len(view.doc.tokens) and is_predicate(view.word(k), res):
        return title_after(view, skip_fillers(view, k + 1, +1), res, leaves(view, k, res))
    if not any(view.word(j).lower() in BE for j in range(last, k)):
        return None  # «Петров был министром»: «был» is the verb
    return title_after(view, k, res)


def role_inverted(view: View, first: int, last: int, res: Resources) -> Role | None:
    """«Министром обороны назначен [Сергей Шойгу]», «на посту министра станет [Имя]»,
    «новым главой компании может стать член правления [Имя]»: the title before the verb,
    in the instrumental, or in the genitive after «пост», «должность»."""
    k = skip_fillers(view, describer(view, first - 1, res), -1)
    if k < 0 or not is_predicate(view.word(k), res) or view.word(k) in FILLERS:
        return None
    if "nomn" not in name_cases(view, last):
        return None
    end = k - 1  # the title, with its organisation, ends before the verb
    while end >= 0 and view.word(end).lower() in MODALS:
        end -= 1  # «может [стать]»
    for start in steps_back(view, end):
        found = starts_title(view, start, res)
        if found is None:
            continue
        post = post_before(view, start)
        if "ablt" in title_cases(view, found) or post is not None:
            role = title_after(view, start if post is None else post, res)
            return role if role is not None and reaches(view, found, end) else None
    return None


def steps_back(view: View, end: int) -> list[int]:
    """The tokens from ``end`` leftwards within MAX_GAP steps, a mention one step:
    «Начальником [Главного оперативного управления Генштаба] назначен»."""
    found, steps, k = [], 0, end
    while k >= 0 and steps < MAX_GAP:
        found.append(k)
        hit = view.owner.get(k)
        steps += hit is None or hit[1] == k
        k -= 1
    return found


def post_before(view: View, k: int) -> int | None:
    """The token of «пост», «должность» (or «на» before it) right before ``k``."""
    if k < 1 or view.lemma(k - 1) not in POSTS:
        return None
    return k - 2 if k > 1 and view.word(k - 2).lower() == "на" else k - 1


def role_object(view: View, first: int, last: int, res: Resources) -> Role | None:
    """The object of an active appointment: «[Идрисова] назначили заместителем
    премьер-министра», «Путин назначил [Иванова] министром»: a name in the accusative
    next to a verb that only a participle links to its subject (``passive`` in the
    verb list), then the title in the instrumental."""
    if "accs" not in name_cases(view, last):
        return None
    k = skip_fillers(view, last, +1)
    if k < len(view.doc.tokens) and is_appointing(view.word(k), res):
        return title_after(view, skip_fillers(view, k + 1, +1), res, leaves(view, k, res))
    j = skip_fillers(view, first - 1, -1)
    if j >= 0 and j not in view.owner and is_appointing(view.word(j), res):
        return title_after(view, skip_fillers(view, last, +1), res, leaves(view, j, res))
    return None


def leaves(view: View, k: int, res: Resources) -> bool:
    """Whether the verb at ``k`` leaves a post: «покинула», «освобожден», «сложил»."""
    return view.lemma(k) in res.leaving


def role_heading(view: View, last: int, res: Resources) -> Role | None:
    """«[Набиуллина] (сегодня) возглавила Центробанк России», «X, который руководит
    компанией»: the subject heads the organisation after the verb."""
    k = skip_fillers(view, relative(view, last), +1)
    if k >= len(view.doc.tokens) or k in view.owner or "nomn" not in name_cases(view, last):
        return None
    parse = morph.parse(view.word(k).lower())[0]
    title = res.heading.get(parse.normal_form) if parse.tag.POS == "VERB" else None
    if title is None:
        return None
    j = k + 1  # across quote marks and a kind word: «руководит [компанией «]Лукойл»»
    while j < min(k + 4, len(view.doc.tokens)) and j not in view.owner:
        if view.word(j) not in MARKS and view.lemma(j) not in res.org_types:
            return None
        j += 1
    hit = view.owned(j, "ORG", "LOC") if j < len(view.doc.tokens) else None
    if hit is None or hit[1] != j:
        return None
    return Role(title=title, of=hit[0].id, of_name=hit[0].name)


def is_appointing(word: str, res: Resources) -> bool:
    """«назначили», «избрал»: an active form of a verb that takes its holder as object."""
    parse, verbs = morph.parse(word.lower())[0], res.verbs or {}
    return parse.tag.POS == "VERB" and verbs.get(parse.normal_form, False)


def relative(view: View, k: int) -> int:
    """Past «, который» after a name: «Берлускони, [который] является лидером партии»;
    «Ветчачива, [занимавший] пост премьера» stays at its participle."""
    if k + 1 >= len(view.doc.tokens) or view.word(k) != ",":
        return k
    word = view.word(k + 1).lower()
    if morph.lemma(word) == "который":
        return k + 2
    return k + 1 if morph.parse(word)[0].tag.POS == "PRTF" else k


def describer(view: View, k: int, res: Resources) -> int:
    """Left of words describing the subject before its name: «становится [националист]
    О.Умала», «является [30-летний россиянин] Вадим Поляков», «стать [член правления]
    Имя» (a title counts as one word)."""
    for _ in range(MAX_DESCRIBER):
        if k < 0 or k in view.owner or not view.word(k).islower():
            return k
        found = match_position(view, k, res)
        if found is not None and found.first < k:
            k = found.first - 1  # «член [правления]»: a title of several words
            continue
        parse = morph.parse(view.word(k))[0]
        if parse.tag.POS not in ("NOUN", "ADJF") or morph.case_of(parse.tag) != "nomn":
            return k
        k -= 1
    return k


def reaches(view: View, found: Found, end: int) -> bool:
    """Whether nothing but genitives and organisations lies between a title and ``end``."""
    return all(
        j in view.owner or view.word(j) in MARKS or "gent" in cases(view.word(j))
        for j in range(found.last, end + 1)
    )


def skip_fillers(view: View, k: int, step: int) -> int:
    """The first token from ``k`` in direction ``step`` that is no filler or adverb."""
    for _ in range(MAX_FILL):
        if not 0 <= k < len(view.doc.tokens) or k in view.owner:
            return k
        word = view.word(k)
        if word.lower() not in FILLERS and morph.parse(word)[0].tag.POS != "ADVB":
            return k
        k += step
    return k


def is_predicate(word: str, res: Resources) -> bool:
    """«назначен», «стал», «является», «назначенный»: a linking verb of the list."""
    parse, verbs = morph.parse(word)[0], res.verbs or {}
    if parse.tag.POS not in ("VERB", "PRTS", "PRTF", "INFN") or parse.normal_form not in verbs:
        return False
    return not verbs[parse.normal_form] or parse.tag.POS in ("PRTS", "PRTF")


def title_after(view: View, k: int, res: Resources, left: bool = False) -> Role | None:
    """A title in the instrumental at ``k``, or a genitive one after «(на) пост/должность»,
    with the organisation after it: «министром финансов России», «пост губернатора».
    After a verb that ``left`` the post, only a genitive after what is left, and the
    role is past (:func:`after_post_left`)."""
    case, end = "ablt", len(view.doc.tokens)
    if left:
        post = after_post_left(view, k)
        if post is None:
            return None
        k, case = post, "gent"
    elif k < end and view.word(k).lower() == "на":
        k += 1
    if not left and k < end and morph.lemma(view.word(k).lower()) in POSTS:
        k, case = k + 1, "gent"
    elif not left and (size := acting(view, k)) > 0:
        k, case = k + size, "gent"  # «назначен и. о. министра» holds the министр post
    found = starts_title(view, k, res)
    if found is None or case not in title_cases(view, found):
        return None
    of, words = following(view, found.last)
    if of is None:
        words += topic_after(view, found.last + len(words), res)
    role = make_role(view, found, of, words if of is None or of.type == "LOC" else [], res)
    return replace(role, past=True) if left else role


def after_post_left(view: View, k: int) -> int | None:
    """The token after what a leaving verb leaves, from ``k`` on («сложил [с себя]
    полномочия», «ушел [в отставку] с поста»); None when none follows («ушел из политики»)."""
    end = len(view.doc.tokens)
    k += phrase_at(view, k, ASIDES)  # «в» may be skipped already, as a filler
    if k < end and view.word(k).lower() in FROM:
        k += 1
    if k >= end or morph.lemma(view.word(k).lower()) not in LEFT:
        return None
    return k + 1


def acting(view: View, k: int) -> int:
    """How many tokens of «и. о.», «исполняющим обязанности», «врио» start at ``k``."""
    return phrase_at(view, k, ACTING)


def phrase_at(view: View, k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many tokens the first of ``phrases`` (lowercase words) that starts at ``k``
    takes; 0 when none does."""
    end = len(view.doc.tokens)
    for words in phrases:
        if tuple(view.word(j).lower() for j in range(k, min(k + len(words), end))) == words:
            return len(words)
    return 0


def starts_title(view: View, k: int, res: Resources) -> Found | None:
    """The longest position phrase starting at token ``k``."""
    for end in range(min(k + res.longest, len(view.doc.tokens)), k, -1):
        found = match_position(view, end - 1, res)
        if found is not None and found.first == k:
            return found
    return None


def following(view: View, k: int) -> tuple[Entity | None, list[str]]:
    """The ORG/LOC after a title across genitive words, with those words:
    «начальником [управления]», «министром [финансов] России»; or after «в» across
    locatives: «послом в [Китае]», «директором в компании [«Газпром»]» (no field then:
    «менеджером в крупной компании» has none)."""
    words: list[str] = []
    located = k < len(view.doc.tokens) and view.word(k).lower() in IN
    for j in range(k + located, min(k + MAX_GAP, len(view.doc.tokens))):
        if (hit := view.owned(j, "ORG", "LOC")) is not None:
            return hit[0], words
        word = view.word(j)
        if j in view.owner or not (word in MARKS or genitive_noun(word, located)):
            break
        words.append(word)
    return None, [] if located else [w for w in words if w not in MARKS]


#: The preposition of where a post is held: «послом в Китае».
IN = frozenset({"в", "во"})


def topic_after(view: View, k: int, res: Resources) -> list[str]:
    """«по строительным вопросам» at ``k``: a «по»-phrase of lowercase datives, and the
    genitives after them, that closes a title («заместитель премьер-министра [по
    строительным вопросам]», «[по делам молодежи]»); not «по итогам», «по решению»."""
    if k >= len(view.doc.tokens) or view.word(k) != "по":
        return []
    words: list[str] = []
    for j in range(k + 1, min(k + 1 + MAX_TOPIC, len(view.doc.tokens))):
        word = view.word(j)
        if j in view.owner or not word.isalpha() or not word.islower():
            break
        if view.lemma(j) in res.not_topics:
            return []
        dative = "datv" in cases(word) and all("datv" in cases(w) for w in words)
        if not (dative or (words and genitive_noun(word))):
            break
        words.append(word)
    return ["по", *words] if words else []


def genitive_noun(word: str, locative: bool = False) -> bool:
    """«управления», «финансов», «бюджетного»: a lowercase genitive word (or, with
    ``locative``, after «в»: «компании»)."""
    if not word.replace("-", "").isalpha() or not word.islower():
        return False
    parses = morph.parse(word)[:2]
    if parses and parses[0].tag.POS in ("PREP", "CONJ", "PRCL"):
        return False  # «в» is also pymorphy's abbreviated noun («в.», век) in the genitive
    wanted = {"gent", "loct"} if locative else {"gent"}
    return any(p.tag.POS in ("NOUN", "ADJF") and morph.case_of(p.tag) in wanted for p in parses)


#: Words joining a gapped clause to the clause with the verb: «…, [а] главным редактором — Y».
GAP_JOINERS = frozenset({"а", "и"})
DASHES = frozenset({"—", "–", "-"})


def role_gapped(view: View, first: int, last: int, res: Resources) -> Role | None:
    """A clause whose verb is left out, after one with it: «Генеральным директором НТВ был
    назначен X, [а главным редактором — Y]» and «X назначен директором НТВ, [а Y —
    главным редактором]». A title without its own organisation takes the first clause's."""
    if first > 0 and view.word(first - 1) in DASHES:
        joiner, found = gapped_title_before(view, first - 1, res)
        start = found.first if found else -1
    elif joins_gap(view, first - 1) and last < len(view.doc.tokens) - 1:
        k = last + 1 if view.word(last) in DASHES else last
        joiner, found, start = first - 1, starts_title(view, k, res), k
    else:
        return None
    if found is None or "ablt" not in title_cases(view, found):
        return None
    if "nomn" not in name_cases(view, last):
        return None
    role = title_after(view, start, res)
    verb = verb_before(view, joiner - 1, res)
    if role is None or verb is None:
        return None
    if role.of is None and role.of_name is None and (held := held_of(view, verb, joiner, res)):
        return Role(title=role.title, of=held.of, of_name=held.of_name, past=role.past)
    return role


def joins_gap(view: View, k: int) -> bool:
    """Whether «, а» (or «, и») ends at ``k``."""
    return k > 0 and view.word(k).lower() in GAP_JOINERS and view.word(k - 1) == ","


def gapped_title_before(view: View, dash: int, res: Resources) -> tuple[int, Found | None]:
    """The joiner and the title of «, а [главным редактором (НТВ)] — Y» before a dash."""
    for joiner in range(dash - 1, max(dash - MAX_GAP, 0), -1):
        if joins_gap(view, joiner):
            found = starts_title(view, joiner + 1, res)
            ok = found is not None and reaches(view, found, dash - 1)
            return joiner, found if ok else None
    return -1, None


def verb_before(view: View, k: int, res: Resources) -> int | None:
    """A linking verb in the same sentence before token ``k``: «назначен»."""
    j = k - 1
    while j >= 0 and view.word(j) not in (".", "!", "?"):
        if j not in view.owner and is_predicate(view.word(j), res):
            return j
        j -= 1
    return None


def held_of(view: View, verb: int, joiner: int, res: Resources) -> Role | None:
    """The role with an organisation of the clause with the verb, before ``joiner``."""
    start = verb
    while start > 0 and view.word(start - 1) not in (".", "!", "?"):
        start -= 1
    for k in range(start, joiner):
        found = starts_title(view, k, res)
        if found is not None and "ablt" in title_cases(view, found):
            role = title_after(view, k, res)
            if role is not None and (role.of or role.of_name):
                return role
    return None
