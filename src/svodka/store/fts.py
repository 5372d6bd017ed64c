"""Full-text search with Russian morphology: the one part of the store that differs by backend.

- SQLite: an FTS5 table over the *lemmatized* text, one lemma per word of the original in
  the same order, so «Токаева» and «Токаев» are the same token and a match's position maps
  back to the original word for highlighting.
- PostgreSQL: a ``tsvector`` of the original text with the ``russian`` configuration
  (Snowball stems) and a GIN index.

Snippets are svodka's own on both backends (``snippets.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    TableClause,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    select,
    table,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import TSQUERY

from svodka.resources import read_table
from svodka.store.fts_plan import word_lexemes

#: A word as search sees it: letters and digits, inner hyphens kept («Касым-Жомарт»).
WORD = re.compile(r"\w+(?:-\w+)*")


def lemma_text(text_: str) -> str:
    """One lemma per word, in order: «Токаева встретили» → «токаев встретить»."""
    # Morphology is imported where it is used, here and below: it loads pymorphy3, and
    # ``import svodka.store`` must stay light for the readers of a store (API, CLI).
    from svodka.lang.morph import lemma

    return " ".join(lemma(word).replace("ё", "е") for word in WORD.findall(text_))


def create(connection: Connection) -> None:
    """The full-text table and index for this backend. The filters' tokens (``facets.py``)
    are two more columns on SQLite (``about``, ``dated``); on PostgreSQL they are lexemes of
    ``tsv`` itself, marked (``tags``)."""
    if connection.dialect.name == "sqlite":
        connection.execute(
            text(
                "CREATE VIRTUAL TABLE fts USING fts5(doc_id UNINDEXED, body, about, dated, "
                "tokenize = \"unicode61 remove_diacritics 0 tokenchars '-'\")"
            )
        )
    else:
        connection.execute(
            text(
                "CREATE TABLE fts (doc_id TEXT PRIMARY KEY REFERENCES documents(id), "
                "tsv tsvector NOT NULL)"
            )
        )
        connection.execute(text("CREATE INDEX fts_tsv ON fts USING GIN (tsv)"))


def add(connection: Connection, rows: Iterable[tuple[str, str, str, str, str]]) -> None:
    """Index documents given as (id, original text, lemma text, about, dated): the last two
    are the filters' tokens (``facets.about_text``, ``facets.dated_text``)."""
    rows = list(rows)
    if not rows:
        return
    keys = ("id", "body", "lemmas", "about", "dated")
    params = [dict(zip(keys, row, strict=True)) for row in rows]
    if connection.dialect.name == "sqlite":
        connection.execute(  # the rowid is the document's ``seq`` (see ``order_index``)
            text(
                "INSERT INTO fts (rowid, doc_id, body, about, dated) "
                "SELECT seq, id, :lemmas, :about, :dated FROM documents WHERE id = :id"
            ),
            params,
        )
    else:  # ``seq`` from the document's row, stored first (see ``order_index``)
        connection.execute(
            text(
                "INSERT INTO fts (doc_id, seq, tsv) SELECT id, seq, "
                f"to_tsvector('russian', :body) || {TAGS} || {block_tag('seq')} "
                "FROM documents WHERE id = :id"
            ),
            [{**row, "tags": tags(row["about"], row["dated"])} for row in params],
        )


#: PostgreSQL: the lexemes of a text of ``tags``, as they are.
TAGS = "array_to_tsvector(string_to_array(:tags, ' '))"
#: PostgreSQL: what marks a filter's token among the lexemes of ``tsv``. The parser splits
#: text at it, so no word of a text becomes a lexeme that starts with it.
TAG_MARK = "§"


def tags(*texts: str) -> str:
    """PostgreSQL: the filters' tokens of space-separated ``texts`` as ``tsv`` lexemes."""
    return " ".join(TAG_MARK + token for text_ in texts for token in text_.split())


#: PostgreSQL: documents per block of insertion order; each document's ``tsv`` holds its
#: block's number (``§b12`` for ``seq`` 120,000 to 129,999), see ``recent_first``.
BLOCK = 10_000


def block_tag(seq: str) -> str:
    """PostgreSQL: the SQL of the tsvector that tags the document numbered ``seq``."""
    return f"array_to_tsvector(ARRAY['{TAG_MARK}b' || (({seq}) / {BLOCK})])"


def order_index(connection: Connection) -> None:
    """Key the index's rows by the document's ``seq``, so a search takes the latest matches
    without reading them all and tests a filter by number, without a lookup: on SQLite the
    FTS5 table is rebuilt with rowid = ``seq``; on PostgreSQL ``seq`` sits beside the
    ``tsvector`` (its GIN index hands out matches in no order)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("ALTER TABLE fts ADD COLUMN IF NOT EXISTS seq INTEGER"))
        connection.execute(
            text("UPDATE fts SET seq = d.seq FROM documents d WHERE d.id = fts.doc_id")
        )
        return
    connection.execute(text("ALTER TABLE fts RENAME TO fts_old"))
    create(connection)
    connection.execute(
        text(
            "INSERT INTO fts (rowid, doc_id, body) SELECT d.seq, f.doc_id, f.body "
            "FROM fts_old f JOIN documents d ON d.id = f.doc_id"
        )
    )
    connection.execute(text("DROP TABLE fts_old"))


def remove(connection: Connection, doc_ids: list[str]) -> None:
    """Drop documents from the index (before they are analyzed again)."""
    by_seq = "rowid = (SELECT seq FROM documents WHERE id = :id)"
    where = by_seq if connection.dialect.name == "sqlite" else "doc_id = :id"
    for id_ in doc_ids:
        connection.execute(text(f"DELETE FROM fts WHERE {where}"), {"id": id_})


# Searching: the query side of the index, and snippets of the original text around a match.

#: Words of a query that count; more add nothing but time.
MAX_QUERY_WORDS = 12


def query_words(query: str) -> list[str]:
    """The words of a query, as the index splits text: «Токаев, Казахстан» → two words;
    function words left out when others remain: «цены на нефть» → цены, нефть."""
    words = WORD.findall(query)[:MAX_QUERY_WORDS]
    return [w for w in words if not is_function_word(w)] or words


#: Parts of speech a query leaves out beside other words. PostgreSQL's Snowball stop list
#: drops them anyway; on SQLite «на», in nearly every document, made the index walk all
#: its postings and bm25 count its every hit, for no change in what is found.
FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL"})


def is_function_word(word: str) -> bool:
    """A preposition, conjunction or particle in its likeliest reading: «на», «и», «не»."""
    from svodka.lang.morph import parse

    return parse(word.lower())[0].tag.POS in FUNCTION_WORDS


@lru_cache(maxsize=20_000)
def word_forms(word: str) -> frozenset[str]:
    """Every form of every reading of a word, and of the surname paradigm it fits.

    The index keeps one guess per word, and the guesses for forms of one name differ:
    pymorphy reads «Токаев» as a form of «токай» (the wine) and «Токаева» as «токаева»;
    Snowball stems them «тока» and «токаев». Matching any form of the word finds both.
    """
    from svodka.lang.morph import parse

    lower = word.lower()
    forms = {lower} | surname_forms(lower)
    for reading in parse(lower):
        forms.update(form.word for form in reading.lexeme)
    return frozenset(forms)


@lru_cache(maxsize=20_000)
def word_terms(word: str) -> frozenset[str]:
    """The index tokens (lemmas, as ``lemma_text`` writes them) a query word matches."""
    from svodka.lang.morph import lemma

    return frozenset(lemma(form).replace("ё", "е") for form in word_forms(word))


def surname_forms(word: str) -> set[str]:
    """The forms of a word's surname paradigm: «токаев» → токаева, токаеву, токаевым, …"""
    families = surname_families()
    for size in (5, 4, 3, 2):
        stem, ending = word[:-size], word[-size:]
        if len(stem) > 1 and ending in families:
            return {stem + other for other in families[ending]}
    return set()


@cache
def surname_families() -> dict[str, frozenset[str]]:
    """Each ending of ``resources/names/surname_endings.tsv`` → every ending of its paradigm
    (ов, ова, ову, овым, ове, овой, овы, овых, овыми). Endings joined to any consonant
    stem («+а») are left out: they would expand every noun."""
    family: dict[str, set[str]] = {}
    for ending, _case, _number, _gender, nominative, _weight in read_table(
        "names/surname_endings.tsv", 6
    ):
        if ending.startswith("+"):
            continue
        merged = family.get(ending, {ending}) | family.get(nominative, {nominative})
        for member in merged:
            family[member] = merged
    return {ending: frozenset(members) for ending, members in family.items()}


def match_expression(words: list[str]) -> str:
    """An FTS5 query: every word must match, each through any of its lemmas, quoted so
    user input is never FTS syntax: «Токаева заявил» → ("токаев" OR "токай" …) AND (…)."""
    groups = (" OR ".join(f'"{term}"' for term in sorted(word_terms(w))) for w in words)
    return " AND ".join(f"({group})" for group in groups)


def tsquery_expression(words: list[str]) -> str:
    """The same for PostgreSQL's ``to_tsquery``: each form quoted, stemmed by Snowball."""
    groups = (" | ".join(f"'{form}'" for form in sorted(word_forms(w))) for w in words)
    return " & ".join(f"({group})" for group in groups)


#: Matches a search ranks, the latest first: the page is the best of these. A word in
#: half of 100,000 articles must not cost 50,000 scores (bm25, ts_rank) per query.
CANDIDATES = 1000


def stemmed_tsquery(connection: Connection, words: list[str]):
    """A ``tsquery`` of every word through any of its stems, each stem once."""
    groups = [word_lexemes(connection, word, word_forms(word)) for word in words]
    query = " & ".join(f"({' | '.join(group)})" for group in groups if group)
    return cast(bindparam("tsquery", query), TSQUERY)


def matching(
    backend: str,
    query: str,
    best: int | None = None,
    facets: Sequence[tuple[str, Sequence[str]]] = (),
    connection: Connection | None = None,
) -> Select | None:
    """``(seq, score)`` of the latest ``best`` documents that match every word of
    ``query`` and have, for each (column, tokens) of ``facets``, one of the tokens in that
    column (``about`` or ``dated``, see ``facets.py``; on PostgreSQL, among the lexemes of
    ``tsv``) — higher scores are better (SQLite:
    −bm25 of the text alone; PostgreSQL: ts_rank) — or None for a query without words.
    Only those ``best`` (default ``CANDIDATES``) are scored: the index hands them out
    latest first (FTS5 rowid; ``fts.seq``). Documents are named by ``seq``, not ``doc_id``:
    FTS5 reads a column of its own by loading the whole row, lemma text and all (5 ms for
    1,000 matches), while its rowid is the ``seq`` itself."""
    best = best or CANDIDATES
    words = query_words(query)
    if not words:
        return None
    if backend == "sqlite":
        index = table("fts", column("rowid"))
        groups = [("body", match_expression(words))]
        groups += [(name, " OR ".join(f'"{t}"' for t in tokens)) for name, tokens in facets]
        expression = " AND ".join(f"{name} : ({group})" for name, group in groups)
        found = literal_column("fts").op("MATCH")(bindparam("fts_query", expression))
        # the filters' columns weigh nothing: the score is the text's alone
        score = (-func.bm25(literal_column("fts"), 1.0, 1.0, 0.0, 0.0)).label("score")
        seq = index.c.rowid.label("seq")
        return select(seq, score).where(found).order_by(index.c.rowid.desc()).limit(best)
    index = table("fts", column("tsv"), column("seq"))
    tsquery = (
        stemmed_tsquery(connection, words)
        if connection is not None
        else func.to_tsquery(literal_column("'russian'"), tsquery_expression(words))
    )
    wanted = tsquery
    if facets:  # one GIN scan for the words and the filters' tokens, lexemes of ``tsv``
        groups = (" | ".join(f"'{tags(t)}'" for t in tokens) for _, tokens in facets)
        filters = " & ".join(f"({group})" for group in groups)
        wanted = tsquery.op("&&")(cast(bindparam("tags", filters), TSQUERY))
    # the page's few scores: ts_rank reads each candidate's tsvector (out of line, TOAST)
    found = recent_first(connection, index, wanted, best).subquery("latest")
    return select(found.c.seq, func.ts_rank(found.c.tsv, tsquery).label("score"))


def recent_first(
    connection: Connection | None, index: TableClause, wanted: ColumnElement, best: int
) -> Select:
    """PostgreSQL: ``(seq, tsv)`` of the latest ``best`` documents whose ``tsv`` matches
    ``wanted``, looked for in the two latest blocks first (their tags in the same GIN scan):
    when ``best`` match there, they are the latest of all, and the older matches are never
    read. GIN hands out matches unordered, so a common word would otherwise cost a visit
    to each of its matches (26,000 of 100,000 documents for «президента»)."""
    matches = select(index.c.seq, index.c.tsv).where(index.c.tsv.op("@@")(wanted))
    everything = matches.order_by(index.c.seq.desc().nulls_last()).limit(best)
    newest = None
    if connection is not None:
        newest = connection.execute(text("SELECT max(seq) FROM documents")).scalar()
    if newest is None:
        return everything
    block = newest // BLOCK
    blocks = f"'{TAG_MARK}b{block}' | '{TAG_MARK}b{block - 1}'"
    window = wanted.op("&&")(cast(bindparam("recent", blocks), TSQUERY))
    recent = (
        select(index.c.seq, index.c.tsv)
        .where(index.c.tsv.op("@@")(window))
        .order_by(index.c.seq.desc())
        .limit(best)
        .cte("recent")
    )
    enough = select(func.count()).select_from(recent).scalar_subquery() >= best
    return union_all(select(*recent.c).where(enough), everything.where(~enough))
