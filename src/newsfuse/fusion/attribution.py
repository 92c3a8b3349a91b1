"""Who a sentence cites: "Yonhap said", "according to NK News", "... KCNA reported."

A brief must say whose claim a fact or a quote is, and quotes are matched across articles
partly by who said them. This is pattern matching over news English, not parsing: find a
reporting verb (or "according to", "citing", "quoted as saying") and take the name-like noun
phrase next to it. Quoted words are masked first, so a "said" inside a quotation is never read
as the attribution of the sentence around it; that is why the quote-mark scanner lives here
and :mod:`newsfuse.quotes` imports it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from newsfuse.fusion.text import HONORIFICS, MONTH_PATTERN, PERSON_TITLES, STOPWORDS, stem, words

# --- quote marks --------------------------------------------------------------------------------

# Double-level marks. Straight " and ` toggle; the others have a direction.
_DOUBLE_MARK = re.compile(r"``|''|[\"“”„«»`]")
_OPENS = {"``", '"', "“", "„", "«", "`"}
_CLOSES = {  # opener -> the marks that may close it (garbled text mixes straight and curly)
    '"': {'"', "”", "“"},
    "“": {"”", '"', "“"},
    "„": {"“", "”", '"'},
    "«": {"»"},
    "``": {"''", '"', "”"},
    "`": {"`"},
}
# Single-level marks: an opener follows a space or bracket; a closer is followed by a space or
# punctuation. "Korea's" and "Jong-un’s" are neither, so they are never taken for quote marks.
_SINGLE_OPEN = re.compile(r"(?<![^\s(\[—–-])[‘'](?=[^\W_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s‘'])[’'](?=$|[\s.,;:!?)\]—–-])")
# "Workers' Party", "both sides' militaries": a plural possessive looks like a closer.
_POSSESSIVE_LIKE = re.compile(r"[sS][’'] [^\W\d_]")
_ANY_MARK = re.compile(r"[\"“”„«»`‘’']")
_MAX_SINGLE = 400  # characters: a longer single-quoted run is an apostrophe mismatch


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quoted words of ``text`` (marks excluded), in order.

    Scans line by line: a quote never runs past a paragraph break. An unclosed quote counts only
    when it opens its paragraph (the news convention for a quote running on to the next
    paragraph); anywhere else it is a stray mark and is ignored, as are stray closers.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        spans.extend((line.start() + s, line.start() + e) for s, e in _line_spans(line.group()))
    return spans


def _line_spans(line: str) -> list[tuple[int, int]]:
    if not _ANY_MARK.search(line):  # most lines: nothing to pair
        return []
    doubles = _double_spans(line)
    singles = [span for span in _single_spans(line) if not _inside(span, doubles)]
    found = sorted(doubles + singles)
    return [(s, e) for s, e in found if line[s:e].strip()]


def _double_spans(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_mark: str | None = None
    open_end = 0
    for m in _DOUBLE_MARK.finditer(line):
        mark = m.group()
        if open_mark is not None and mark in _CLOSES[open_mark]:
            spans.append((open_end, m.start()))
            open_mark = None
        elif mark in _OPENS and (open_mark is None or mark not in ('"', "`")):
            # A second directional opener before any closer: the first was stray.
            open_mark, open_end = mark, m.end()
    if open_mark is not None and not line[: open_end - len(open_mark)].strip():
        spans.append((open_end, len(line)))
    return spans


def _single_spans(line: str) -> list[tuple[int, int]]:
    opens = [m.start() for m in _SINGLE_OPEN.finditer(line)]
    if not opens:
        return []
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(line)]
    spans: list[tuple[int, int]] = []
    last_end = -1
    for i, start in enumerate(opens):
        if start < last_end:
            continue
        limit = min(opens[i + 1] if i + 1 < len(opens) else len(line), start + _MAX_SINGLE + 1)
        candidates = closes[bisect_right(closes, start) : bisect_left(closes, limit)]
        if not candidates:
            continue
        # Prefer a closer that cannot be a plural possessive; else the first one.
        strong = [c for c in candidates if not _POSSESSIVE_LIKE.match(line, c - 1)]
        close = strong[0] if strong else candidates[0]
        spans.append((start + 1, close))
        last_end = close + 1
    return spans


def _inside(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= span[0] and span[1] <= e + 1 for s, e in others)


def mask_quotes(text: str, spans: list[tuple[int, int]] | None = None) -> str:
    """``text`` with each quotation's words replaced by "…" (marks kept), so patterns looking
    for the speaker do not read the words spoken."""
    out: list[str] = []
    pos = 0
    for s, e in quote_spans(text) if spans is None else spans:
        out.append(text[pos:s])
        out.append("…")
        pos = e
    out.append(text[pos:])
    return "".join(out)


# --- vocabulary ---------------------------------------------------------------------------------

# Verbs that attribute on their own ("Yonhap said", "KCNA reported").
_CORE_VERBS = (
    "said says say told tells reported reports announced announces confirmed confirms stated "
    "added adds claimed claims noted notes wrote writes tweeted declared declares explained "
    "revealed disclosed acknowledged admitted denied quoted quotes cited insisted insists "
    "estimated predicted"
).split()
# Verbs of stance that attribute only a quotation or a "that" clause: "Kim warned the building
# would soon "collapse"" cites Kim, "North Korea threatened to act" cites nobody.
_SOFT_VERBS = (
    "warned warns threatened threatens vowed vows urged urges accused accuses called calls "
    "described describes promised pledged stressed ordered argued argues"
).split()
_SOFT = frozenset(_SOFT_VERBS)
_VERB = re.compile(r"\b(?:" + "|".join(_CORE_VERBS + _SOFT_VERBS) + r")\b")  # case-sensitive

_SUBJECT_PRONOUNS = frozenset("he she they it we i you".split())
_POSSESSIVE_PRONOUNS = frozenset("his her its their our my your".split())
_DETERMINERS = frozenset("the a an this that these those".split())
_CONNECTORS = frozenset("of for and de del da van von al el bin".split())
# (a phrase that ends a verb's left context after one of these is no subject of the verb)
_PREPOSITIONS = frozenset("of on in at near from to by with about into onto".split())
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Capitalised words that begin a sentence or clause without being part of a name.
_NOT_NAME = (
    STOPWORDS
    | _TIME_WORDS
    | frozenset(
        "however meanwhile also earlier later separately additionally still instead last next "
        "citing according responding speaking asked".split()
    )
)
# Heads that make a lower-case phrase a source: "officials said", "the newspaper reported".
_SOURCE_NOUNS = frozenset(
    """official officials source sources police spokesman spokeswoman spokesperson spokespeople
    military army ministry government agency agencies newspaper newspapers paper media news
    broadcaster outlet website statement report reports witness witnesses resident residents
    analyst analysts expert experts authorities authority prosecutor prosecutors investigator
    investigators diplomat diplomats aide aides lawmaker lawmakers researcher researchers
    scientist scientists doctor doctors survey poll study data figures document documents court
    office officer officers rescuers troops forces mouthpiece daily television radio tv leader
    leaders president minister secretary commander commanders group groups company department
    committee council headquarters staff correspondent reporter reporters""".split()
)
_MAX_LOWER_RUN = 3  # lower-case words in a row inside a name phrase ("state news agency")
_MAX_PHRASE = 9  # words: a longer "name" is a clause swallowed by mistake
# Bounds that keep garbled input ("said said said ...") linear: a subject with its appositive
# fits in the characters before its verb, and a sentence has few reporting verbs.
_WINDOW = 300
_MAX_VERBS = 8

# A word ("Korea's", "Yo-jong", "U.S.", "Mr."), or one punctuation character.
_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Prof|Rev|St|Jr|Sr)\.(?=\s)"
    r"|(?:[^\W\d_]\.){2,}|[^\W_][\w'’.&-]*[\w'’]|[^\W_]|[^\w\s]"
)

# Adverbials between a subject and its verb: "X on the same day said", "X had earlier warned".
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ADVERBIAL = re.compile(
    r"(?:,\s*)?\s*\b(?:also|earlier|later|then|previously|again|separately|reportedly|further"
    r"|officially|publicly|recently|first|repeatedly|once|now|still|has|have|had|would|will"
    r"|could|did|does|do|yesterday|today|tonight|"
    + _DAY
    + r"|(?:on|in|at|over|during|earlier|later|last|this|late|early)\s+(?:the\s+)?(?:same\s+)?"
    r"(?:[\w-]+\s+)?(?:day|week|weekend|month|year|morning|afternoon|evening|night|" + _DAY + ")"
    r"|on\s+" + MONTH_PATTERN + r"\s+\d{1,2}(?:,\s*\d{4})?"
    r"|in\s+a\s+(?:statement|report|post|interview|briefing|message|tweet|dispatch)"
    r"|meanwhile|however|though|too|instead|in\s+turn|for\s+(?:his|her|their|its)\s+part)"
    r"\s*,?\s*$"
)
_PAREN_SUFFIX = re.compile(r"\s*\(([A-Z][\w.&-]{0,12})\)\s*$")  # "Korean People's Army (KPA)"
_PASSIVE_SAYING = re.compile(
    r"\b(?:was|were|is|are|has been|have been|had been|being)\s+(?:\w+ly\s+)?"
    r"(?:quoted|reported|cited|heard|understood)\s+(?:as\s+)?(?:saying|stating|telling|warning)\b"
)
_QUOTED_AS = re.compile(
    r"\b(?:quoted|quotes|quoting|cited|cites)\s+(?P<who>[^,.;:…]{1,80}?)\s+as\s+"
    r"(?:saying|stating|telling|warning)\b"
)
_CITING = re.compile(r"\b[Cc]iting\s+(?P<rest>[^,.;:…]{1,120})")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<rest>[^,.;:…]{1,120})")
_PASSIVE_AUX = frozenset("was were been being is are be".split())
# Verb forms that are also plural nouns: a verb only if a clause or object follows.
_NOUN_LIKE = frozenset("reports claims notes quotes calls states cites tells".split())
_CLAUSE_START = re.compile(r"\s*(?:that|the|a|an|it|he|she|they|we|this|there|[A-Z]|[\"“‘'`«…,:])")
_TAIL = re.compile(r"[^,;…\"”“]{0,40}$")  # a verb this close to the end closes the sentence
_APPOSITIVE = re.compile(r"(?:the|a|an|who|which|whose|his|her|its|their|\d)\b")


# --- noun phrases -------------------------------------------------------------------------------


class _Phrase(NamedTuple):
    text: str | None
    pronoun: str | None = None


def _is_word(tok: str) -> bool:
    return bool(tok) and tok[0].isalnum()


def _is_cap(tok: str) -> bool:
    return bool(tok) and tok[0].isupper() and tok.lower().rstrip("'’") not in _NOT_NAME


def _finish(tokens: list[str], det: str | None, suffix: str = "") -> _Phrase:
    """Check a collected phrase is a source, and write it out.

    Lower-case words make a source only around a name ("a South Korean military source"),
    after a determiner ("the defector-led groups") or ending on a source noun ("officials").
    """
    while tokens and tokens[0].lower() in _CONNECTORS | {"the"}:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower() in _CONNECTORS | {"the"}:
        tokens = tokens[:-1]
    if not tokens:
        return _Phrase(None)
    named = any(_is_cap(t) for t in tokens)
    head = tokens[-1].lower()
    if not named and det is None and head not in _SOURCE_NOUNS:
        return _Phrase(None)
    tokens = tokens[-_MAX_PHRASE:]
    prefix = f"{det} " if det in ("a", "an") else ""
    return _Phrase(prefix + " ".join(tokens) + suffix)


def _phrase_before(text: str) -> _Phrase:
    """The name-like phrase that ends ``text`` (the subject of a verb that follows it)."""
    while m := _ADVERBIAL.search(text):
        text = text[: m.start()]
    suffix = ""
    if m := _PAREN_SUFFIX.search(text):
        suffix, text = f" ({m.group(1)})", text[: m.start()]
    toks = _TOKEN.findall(text)
    if toks and toks[-1].lower() in _SUBJECT_PRONOUNS:
        return _Phrase(None, toks[-1].lower())
    got: list[str] = []
    det: str | None = None
    lower_run = 0
    i = len(toks) - 1
    while i >= 0 and len(got) <= _MAX_PHRASE:
        tok, low = toks[i], toks[i].lower()
        left = toks[i - 1] if i > 0 else ""
        if not _is_word(tok):
            break
        if low == "the" and left.lower() in ("of", "for", "in", "at", "from") and got:
            got.append(tok)  # "Ministry of the Interior"
        elif (
            (low in _CONNECTORS or (low in ("in", "at", "from") and left.lower() in _SOURCE_NOUNS))
            and got
            and _is_word(left)
            and (_is_cap(left) or left.lower() in _SOURCE_NOUNS)  # "a spokesman for ..."
            and (_is_cap(got[-1]) or got[-1].lower() == "the")
        ):
            got.append(tok)
        elif low in _DETERMINERS:
            det = low
            break
        elif low in _POSSESSIVE_PRONOUNS:
            if any(_is_cap(t) for t in got):  # "his sister LaToya said": LaToya speaks
                det = low
                break
            return _Phrase(None, low)
        elif tok[0].isupper():
            if low.rstrip("'’") in _NOT_NAME:
                break
            got.append(tok)
            lower_run = 0
        elif low in _NOT_NAME or lower_run >= _MAX_LOWER_RUN:
            break
        else:
            got.append(tok)
            lower_run += 1
        i -= 1
    got.reverse()
    if det is None and i >= 0 and toks[i].lower() in _PREPOSITIONS and got:
        # "the manager of the store on the 700 block of West Avenue K reported": a name
        # after a preposition is what the subject is of, or where, not who reports
        return _Phrase(None)
    return _finish(got, det, suffix)


def _names_follow(toks: list[str]) -> bool:
    """Whether a name comes within a few words: "his sister LaToya", not "his spokesman"."""
    for tok in toks[: _MAX_LOWER_RUN + 1]:
        if not _is_word(tok):
            return False
        if _is_cap(tok):
            return True
    return False


def _phrase_after(text: str, whole: bool = False) -> _Phrase:
    """The name-like phrase that starts ``text`` ("according to NK News, ..."); with ``whole``,
    only if it is all of ``text``."""
    toks = _TOKEN.findall(text)
    if not toks:
        return _Phrase(None)
    first = toks[0].lower()
    if first in _SUBJECT_PRONOUNS or (
        first in _POSSESSIVE_PRONOUNS and not _names_follow(toks[1:])
    ):
        return _Phrase(None, first if not whole or len(toks) == 1 else None)
    det = first if first in _DETERMINERS or first in _POSSESSIVE_PRONOUNS else None
    got: list[str] = []
    lower_run = 0
    start = 1 if det else 0
    for i in range(start, len(toks)):
        tok, low = toks[i], toks[i].lower()
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if not _is_word(tok) or len(got) >= _MAX_PHRASE:
            break
        if tok[0].isupper():
            if low.rstrip("'’") in _NOT_NAME:
                break
            got.append(tok)
            lower_run = 0
        elif (
            low in _CONNECTORS | {"from", "at", "the"}
            and got
            and nxt
            and _is_word(nxt)
            and (_is_cap(nxt) or nxt.lower() == "the")
        ):
            got.append(tok)
        elif low in _NOT_NAME or lower_run >= _MAX_LOWER_RUN:
            break
        elif any(_is_cap(t) for t in got) and low not in _SOURCE_NOUNS:
            break  # "according to Yonhap South Korea spent": a verb, not part of the name
        else:
            got.append(tok)
            lower_run += 1
    # A phrase without a name must end on a source word: "several military sources", not
    # "an agreement between ..." nor "officials familiar with".
    if whole and start + len(got) < len(toks):
        return _Phrase(None)
    while got and not any(_is_cap(t) for t in got) and got[-1].lower() not in _SOURCE_NOUNS:
        got.pop()
    return _finish(got, det)


# --- attribution --------------------------------------------------------------------------------


class Cited(NamedTuple):
    """Whom a sentence cites. ``speaker`` is None when the sentence names nobody; ``pronoun``
    is then set if it points back to someone ("she was reported as saying")."""

    speaker: str | None
    via: str | None = None
    how: str = ""  # "citing", "quoted by", "according to": how ``via`` relays ``speaker``
    pronoun: str | None = None

    @property
    def phrase(self) -> str | None:
        if self.speaker is None:
            return None
        return f"{self.speaker}, {self.how} {self.via}" if self.via else self.speaker


def cite(sentence: str) -> Cited | None:
    """Whom ``sentence`` cites for what it says, or None if it cites no one."""
    found = _cite(sentence)
    if found is None or not (_capitalised_only(found.speaker) or _capitalised_only(found.via)):
        return found
    return found._replace(speaker=_described(found.speaker), via=_described(found.via))


def _capitalised_only(name: str | None) -> bool:
    """Whether ``name`` is a source noun capitalised only by opening the sentence: "Officials"
    in "Officials said ...", which names no one."""
    # "TV pundits" is written so anywhere: only a capital opening a lower-case word is lowered
    return name is not None and name[:2].istitle() and not named(name)


def _described(name: str | None) -> str | None:
    """A described source as it reads mid-sentence: "officials", not "Officials"."""
    return name[0].lower() + name[1:] if name and _capitalised_only(name) else name


def _cite(sentence: str) -> Cited | None:
    spans = quote_spans(sentence)
    text = mask_quotes(sentence, spans)
    has_quote = bool(spans)

    via: str | None = None
    how = ""
    if m := _CITING.search(text):
        via, how = _phrase_after(m.group("rest")).text, "citing"
    according = _phrase_after(m.group("rest")).text if (m := _ACCORDING.search(text)) else None

    if m := _PASSIVE_SAYING.search(text):  # "X was quoted as saying"
        found = _phrase_before(text[max(0, m.start() - _WINDOW) : m.start()])
        if found.text or found.pronoun:
            return _with(found, via, how, according)
    if (m := _QUOTED_AS.search(text)) and (who := _phrase_after(m.group("who"))).text:
        relay = _phrase_before(text[max(0, m.start() - _WINDOW) : m.start()]).text
        # "state media quoted the military as saying": the military speaks, state media relays
        return Cited(who.text, relay, "quoted by") if relay else _with(who, via, how, according)
    verbs = [m for m in _VERB.finditer(text) if _reporting(m, text, has_quote)]
    # A closing "..., police said." is the sentence's attribution even after an earlier verb:
    # "Hamas, which ..., claimed responsibility, police said."
    verbs.sort(key=lambda m: not _TAIL.match(text, m.end()))
    for m in verbs[:_MAX_VERBS]:
        found = _verb_subject(text, m)
        if found.text or found.pronoun:
            if has_quote and (inner := _inner(text, m, verbs, spans[0][0])) is not None:
                # "state media reported that Kim ordered troops to "..."": Kim's words, relayed
                return Cited(inner, found.text, "according to") if found.text else Cited(inner)
            return _with(found, via, how, according)
    if according:
        return Cited(according)
    return None


def _verb_subject(text: str, m: re.Match[str]) -> _Phrase:
    """Who the reporting verb ``m`` has as its subject (before it, or after it when inverted)."""
    before = text[max(0, m.start() - _WINDOW) : m.start()]
    found = _Phrase(None)
    if re.search(r"[,\"”'’`»…]\s*$", before):
        found = _inverted(text[m.end() :])  # '"...," said Kim.', '..., says Malaysia.'
    if not (found.text or found.pronoun):
        found = _subject(before)
    return found


# What joins a reporting verb to the clause it reports: "reported (on Tuesday) that", "said".
_COMPLEMENT = re.compile(r"(?:[^,;.…\"“”]{0,40}?\s)?that\s+|\s*(?=[A-Z])")


# A relative clause between the inner verb and the quote: "told staff to download an app that
# "contained a GPS function"": the quote describes the app, it is not the teller's words.
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b")
_NOUN_THAT = re.compile(r"\b(\w+)\s+that\b")
_VERBS = frozenset(_CORE_VERBS + _SOFT_VERBS)


def _inner(text: str, outer: re.Match[str], verbs: list[re.Match[str]], quote: int) -> str | None:
    """The speaker of a reported clause that holds the quote: the named subject that opens
    what ``outer`` reports, when a reporting verb of its own governs the quote ("KCNA said that
    Kim Jong Un ordered "...""). None when the quote is ``outer``'s own words."""
    if outer.end() > quote or not (m := _COMPLEMENT.match(text, outer.end() + 1)):
        return None
    start = m.end()
    if _VERB.search(text, outer.end(), start):  # "said Kim warned that": Kim opens the clause
        start = outer.end() + 1
    clause = text[start:quote]
    subject = _phrase_after(clause).text  # English puts a clause's subject first
    if not subject or not named(subject) or not clause.startswith(subject.split()[0]):
        return None
    own = [
        v
        for v in verbs
        if start + len(subject) <= v.start()
        and v.end() <= quote
        and not _RELATIVE.search(text, v.end(), quote)
        and not any(w.group(1) not in _VERBS for w in _NOUN_THAT.finditer(text, v.end(), quote))
    ]
    return subject if own else None


def _reporting(m: re.Match[str], text: str, has_quote: bool) -> bool:
    """Whether a verb match is used as a reporting verb here."""
    verb, after = m.group(), text[m.end() :]
    if verb in _SOFT and not has_quote and not re.match(r"\s+that\b", after):
        return False
    if verb.startswith("claim") and re.match(r"\s+(?:responsibility|credit)\b", after):
        return False
    if verb in _NOUN_LIKE and not _CLAUSE_START.match(after):
        return False  # "toxicology reports indicate", "the calls were"
    prev = _TOKEN.findall(text[max(0, m.start() - 20) : m.start()])
    return not (prev and prev[-1].lower() in _PASSIVE_AUX)  # "was told", "were reported"


def _subject(before: str) -> _Phrase:
    """The subject ending ``before``, looking past an appositive: "Kim, the leader's sister,"."""
    found = _phrase_before(before)
    stripped = before.rstrip()
    if found.text or found.pronoun or not stripped.endswith(","):
        return found
    body = stripped[:-1]
    for comma in reversed([i for i, ch in enumerate(body) if ch == ","]):
        if _APPOSITIVE.match(body[comma + 1 :].strip()):
            found = _phrase_before(body[:comma])
            if found.text and named(found.text):
                return found
    return _Phrase(None)


def _inverted(after: str) -> _Phrase:
    """The speaker after an inverted verb: the whole rest of the clause must be the name
    ("said Mark McDonald, spokesman for ..."), else it is an object ("warned that Kim ...")."""
    m = re.match(r"\s*([^,.;:!?…\"”]{1,80})(?:[,.;:!?…\"”]|$)", after)
    if not m:
        return _Phrase(None)
    chunk = m.group(1)
    while adverbial := _ADVERBIAL.search(chunk):
        chunk = chunk[: adverbial.start()]
    return _phrase_after(chunk, whole=True)


def _with(found: _Phrase, via: str | None, how: str, according: str | None) -> Cited:
    if found.text is None:
        return Cited(None, pronoun=found.pronoun)
    if via is None and according and according != found.text:
        via, how = according, "according to"
    return Cited(found.text, via, how if via else "")


def attribution(sentence: str) -> str | None:
    """Whom ``sentence`` cites, as a short phrase ("Yonhap, citing several military sources"),
    or None. A pronoun ("she said") gives None: it names no one."""
    found = cite(sentence)
    return found.phrase if found else None


def speaker(sentence: str) -> str | None:
    """Who speaks the quotations of ``sentence``: the cited source itself, without the relay
    ("military" for "state media quoted the military as saying"). None for a pronoun."""
    found = cite(sentence)
    return found.speaker if found else None


# --- comparing speakers -------------------------------------------------------------------------


def named(name: str) -> bool:
    """Whether a speaker is named ("Kim Yo Jong", "South Korean officials") rather than
    described ("military", "the newspaper"): only named speakers can contradict each other.
    A source noun capitalised by its place in the sentence ("Officials said") names no one."""
    return any(
        _is_cap(t) and t.lower() not in _SOURCE_NOUNS for t in _TOKEN.findall(name) if _is_word(t)
    )


def speaker_key(name: str) -> frozenset[str]:
    """The stems that identify a speaker: "Kim Yo-jong" and "Kim Yo Jong" share all of them."""
    text = re.sub(r"['’]s\b", "", name.replace("-", " "))
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS and w not in {"a", "an"})


class SpeakerId(NamedTuple):
    """What :func:`same_speaker` compares, computed once per name."""

    key: frozenset[str]
    named: bool

    @classmethod
    def of(cls, name: str) -> SpeakerId:
        return cls(speaker_key(name), named(name))


def same_speaker(a: str | SpeakerId | None, b: str | SpeakerId | None) -> bool | None:
    """True if ``a`` and ``b`` name one speaker, False if two different named speakers, None
    when it cannot be told (one is missing or only described).

    One key contained in the other, or 3 of 4 stems shared: "KCNA" / "North Korean state news
    agency KCNA", "Korean People's Army" / "North Korean People's Army's headquarters". Two
    people sharing a family name ("Kim Yo Jong" / "Kim Jong Un", 2 of 3) stay apart.
    """
    if not a or not b:
        return None
    ia = a if isinstance(a, SpeakerId) else SpeakerId.of(a)
    ib = b if isinstance(b, SpeakerId) else SpeakerId.of(b)
    if not ia.key or not ib.key:
        return None
    smaller = min(len(ia.key), len(ib.key))
    if len(ia.key & ib.key) / smaller >= 0.75:  # 1.0 when one key contains the other
        return True
    return False if ia.named and ib.named else None


def people(sentence: str) -> list[str]:
    """Personal names in ``sentence`` (two to four capitalised words that no organisation,
    place or title word is part of), in order: what "she said" may point back to."""
    toks = _TOKEN.findall(mask_quotes(sentence))
    out: list[str] = []
    run: list[str] = []
    for tok in [*toks, "."]:
        low = tok.lower()
        if _is_word(tok) and tok[0].isupper() and (low not in _NOT_NAME or low in _TITLES):
            run.append(tok)  # "Ms Jackson": a title opens a name
            continue
        name = _person(run)
        if name:
            out.append(name)
        run = []
    return out


_TITLES = PERSON_TITLES
_HONORIFICS = HONORIFICS
# Words that make a capitalised run an organisation or a place, not a person.
_NON_PERSON = frozenset(
    """north south east west northern southern eastern western central united party ministry
    army navy force forces news agency office committee council union association department
    government times post daily press media company corp inc ltd group bank fund university
    institute school court house senate congress parliament assembly police command center
    centre zone park complex city province state states republic kingdom island islands sea
    river street road airport station church club league federation organisation organization
    commission bureau service services network television radio channel international national
    korea korean china chinese japan japanese america american russia russian europe european
    inter magazine journal herald tribune gazette telegraph sinmun ilbo shimbun chronicle
    observer express mail wire broadcasting broadcaster newspaper weekly fair""".split()
)


def is_person(name: str) -> bool:
    """Whether a speaker reads as a person ("Chief Inspector Joseph Sullivan", "Khalid"), which
    "he" or "she" can point to, rather than an organisation or place."""
    run = [t for t in _TOKEN.findall(name) if _is_word(t)]
    return bool(run) and all(t[0].isupper() for t in run) and _person(run, least=1) is not None


def _person(run: list[str], least: int = 2) -> str | None:
    # Everything up to the last title goes: "Japanese Prime Minister Shinzo Abe" -> "Shinzo Abe".
    # A title word ending the run is a surname: "Judge Michael Pastor", "Stephen King".
    titles = [i for i, tok in enumerate(run[:-1]) if tok.lower().rstrip(".") in _TITLES]
    lowered = [tok.lower().rstrip(".") for tok in run]
    if set(lowered) <= _TITLES and not (len(run) > 1 and lowered[-2] in _HONORIFICS):
        return None  # "the Prime Minister said": titles alone name no one ("Mr King" does)
    if titles:
        run = run[titles[-1] + 1 :]
        least = 1  # "Dr Murray": a title makes one word a person
    if run:
        run = [*run[:-1], re.sub(r"['’]s?$", "", run[-1])]
    if not least <= len(run) <= 4:
        return None
    for tok in run:
        parts = tok.lower().replace("’", "'").split("-")
        if tok.isupper() or any(p.rstrip("'s") in _NON_PERSON or p in _NON_PERSON for p in parts):
            return None
    return " ".join(run)


def full_name(name: str) -> str | None:
    """``name`` as a person's full name (two to four words, titles dropped), or None: what a
    bare surname may stand for."""
    run = [t for t in _TOKEN.findall(name) if _is_word(t)]
    if not run or not all(t[0].isupper() for t in run):
        return None
    found = _person(run)
    return found if found and " " in found else None
