"""Which articles count as one witness: copies of one text, and articles of one outlet.

**Copies.** Two articles are copies when a sizeable share of the shorter one's word 5-grams
also occur in the other (containment, not Jaccard: a rewrite that keeps a fifth of a wire story
and adds its own material is still that wire story). Copying is a relation between two texts,
so families are not closed transitively: an article joins a family only if it copies the
family's *source*, its longest member (a star, not a chain). Otherwise a long story, whose
every report reuses a paragraph or two of the last one, chains into one family through weak
overlaps. Two reports published more than a few days apart are not copies unless nearly
identical: a follow-up that repeats background is a new report.

The containment threshold was read off real data: on the bundled example the Reuters rewrite
shares 17-19% of its 5-grams with the copies while unrelated reports of the same event share at
most 2%; independent AP reports of one story in DUC 2004 mostly share under 10%.

**Quotations are not copying.** Independent reports quote one spokesman or one press statement
word for word; that is what both heard, not a text one took from the other. So a 5-gram both
articles have inside quotation marks is not counted as shared (it still counts in a text's
length); nor is one of a block quote, the paragraph after "According to her suit:", whose
marks went with the page's markup. Wire copies and rewrites share their narrative, and stay
families.

**Quoting another report is not copying it either.** Where most of what two articles share is
what one quotes and the other says in its own words (the EPA's page and a report quoting it at
length; Tesla's blog post and a story quoting it), the one quotes the other: it keeps its own
family (:attr:`Family.quoting` notes the pair), and a fact it states only in the words it
quotes counts the two once, its own facts on their own (:class:`Takes`, read fact by fact).
So does a compilation: a report copying from two reports that do not copy each other (a
paper's story made of two agencies' sentences and its own) is no copy of either, and takes
from both.

**Outlets.** Articles of one outlet are one witness too, whoever wrote them: ten BBC pages are
the BBC once. The outlet comes from the article's metadata (``source``), its URL's domain, or
the text's own credit: a wire dateline "(Reuters) -", "(AP) —", a closing "— The Associated
Press", a station's call letters "PLANTATION, Fla. (WSVN) --", a video or photo credit "/The
Washington Post)". A credit for something *else* ("AP Photo", "contributed to this report")
names no outlet.

**Credited rewrites.** An article that credits another article's outlet ("WSVN.com reported",
"according to X", "told X") and shares a sizeable part of its text, quotations included, is
that article's witness: the credit says where its words came from. A credit of an outlet
with no article in the cluster, or of one it shares no text with, changes nothing.

Every family says why its members count as one (:attr:`newsfuse.models.Family.why`).

Small clusters compare every pair exactly. Large ones (hundreds of long reports of one story)
count the shingles every pair shares in one sparse matrix product: exact, and its cost grows
with the pairs that share text, not with all pairs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable, Iterable, Mapping, MutableMapping, Sequence
from typing import TypeVar
from urllib.parse import urlparse

from newsfuse.fusion.text import words
from newsfuse.models import Article, Family
from newsfuse.settings import DEFAULT, SyndicationSettings

SHINGLE = 5
MIN_CONTAINMENT = 0.12
MIN_SHARED = 12  # shingles; keeps two tiny articles from being joined by one common phrase
# Copies appear within days of their source; later reports that repeat its background are new
# reports, unless they are (nearly) the same text republished.
MAX_DAYS_APART = 3
REPUBLISHED = 0.8
# Up to this many articles pairs are compared one by one (a DUC cluster has 10, a big
# Multi-News one 9); beyond it a sparse product counts shared shingles for all pairs at once.
EXACT_PAIRS_UP_TO = 60

_K = TypeVar("_K", bound=Hashable)


def union_root(parent: MutableMapping[_K, _K], k: _K) -> _K:
    """The root of ``k`` in the union-find forest ``parent`` (a root is its own parent),
    halving the path on the way (which changes no root)."""
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


# A quotation left open at the end of its paragraph runs on into the next one (the news
# convention for a quote of several paragraphs) when the paragraph ends within this many
# characters; further on the mark is a stray one, and what follows it is not quoted.
MAX_OPEN_QUOTE = 1000


def shingles(text: str, n: int = SHINGLE) -> frozenset[int]:
    toks = words(text)
    # zip of shifted lists makes the n-gram tuples in C: 3x faster than slicing each
    return frozenset(map(hash, zip(*(toks[k:] for k in range(n)))))


@functools.lru_cache(maxsize=1024)
def body_shingles(body: str) -> frozenset[int]:
    """:func:`shingles` of an article's body, made once a brief for every stage that compares
    bodies (:func:`families`, :func:`independent`'s credits, :class:`Takes`); emptied after each
    brief (newsfuse.fusion.pipeline), and bounded for callers outside it."""
    return shingles(body)


def quoted_shingles(text: str) -> frozenset[int]:
    """The 5-grams of ``text`` in a quotation or across one's edge (even if the text also
    has them outside quotes: rare). Made from the quotations and the 4 words either side, not
    the whole text: 3x faster."""
    out: set[int] = set()
    edge = SHINGLE - 1
    for start, end in quotations(text):
        lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
        before, after = words(text[lo:start]), words(text[end:hi])
        if lo and text[lo - 1].isalnum():
            before = before[1:]  # a word cut in two
        if hi < len(text) and text[hi].isalnum():
            after = after[:-1]
        toks = before[-edge:] + words(text[start:end]) + after[:edge]
        out.update(map(hash, zip(*(toks[k:] for k in range(SHINGLE)))))
    return frozenset(out)


_CONTEXT = 80  # characters that hold the 4 words either side a 5-gram across an edge takes

# Opening marks and the marks that close each. A straight quote both opens and closes; a
# single curly quote opens only at a word's start and closes only at a word's end, so an
# apostrophe ("don’t", "the players’s") is mostly not taken for one.
_CLOSERS = {'"': '"”', "“": '”"', "„": '“”"', "«": "»", "‘": "’"}
_QUOTE_MARK = re.compile(r'["“”„«»‘’]')  # (a plain class: 6x faster than look-arounds)


def quotations(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s quotations are, as (start, end) offsets with their marks, in order.

    Quotations are paired within a paragraph (a line). One left open at a paragraph's end is
    taken to run to it, as each paragraph of a quote of several does in news, unless the rest
    of the paragraph is longer than ``MAX_OPEN_QUOTE`` or the mark is a single quote: then it
    is a stray mark, and what follows it is the text's own.
    """
    blocks = _block_quotes(text)
    spans: list[tuple[int, int]] = []
    opened, mark = -1, ""

    def close_at_line_end() -> None:
        line_end = text.find("\n", opened)
        line_end = len(text) if line_end < 0 else line_end
        if mark == "‘" or line_end - opened > MAX_OPEN_QUOTE:
            spans.append((opened, opened + 1))
        else:
            spans.append((opened, line_end))

    for m in _QUOTE_MARK.finditer(text):
        at, ch = m.start(), m.group()
        if blocks and any(s <= at < e for s, e in blocks):
            continue  # (a mark inside a block quote: the whole paragraph is quoted)
        if ch == "‘" and at and text[at - 1].isalnum():
            continue
        if ch == "’" and at + 1 < len(text) and text[at + 1].isalnum():
            continue  # an apostrophe
        if opened >= 0 and text.find("\n", opened, at) >= 0:
            close_at_line_end()
            opened = -1
        if opened < 0:
            if ch in _CLOSERS:  # (a closing mark with none open is no boundary)
                opened, mark = at, ch
        elif ch in _CLOSERS[mark]:
            spans.append((opened, at + 1))
            opened = -1
    if opened >= 0:
        close_at_line_end()
    return sorted(spans + blocks) if blocks else spans


# "According to her suit (PDF) in Kern County Superior Court:" and the paragraph after it: a
# web page's block quote, its marks lost with the page's markup. The line must credit someone
# ("according to", "said", "writes"): a colon also opens a list ("the following
# requirements:"), which is the text's own.
_INTRODUCES = re.compile(
    r"^[^\n]*\b(?:[Aa]ccording to|said|says|writes|wrote|states|stated|reads|read|adds|added"
    r"|continues|told|tweeted|posted)\b[^\n]*:[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=\S)",
    re.M,
)


def _block_quotes(text: str) -> list[tuple[int, int]]:
    """The paragraphs a line crediting someone and ending in a colon introduces, as (start,
    end) offsets."""
    if ":\n" not in text and ": \n" not in text:
        return []  # (the common case: no line ends in a colon)
    out = []
    for m in _INTRODUCES.finditer(text):
        end = text.find("\n", m.end())
        out.append((m.end(), len(text) if end < 0 else end))
    return out


def outside_quotes(text: str) -> list[str]:
    """The stretches of ``text`` outside quotation marks (:func:`quotations`), in order."""
    out, start = [], 0
    for s, e in quotations(text):
        out.append(text[start:s])
        start = e
    out.append(text[start:])
    return out


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller set that is in the other one."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small:
        return 0.0
    return len(small & large) / len(small)


def families(articles: Sequence[Article]) -> list[Family]:
    """Group ``articles`` into families of copies of one text; ids follow each family's first
    article. :func:`independent` then joins the families of one outlet."""
    sets = [body_shingles(a.body) for a in articles]
    quotes: dict[int, frozenset[int]] = {}  # made only for articles that may copy: it costs

    def quoted(k: int) -> frozenset[int]:
        if k not in quotes:
            quotes[k] = quoted_shingles(articles[k].body)
        return quotes[k]

    links: dict[int, list[tuple[float, int, bool]]] = {i: [] for i in range(len(articles))}
    quotes_of: list[tuple[int, int]] = []  # (the report quoting, the report quoted)
    for (i, j), shared in _shared_counts(sets).items():
        smaller = max(min(len(sets[i]), len(sets[j])), 1)
        if shared / smaller < MIN_CONTAINMENT:
            continue
        if not _close_in_time(articles[i], articles[j], shared / smaller):
            continue
        # What both quote is what a third party said, which both heard: not copying. What
        # one says in its own words and the other quotes is taken from it (a release, a post).
        common = sets[i] & sets[j]
        both_quote = len(common & quoted(i) & quoted(j))
        share = (shared - both_quote) / smaller
        if share < MIN_CONTAINMENT or shared - both_quote < MIN_SHARED:
            continue
        by_i, by_j = len(common & quoted(i)) - both_quote, len(common & quoted(j)) - both_quote
        if by_i + by_j > shared - both_quote - by_i - by_j:
            # Mostly what one quotes of the other: it quotes it, and writes the rest itself.
            # Not a copy: what it takes counts once, fact by fact (:class:`Takes`).
            quotes_of.append((i, j) if by_i >= by_j else (j, i))
            continue
        links[i].append((share, j, both_quote > 0))
        links[j].append((share, i, both_quote > 0))

    # A report copying from two reports that do not copy each other compiles them (a paper's
    # story made of two agencies' sentences and its own): no copy of either, but what it takes
    # from each counts once with it, fact by fact, as for a quote.
    # (the shorter of each pair: a source that two copies shorten is no compilation)
    linked = {i: {j for _, j, _ in ls} for i, ls in links.items()}
    for j, ls in links.items():
        froms = sorted(x for x in ls if len(sets[x[1]]) > len(sets[j]))
        if len(froms) < 2 or len(froms) < len(ls):
            continue
        froms.reverse()
        if all(b not in linked[a] for _, a, _ in froms for _, b, _ in froms if a != b):
            for _, i, _ in froms:
                quotes_of.append((j, i))
                links[i] = [x for x in links[i] if x[1] != j]
            links[j] = []

    # Stars: the longest article not yet placed is a source; what copies it joins it.
    source_of: dict[int, int] = {}
    why: dict[int, str] = {}
    retold: set[int] = set()
    for i in sorted(range(len(articles)), key=lambda k: (-len(sets[k]), k)):
        if i in source_of:
            continue
        source_of[i] = i
        for share, j, discounted in sorted(links[i], reverse=True):
            if j not in source_of:
                source_of[j] = i
                aside = ", quotations both make aside" if discounted else ""
                why[j] = (
                    f"{articles[j].id}: copies {articles[i].id} ({share:.0%} of 5-grams"
                    f" shared{aside})"
                )
                retold.update((i, j))

    pairs = [(articles[a].id, articles[b].id) for a, b in quotes_of]
    return _as_families(articles, source_of, why, retold, pairs)


def with_quoted(found: Sequence[Family]) -> list[Family]:
    """``found`` with each report that quotes another (:attr:`Family.quoting`) in that one's
    family: for the summary, whose weights count a point once per family, a passage quoted at
    length is the quoted report's point said again, not a second report's."""
    if not any(f.quoting for f in found):
        return list(found)
    group = {f.id: f.id for f in found}
    family_of = {m: f.id for f in found for m in f.members}

    for f in found:
        for a, b in f.quoting:
            x, y = sorted((union_root(group, family_of[a]), union_root(group, family_of[b])))
            group[y] = x
    merged: dict[int, list[Family]] = {}
    for f in found:
        merged.setdefault(union_root(group, f.id), []).append(f)
    return [
        Family(
            id=n,
            members=tuple(m for f in fs for m in f.members),
            why=tuple(w for f in fs for w in f.why),
            retold=tuple(m for f in fs for m in f.retold),
        )
        for n, fs in enumerate(merged.values(), start=1)
    ]


def independent(
    articles: Sequence[Article],
    copies: Sequence[Family],
    settings: SyndicationSettings = DEFAULT.syndication,
) -> list[Family]:
    """The independent witnesses: the families of copies, joined when their articles are of
    one outlet or one reports what another outlet's article reported."""
    index = {a.id: i for i, a in enumerate(articles)}
    group = {i: i for i in range(len(articles))}
    why: dict[int, str] = {}
    retold = {index[m] for f in copies for m in f.retold if m in index}
    for f in copies:
        head = index[f.members[0]]
        for m in f.members[1:]:
            group[index[m]] = head
        for w in f.why:
            k = index.get(w.split(":", 1)[0])
            if k is not None:
                why[k] = w

    def join(i: int, other: int, reason: str, text: bool = True) -> None:
        """``text``: joined because ``i`` retells ``other``'s text, not only for its outlet."""
        if union_root(group, i) != union_root(group, other):
            why.setdefault(i, reason)
            a, b = sorted((union_root(group, i), union_root(group, other)))
            group[b] = a
            if text:
                retold.update((i, other))

    first_of_outlet: dict[str, int] = {}
    names: dict[int, str] = {}
    for i, article in enumerate(articles):
        found = outlet(article)
        if found is None:
            continue
        name, where = found
        names[i] = name
        for key in outlet_keys(name):
            if key in first_of_outlet:
                other = first_of_outlet[key]
                join(
                    i,
                    other,
                    f"{article.id}: same outlet as {articles[other].id} ({name}, from {where})",
                    text=False,
                )
                break
        for key in outlet_keys(name):
            first_of_outlet.setdefault(key, i)

    def article_of(name: str) -> int | None:
        """The first article of the outlet ``name``, if the cluster has one."""
        return next((first_of_outlet[k] for k in outlet_keys(name) if k in first_of_outlet), None)

    # "The New York Daily News reports that ...": a report of another outlet's report is that
    # outlet's witness, not a second one.
    for i, article in enumerate(articles):
        if "report" not in article.body:
            continue  # (every match ends in a form of "report": a substring test is cheaper)
        for cited in _REPORTS.finditer(article.body):
            source = article_of(cited.group("name"))
            if source is not None and source != i:
                join(
                    i,
                    source,
                    f"{article.id}: reports what {names[source]} reported ({articles[source].id})",
                )
    # "..., WSVN.com reported", "Graber told WSVN.com": a rewrite that credits another
    # article's outlet and shares a sizeable part of that article's text is that article's
    # witness. Quotations count as shared here: the credit says where they were taken from.
    # An outlet not in the cluster, or one whose article it does not share text with, changes
    # nothing (two rewrites crediting one wire join only through the wire's own article).
    for i, article in enumerate(articles):
        for name in _credited(article.body, settings.credit_reach):
            source = article_of(name)
            if source is None or union_root(group, source) == union_root(group, i):
                continue
            a, b = body_shingles(article.body), body_shingles(articles[source].body)
            shared = len(a & b)
            share = shared / max(min(len(a), len(b)), 1)
            if shared >= settings.credited_shingles and share >= settings.credited_share:
                join(
                    i,
                    source,
                    f"{article.id}: credits {name}, the outlet of {articles[source].id}, and"
                    f" shares its text ({share:.0%} of 5-grams, quotations included)",
                )
    quoting = [pair for f in copies for pair in f.quoting]
    return _as_families(
        articles, {i: union_root(group, i) for i in range(len(articles))}, why, retold, quoting
    )


# An outlet a text credits: "WSVN.com reported", "CNN first reported", "according to The
# Miami Herald", "told WSVN.com". The name is a run of capitalised words (or a domain); each
# of its tails is tried, so "Friday CNN reported" finds CNN.
_NAME = r"(?:[A-Z][\w.&'’-]*[\w&]|[A-Z])(?:[ \t]+(?:[A-Z][\w.&'’-]*[\w&]|[A-Z]))*"
# (the verbs are found first, by plain search, and the name read next to them: a pattern
# that starts with the name, or with a space, is tried all through a long story)
_REPORT_VERB = re.compile(r"report(?:s|ed)?\b")
_BEFORE_VERB = re.compile(r"[ \t]+(?:(?:first|has|was[ \t]+first[ \t]+to)[ \t]+)?$")
_AFTER_VERB = re.compile(r"(?:[Aa]ccording[ \t]+to|told)[ \t]+(?:the[ \t]+)?")
_NAME_BEFORE = re.compile(rf"(?:^|(?<=[^\w.&'’-])){_NAME}$")
_NAME_AFTER = re.compile(_NAME)


def _credited(text: str, reach: int) -> list[str]:
    """The outlet names ``text`` credits, each tail of a name run as a candidate, longest
    first ("Fort Lauderdale Sun-Sentinel", "Lauderdale Sun-Sentinel", "Sun-Sentinel"); a name
    before "reported" is looked for in the ``reach`` characters before it."""
    runs: list[str] = []
    for key in ("report", "according", "According", "told"):
        at = text.find(key)
        while at != -1:
            if at == 0 or not text[at - 1].isalnum():
                runs += _credit_at(text, at, key, reach)
            at = text.find(key, at + len(key))
    out = [" ".join(run.split()[k:]) for run in runs for k in range(len(run.split()))]
    return list(dict.fromkeys(out))


def _credit_at(text: str, at: int, key: str, reach: int) -> list[str]:
    if key != "report":
        verb = _AFTER_VERB.match(text, at)
        name = _NAME_AFTER.match(text, verb.end()) if verb else None
        return [name.group()] if name else []
    verb = _REPORT_VERB.match(text, at)
    if not verb or (verb.group() == "report" and not text[:at].endswith("to ")):
        return []  # (a bare "report" only in "was first to report")
    window = text[max(0, at - reach) : at]
    gap = _BEFORE_VERB.search(window)
    name = _NAME_BEFORE.search(window, 0, gap.start()) if gap else None
    return [name.group()] if name else []


def _as_families(
    articles: Sequence[Article],
    group: dict[int, int],
    why: dict[int, str],
    retold: set[int],
    quoting: Sequence[tuple[str, str]] = (),
) -> list[Family]:
    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(group[i], []).append(i)
    ordered = sorted(members.values(), key=min)
    index = {a.id: i for i, a in enumerate(articles)}
    # (a report quoting one of its own family's: the family counts once anyway)
    apart = sorted(p for p in quoting if group[index[p[0]]] != group[index[p[1]]])
    return [
        Family(
            id=n,
            members=tuple(articles[k].id for k in sorted(ms)),
            why=tuple(why[k] for k in sorted(ms) if k in why),
            retold=tuple(articles[k].id for k in sorted(ms) if k in retold),
            quoting=tuple(p for p in apart if index[p[0]] in ms),
        )
        for n, ms in enumerate(ordered, start=1)
    ]


def _close_in_time(a: Article, b: Article, share: float) -> bool:
    if a.published is None or b.published is None or share >= REPUBLISHED:
        return True
    return abs((a.published - b.published).days) <= MAX_DAYS_APART


def _shared_counts(sets: Sequence[frozenset[int]]) -> dict[tuple[int, int], int]:
    """Shingles shared by each pair of articles that shares at least ``MIN_SHARED``.

    A small cluster is compared pair by pair. A large one goes through one sparse product of
    the article-by-shingle matrix with its transpose (scipy, in C): its cost is the number of
    article pairs that share shingles, not all pairs, and no pair is missed.
    """
    n = len(sets)
    if n <= EXACT_PAIRS_UP_TO:
        out = {}
        for i in range(n):
            for j in range(i + 1, n):
                shared = len(sets[i] & sets[j])
                if shared >= MIN_SHARED:
                    out[(i, j)] = shared
        return out
    import numpy as np
    from scipy import sparse

    column: dict[int, int] = {}
    rows, cols = [], []
    for i, s in enumerate(sets):
        for h in s:
            rows.append(i)
            cols.append(column.setdefault(h, len(column)))
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, max(len(column), 1))
    )
    product = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    keep = product.data >= MIN_SHARED
    return {
        (int(i), int(j)): int(v)
        for i, j, v in zip(product.row[keep], product.col[keep], product.data[keep])
    }


# --- outlets ---------------------------------------------------------------------------------

_WIRES = (
    r"Reuters|AP|AFP|UPI|Bloomberg|CNN|dpa|DPA|Xinhua|Yonhap|Kyodo|ANSA|EFE|PTI|IANS"
    r"|TASS|Interfax|RIA Novosti|BBC|Agence France-Presse|Associated Press"
)
# "SEOUL, June 17 (Reuters) -", "CAPE CANAVERAL, Fla. (AP) —": the wire that filed the text.
_DATELINE_CREDIT = re.compile(
    rf"^[^\n]{{0,160}}?\(\s*(?P<name>{_WIRES})\s*\)\s*(?:-|—|–|--|_)", re.M
)
# "PLANTATION, Fla. (WSVN) --", "LOS ANGELES (KABC) --": a station's call letters (or any
# short all-capital name) between a capitalised place and a dash.
_STATION_DATELINE = re.compile(
    r"^[^\n]{0,160}?\b[A-Z]{2}[A-Z .'-]*,?[^\n(),]{0,30}?\(\s*(?P<name>[A-Z]{2,6})\s*\)\s*"
    r"(?:-|—|–|--|_)",
    re.M,
)
_NOT_OUTLETS = frozenset(
    {"VIDEO", "PHOTO", "PHOTOS", "UPDATE", "UPDATED", "WATCH", "LIVE", "AUDIO"}
)
# "— The Associated Press", "(c) 2016 Reuters", "Copyright 2016 The Associated Press".
_CLOSING_CREDIT = re.compile(
    rf"(?:^[—–-]\s*|(?:Copyright|©|\(c\))\s*(?:\d{{4}}\s*)?)(?:The\s+)?(?P<name>{_WIRES})\b",
    re.M | re.I,
)
# "(Photo by Patrick T. Fallon for The Washington Post)", "(Joel Achenbach/The Washington
# Post)": work made for the outlet publishing it. Only a paper's name counts ("The ... Post").
_PAPER = (
    r"The (?:[A-Z][\w.'’&-]+ ){0,3}(?:Post|Times|Journal|News|Tribune|Herald|Guardian"
    r"|Telegraph|Independent|Gazette|Globe|Chronicle|Star|Sun|Inquirer|Observer|Examiner)"
)
_MADE_FOR = re.compile(rf"(?:\bfor|/)\s*(?P<name>{_PAPER})\)")
_EMAIL = re.compile(r"^\s*[\w.+-]+@(?P<name>[\w-]+(?:\.[\w-]+)+)\s*$", re.M)
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}


def outlet(article: Article) -> tuple[str, str] | None:
    """The outlet that published ``article`` and where that was read, or None.

    From the metadata first, then the URL's domain, then the text's own credit.
    """
    if article.source:
        return article.source.strip(), "its metadata"
    if article.url:
        domain = _domain(article.url)
        if domain:
            return domain, "its URL"
    text = article.text.replace("-LRB-", "(").replace("-RRB-", ")")
    head, tail = text[:1000], text[-400:]
    if m := _DATELINE_CREDIT.search(head):
        return _canonical(m.group("name")), "its dateline credit"
    if (m := _STATION_DATELINE.search(head)) and m.group("name") not in _NOT_OUTLETS:
        return m.group("name"), "its dateline credit"
    if m := _CLOSING_CREDIT.search(tail):
        return _canonical(m.group("name")), "its closing credit"
    if m := _MADE_FOR.search(text[:3000]):
        return m.group("name"), "a credit for work made for it"
    if m := _EMAIL.search(tail):
        return m.group("name").lower(), "its author's e-mail address"
    return None


def _domain(url: str) -> str | None:
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
    parts = [p for p in host.split(".") if p and p != "www"]
    if len(parts) < 2:
        return None
    keep = 3 if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2 else 2
    return ".".join(parts[-keep:])


def _canonical(name: str) -> str:
    return {
        "AP": "Associated Press",
        "Agence France-Presse": "AFP",
        "DPA": "dpa",
    }.get(name, name)


_REPORTS = re.compile(
    rf"\b(?:(?:The\s+)?(?P<name>(?:[A-Z][\w.'’&-]*\s+){{0,4}}(?:{_WIRES.split('|BBC')[0]}|BBC|"
    r"Post|Times|Journal|News|Tribune|Herald|Guardian|Telegraph|Independent|Gazette|Globe"
    r"|Chronicle|Inquirer|Observer|Examiner|Magazine|Weekly|TMZ))"
    r"\s+(?:first\s+)?(?:reports|reported|has reported|was first to report)\b)"
)


def outlet_keys(name: str) -> tuple[str, ...]:
    """Keys under which spellings of one outlet meet: "The Washington Post" and
    "washingtonpost.com" share "washingtonpost"; "The New York Daily News" also gives
    "nydailynews" (leading words as initials), the key of "nydailynews.com"."""
    low = re.sub(r"\.(?:com|co\.uk|org|net|co|news)$", "", name.lower().strip())
    low = re.sub(r"^the\s+", "", low)
    parts = [re.sub(r"[^a-z0-9]", "", w) for w in low.split()]
    parts = [w for w in parts if w]
    keys = ["".join(parts)]
    for k in range(2, len(parts)):
        keys.append("".join(w[0] for w in parts[:k]) + "".join(parts[k:]))
    return tuple(k for k in dict.fromkeys(keys) if len(k) >= 2)


# --- per fact: what a report takes from one it quotes ------------------------------------------


class Takes:
    """What reports take from the reports they quote (:attr:`Family.quoting`), read fact by
    fact: a report that quotes another at length keeps its own family, and only a fact it
    states in the words it quotes counts the two once (the EPA's page and the report quoting
    it: its "33 properties" are the EPA's; its own "$160,000 ... within 90 days" are its own).

    Falsy when no report of the cluster quotes another: then the families decide alone.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        families: Sequence[Family],
        settings: SyndicationSettings = DEFAULT.syndication,
    ) -> None:
        self.settings = settings
        self.family_of = {m: f.id for f in families for m in f.members}
        pairs = [p for f in families for p in f.quoting]
        in_pairs = {k for p in pairs for k in p}
        body = {a.id: a.body for a in articles if a.id in in_pairs}
        sets = {k: body_shingles(text) for k, text in body.items()}
        # what the two share, quotations too: a report that takes from another takes its
        # quotes with it ("... the study by Lund University historian Per Anders Rudling says")
        self.taken = {(a, b): sets[a] & sets[b] for a, b in pairs if a in sets and b in sets}

        self.quoting = frozenset(a for a, _ in self.taken)

    def __bool__(self) -> bool:
        return bool(self.taken)

    @staticmethod
    def wording(value: str, text: str, candidates: Iterable[str]) -> list[str]:
        """Which of ``candidates`` (a report's sentences) word the fact of ``value`` worded
        ``text``: those that write the value ("Magnolia Homes"), else those sharing a 5-gram
        with ``text`` (where the report copies it, if it does)."""
        pool = list(candidates)
        low = value.lower()
        if found := [c for c in pool if low in c.lower()]:
            return found
        own = shingles(text)
        return [c for c in pool if own & shingles(c)]

    def independent(
        self, sources: Sequence[str], text: str, said: Mapping[str, Sequence[str]] | None = None
    ) -> int:
        """The independent witnesses among ``sources`` of a fact worded ``text``: families,
        but a report and the one it quotes count once when the report states the fact only
        in words it takes from it. ``said``: each source's own sentences of the fact, where
        known (else ``text`` stands for all)."""
        group = {self.family_of.get(s, 0): self.family_of.get(s, 0) for s in sources}

        inside = set(sources)
        for (a, b), taken in self.taken.items():
            if a not in inside or b not in inside:
                continue
            own = (said or {}).get(a) or [text]
            if all(_taken_from(t, taken, self.settings.taken_share) for t in own):
                x, y = sorted(
                    (
                        union_root(group, self.family_of.get(a, 0)),
                        union_root(group, self.family_of.get(b, 0)),
                    )
                )
                group[y] = x
        return len({union_root(group, k) for k in group})


def _taken_from(text: str, taken: frozenset[int], share: float) -> bool:
    """Whether most of ``text``'s words are in 5-grams ``taken`` (its own words around a
    quote, "the agency writes", are the rest)."""
    toks = words(text)
    covered = [False] * len(toks)
    for k, h in enumerate(map(hash, zip(*(toks[n:] for n in range(SHINGLE))))):
        if h in taken:
            covered[k : k + SHINGLE] = [True] * SHINGLE
    return bool(toks) and sum(covered) >= share * len(toks)
