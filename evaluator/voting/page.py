"""The pages a participant's phone or laptop gets: the vote form, the group result after the round, a refusal.

Phone-sized and accessible: one column, a ``lang`` attribute, a visible label for every field, a status line
that screen readers announce, large touch targets. No external assets (no fonts, images or scripts from
elsewhere) and no framework: a few lines of inline script keep each slider and its number in step; without
script the number fields alone vote. The Content-Security-Policy (:data:`SECURITY_HEADERS`) allows exactly this
page's own style and script (by hash) and form posts to this server only.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from html import escape

from ..i18n import gettext, keyed
from ..model import Evaluation, text
from ..workshop import participant_label
from .form import NONCE_FIELD

START_POINTS = 50

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#fafafa}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.2rem 0 .6rem}
fieldset{border:1px solid #bbb;border-radius:.5rem;margin:0 0 1rem;padding:.5rem .8rem .8rem;background:#fff}
legend{font-weight:700;padding:0 .3rem}
.crit{margin:.7rem 0}
.crit label{display:block;font-weight:600}
.desc{margin:.1rem 0 .3rem;color:#444;font-size:.9rem}
summary{color:#154273;font-size:.9rem;min-height:32px;padding:.2rem 0;cursor:pointer}
.row{display:flex;gap:.7rem;align-items:center}
.row input[type=range]{flex:1;min-height:44px;accent-color:#154273}
.row input[type=number]{width:5.5rem;font-size:1.1rem;padding:.4rem;min-height:44px}
button{width:100%;font-size:1.15rem;padding:.8rem;min-height:52px;border:0;border-radius:.5rem;background:#154273;color:#fff}
button:focus,input:focus,a:focus{outline:3px solid #e17000;outline-offset:2px}
.status{padding:.6rem .8rem;border-radius:.5rem;margin:.6rem 0}
.ok{background:#e3f1df;border:1px solid #39870c}
.bad{background:#fbe4e4;border:1px solid #d52b1e}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.35rem .4rem;border-bottom:1px solid #ddd}
td.num{text-align:right;font-variant-numeric:tabular-nums}
meter{display:block;width:100%;height:.7rem;margin-top:.15rem}
.lang{margin-top:1.5rem;font-size:.95rem}
"""

SCRIPT = (
    "document.querySelectorAll('input[type=range]').forEach(function(r){"
    "var n=document.getElementById(r.getAttribute('data-for'));"
    "r.addEventListener('input',function(){n.value=r.value;});"
    "n.addEventListener('input',function(){var v=parseFloat(n.value.replace(',','.'));"
    "if(!isNaN(v)){r.value=v;}});});"
)


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


SECURITY_HEADERS = {
    "Content-Security-Policy": (
        f"default-src 'none'; style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",  # the token is in the address: never hand it to another site
    "Cache-Control": "no-store",
}

TEXTS = {
    "vote": "Vote",
    "intro": "Hello {who}. Give each criterion 0 to 100 points for how much it should count. You may send your vote "
    "again, changed, until the facilitator closes the round; nobody sees it before then.",
    "more": "What it means",
    "send": "Send my vote",
    "saved": "Your vote is recorded. You may change it and send it again.",  # fmt: skip
    "not_saved": "Your vote was not recorded: {why}",
    "result": "Group result",
    "closed": "The round is closed. These are the group's weights and ranking.",  # fmt: skip
    "weights": "Group weights",
    "criterion": "Criterion",
    "weight": "Weight",
    "ranking": "Group ranking",
    "rank": "Rank",
    "alternative": "Alternative",
    "no_result": "There is no group result yet.",
    "switch": "Nederlands",
}


def t(key: str, lang: str, **kw: str) -> str:
    """The page's text ``key`` in the participant's language (Dutch in the catalogue, the key as context)."""
    return keyed(TEXTS, key, lang, **kw)


def _doc(title: str, body: str, lang: str, script: bool = False) -> str:
    tail = f"<script>{SCRIPT}</script>" if script else ""
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main>{tail}</body></html>\n"
    )


def _switch(lang: str) -> str:
    other = gettext("nl", lang)
    return f'<p class="lang"><a href="?lang={other}" hreflang="{other}" lang="{other}">{t("switch", lang)}</a></p>'


def _fmt(v: float) -> str:
    return f"{v:g}"


def vote_page(
    ev: Evaluation,
    participant: str,
    action: str,
    nonce: str,
    lang: str,
    last: Mapping[str, float] | None = None,
    status: str = "",
    ok: bool = True,
) -> str:
    """The participant's own criteria with 0–100 points each (a slider and a number), and the send button."""
    who = participant_label(ev, participant, lang)
    title = f"{t('vote', lang)} — {ev.title}"
    parts = [f"<h1>{escape(title)}</h1>", f"<p>{escape(t('intro', lang, who=who))}</p>"]
    cls = "status ok" if ok else "status bad"
    parts.append(
        f'<div role="status" aria-live="polite" class="{cls if status else ""}">{escape(status)}</div>'
    )
    parts.append(f'<form method="post" action="{escape(action)}" autocomplete="off">')
    parts.append(f'<input type="hidden" name="{NONCE_FIELD}" value="{escape(nonce)}">')
    i = 0
    for area in ev.areas:
        crits = ev.criteria_of(area.id)
        if not crits:
            continue
        parts.append(f"<fieldset><legend>{escape(text(area.name, lang))}</legend>")
        for c in crits:
            i += 1
            value = _fmt(last[c.id]) if last and c.id in last else str(START_POINTS)
            desc = text(c.description, lang)
            described = f' aria-describedby="d{i}"' if desc else ""
            parts.append(
                f'<div class="crit"><label id="l{i}" for="n{i}">{escape(text(c.name, lang))}</label>'
                + (
                    f'<details><summary>{escape(t("more", lang))}</summary><p class="desc" id="d{i}">'
                    f"{escape(desc)}</p></details>"
                    if desc
                    else ""
                )
                + f'<div class="row"><input type="range" id="r{i}" data-for="n{i}" min="0" max="100" step="1" '
                f'value="{escape(value)}" aria-labelledby="l{i}"{described}>'
                f'<input type="number" id="n{i}" name="{escape(c.id)}" min="0" max="100" step="any" '
                f'inputmode="decimal" required value="{escape(value)}"{described}></div></div>'
            )
        parts.append("</fieldset>")
    parts.append(f'<button type="submit">{escape(t("send", lang))}</button></form>')
    parts.append(_switch(lang))
    return _doc(title, "".join(parts), lang, script=True)


def result_page(ev: Evaluation, lang: str) -> str:
    """After the round: the group's weights and ranking, nothing about any one participant."""
    from ..errors import InputError
    from ..workshop import AGREED, group_weights, rankings

    title = f"{t('result', lang)} — {ev.title}"
    parts = [f"<h1>{escape(title)}</h1>", f'<p role="status">{escape(t("closed", lang))}</p>']
    try:
        gw = group_weights(ev)
        rk = rankings(ev)
    except InputError:
        gw = rk = None
    if gw is None or rk is None or gw.aggregation == AGREED:
        parts.append(f"<p>{escape(t('no_result', lang))}</p>")
    else:
        names = {c.id: text(c.name, lang) for c in ev.criteria}
        parts.append(f"<h2>{escape(t('weights', lang))}</h2><p>{escape(gw.name(lang))}</p>")
        parts.append(
            f'<table><thead><tr><th scope="col">{escape(t("criterion", lang))}</th>'
            f'<th scope="col">{escape(t("weight", lang))}</th></tr></thead><tbody>'
        )
        top = max(gw.group.values()) or 1.0
        for cid in sorted(gw.criteria, key=lambda c: -gw.group[c]):
            w = gw.group[cid]
            parts.append(
                f'<tr><td>{escape(names[cid])}<meter aria-hidden="true" min="0" max="{top:.6f}" '
                f'value="{w:.6f}"></meter></td><td class="num">{100 * w:.1f}%</td></tr>'
            )
        parts.append("</tbody></table>")
        parts.append(
            f"<h2>{escape(t('ranking', lang))}</h2><table><thead><tr>"
            f'<th scope="col">{escape(t("rank", lang))}</th><th scope="col">{escape(t("alternative", lang))}</th>'
            "</tr></thead><tbody>"
        )
        for i in sorted(range(len(rk.alternatives)), key=lambda i: (rk.group[i], i)):
            parts.append(f'<tr><td class="num">{rk.group[i]}</td><td>{escape(rk.names[i])}</td></tr>')
        parts.append("</tbody></table>")
    parts.append(_switch(lang))
    return _doc(title, "".join(parts), lang)


def message_page(status: int, message: str, lang: str) -> str:
    """A refusal: the status and one sentence; never what the participant is not entitled to see."""
    return _doc(str(status), f'<h1>{status}</h1><p role="alert">{escape(message)}</p>', lang)
