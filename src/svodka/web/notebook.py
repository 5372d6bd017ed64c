"""A document as one self-contained HTML block for notebooks (``Document._repr_html_``):
the article renderer's highlighted text with a small stylesheet scoped to the block, no
links and nothing fetched. Needs no web server, only ``markupsafe``."""

from __future__ import annotations

from markupsafe import Markup, escape

from svodka.doc import Document
from svodka.web.render import highlight

#: The marks of ``static/style.css``, scoped to ``.svodka-doc`` so the notebook keeps its own
#: look: displaCy's colours for PERSON, ORG, GPE, QUANTITY and DATE.
STYLE = """
.svodka-doc { white-space: pre-wrap; line-height: 2; }
.svodka-doc .mark { border-radius: 4px; padding: .1em .3em; margin: 0 .05em; color: #1d2327; }
.svodka-doc .mark-PER { background: #c9bffd; } .svodka-doc .mark-ORG { background: #a9f0f0; }
.svodka-doc .mark-LOC { background: #ffc499; } .svodka-doc .mark-amount { background: #e4e7d2; }
.svodka-doc .mark-date { background: #bfe1d9; }
.svodka-doc .tag { font-size: .62em; font-weight: 700; margin-left: .35em; opacity: .75; }
.svodka-doc .quote { background: #fff5d6; }
.svodka-doc .quote-start { border-left: 3px solid #e0a800; padding-left: .3em; }
.svodka-doc .speaker { font-size: .8em; font-weight: 600; color: #8a6100; margin-left: .35em; }
.svodka-doc .event-anchor { font-size: .7em; vertical-align: super; color: #64707a; }
"""


def notebook_html(doc: Document) -> str:
    """``doc`` as highlighted HTML with its own scoped style; titles stay plain text."""
    title = Markup("<h3>{}</h3>").format(escape(doc.title)) if doc.title else Markup()
    text = highlight(doc, link=lambda key: None)
    return str(
        Markup("<style>{}</style>{}<div class='svodka-doc'>{}</div>").format(
            Markup(STYLE), title, text
        )
    )
