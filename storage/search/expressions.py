"""FTS5 MATCH expressions for the index's layout, built so that no user input can make a syntax error.
Pure.

Every token is quoted. Tokens follow the index's layout (`storage.text.segment`): a term is a phrase of
the character bigrams that start at each of its Han characters, so it matches only where it appears
verbatim (after normalisation). `phrase(term)` is one term; `all_of`, `any_of` and `match_expression`
combine them; `words_expression` asks for whole jieba words and `date_expression` for the date tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from storage.text.segment import pieces

BIGRAM_COLUMNS = "{title byline body}"


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def term_tokens(term: str) -> tuple[list[str], bool]:
    """Index tokens a verbatim occurrence of `term` must have, in order, and whether the last is a prefix.

    Each Han character contributes the token that starts at it in the index: the bigram with the
    next character, or (when a non-Han piece follows within the term) the character alone. The last
    character of a term that ends in Han gives no token of its own (the bigram before covers it),
    unless it is the only Han character of its run, which becomes a prefix token.
    """
    ps = pieces(term)
    toks: list[str] = []
    prefix = False
    for idx, p in enumerate(ps):
        last = idx == len(ps) - 1
        if not p.han:
            toks.append(p.text.lower())
            continue
        run = p.text
        toks.extend(run[i : i + 2] for i in range(len(run) - 1))
        if not last:
            toks.append(run[-1])
        elif len(run) == 1:
            toks.append(run)
            prefix = True
    return toks, prefix


def phrase(term: str) -> str | None:
    """An FTS5 phrase matching `term` verbatim, or None when it has nothing searchable."""
    toks, prefix = term_tokens(term)
    if not toks:
        return None
    out = _quote(" ".join(toks))
    return out + " *" if prefix else out


def words_expression(terms: Sequence[str]) -> str | None:
    """Every term found as a whole jieba word (the `words` column); None unless all are Han words."""
    if not terms:
        return None
    for t in terms:
        ps = pieces(t)
        if not (len(ps) == 1 and ps[0].han and ps[0].text == t and len(t) >= 2):
            return None
    return "words : (" + " AND ".join(_quote(t) for t in terms) + ")"


def date_expression(specs) -> str | None:
    """Articles whose text mentions one of the dates (date tokens in the `words` column)."""
    from storage.text.segment import day_token, month_token

    toks = []
    for d in specs:
        if d.month == 0:
            continue  # no token for a year: the index knows months and days
        toks.append(day_token(d.month, d.day) if d.day is not None else month_token(d.month))
    if not toks:
        return None
    return "words : (" + " OR ".join(_quote(t) for t in dict.fromkeys(toks)) + ")"


def all_of(terms: Sequence[str], *, columns: str = BIGRAM_COLUMNS) -> str | None:
    """Every term, as phrases restricted to `columns` (no word boost)."""
    parts = [p for p in (phrase(t) for t in terms) if p]
    if not parts:
        return None
    return f"{columns} : ({' AND '.join(parts)})"


def any_of(terms: Sequence[str]) -> str | None:
    parts = [p for p in (phrase(t) for t in terms) if p]
    if not parts:
        return None
    return f"{BIGRAM_COLUMNS} : ({' OR '.join(parts)})"


def match_expression(
    terms: Sequence[str],
    excluded: Sequence[str] = (),
    groups: tuple[tuple[str, ...], ...] = (),
) -> str | None:
    """The MATCH string for: all `terms`, one of each group, none of `excluded`. None when there is
    no positive term."""
    parts = [e for e in [all_of(terms)] + [any_of(g) for g in groups] if e]
    if not parts:
        return None
    expr = parts[0] if len(parts) == 1 else " AND ".join(f"({p})" for p in parts)
    neg = any_of(excluded)
    if neg:
        expr = f"({expr}) NOT ({neg})"
    return expr
