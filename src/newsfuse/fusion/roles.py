"""Who is who: facts without a figure, "U.S. District Judge = Kurt Engelhardt", "head of
Indonesia's search and rescue agency = Bambang Soelistyo", read off the way reports introduce
the people and organisations they name.

A report names a person with their role beside them, as an apposition ("Rhys Holleran, chief
executive of Southern Cross Austereo,") or a title in front ("Rite Aid spokeswoman Susan
Henderson"). For each person or organisation two independent sources name
(:mod:`newsfuse.entities`), the role most of them give, if any, becomes a fact whose sources
are every article naming them, and those calling them by a title a name owns, without their
name ("Malaysia's police chief", given as "Malaysia's police chief Khalid Abu Bakar" in
another). A role is a phrase holding a word for a role (judge, chief,
spokeswoman, ...): that keeps "Durst, 73," or "Kim, who lived in Macau," out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence

from newsfuse.fusion import names, phrases
from newsfuse.fusion.text import HONORIFICS, STOPWORDS
from newsfuse.models import Entity, Fact, Sentence
from newsfuse.settings import DEFAULT, FactSettings

# Words that name a role (as written, singular): what makes a phrase beside a name a role.
# Word forms, not stems: "reported" is no "reporter".
ROLE_WORDS = frozenset(
    """head chief director judge spokesman spokeswoman spokesperson president minister ceo
    executive officer chairman chairwoman chair founder leader author researcher scientist
    professor astronomer anthropologist chemist physicist lawyer attorney prosecutor sheriff
    commissioner manager owner nurse secretary governor mayor senator ambassador editor
    analyst expert inspector-general commander general captain pilot coach dj host presenter
    correspondent investigator detective agent superintendent principal dean economist
    adviser advisor official representative envoy premier chancellor king queen prince
    princess actor actress singer star heir widow son daughter wife husband brother sister
    mother father friend buddy boyfriend girlfriend victim suspect coroner constable sergeant
    lieutenant colonel corporal teacher student engineer driver witness neighbor
    neighbour""".split()
)
# Honorifics between a title and a name ("trauma director Dr. Fang"): not part of the role.
_HONORIFICS = HONORIFICS
# Words that end an apposition: a relative clause or a verb is no role ("Kim, who lived").
_NOT_ROLE = frozenset(
    """who which that whose said says told is was has had when where while according would
    will could can may might become became""".split()
)
_WORD = re.compile(r"[A-Za-z][\w.'’-]*")


def role_facts(
    entities: Sequence[Entity],
    sentences: Mapping[str, Sequence[Sentence]],
    family_of: Mapping[str, int],
    settings: FactSettings = DEFAULT.facts,
    event_terms: frozenset[str] = frozenset(),
    least: int = 2,
    among: frozenset[str] | None = None,
) -> list[Fact]:
    """One fact per person or organisation named by ``least`` independent sources with a
    role; ``event_terms``: the words telling the event (``facts._event_terms``); ``among``:
    the names of the entities to read, if not all (the others still tell whose a surname is)."""
    out: list[Fact] = []
    # A one-word name inside exactly one longer name is that one ("Svanberg" of "Carl-Henric
    # Svanberg"); inside two or more ("Kim") it is nobody's for sure, and left out.
    longer = [e for e in entities if " " in e.name]
    # Each article's sentences in one text, one line each, searched once per name: the name
    # pattern cannot match across a line break (nor does a break change its lookarounds),
    # and one search of an article costs far less than one per sentence.
    joined = {a: "\n".join(s.text for s in ss) for a, ss in sentences.items()}
    line_starts: dict[str, list[int]] = {}  # where each sentence's line starts in ``joined``
    # every name, one a line, for a title and name that another name goes on from
    names_joined = "".join(f"\n{x.name.lower()}" for x in entities)
    surname: dict[str, Entity] = {}
    # A one-word name spelled as one longer person's last name in other letters ("Oliveras"
    # of "Dimitri Olivares", names.transliterated) is that person too: one value, written
    # two ways, and their full name is also written with it ("Dimitri Oliveras").
    respelled: dict[str, Entity] = {}
    for e in entities:
        if " " not in e.name:
            holders = [x for x in longer if e.name in x.name.split()]
            if len(holders) == 1:
                surname[holders[0].name] = e
            elif not holders and e.type == "person":
                alike = [
                    x
                    for x in longer
                    if x.type == "person"
                    and x.name.split()[-1] != e.name
                    and names.transliterated(x.name.split()[-1].lower(), e.name.lower())
                ]
                if len(alike) == 1:
                    respelled[alike[0].name] = e
    joined_away = {x.name for x in respelled.values()}
    for e in entities:
        if e.type not in ("person", "organisation") or e.name in joined_away:
            continue
        if among is not None and e.name not in among:
            continue
        if " " not in e.name and any(e.name in x.name.split() for x in longer):
            continue
        spellings = {e.name, *e.variants}
        sources = set(e.sources)
        for short in (surname.get(e.name), respelled.get(e.name)):
            if short is not None:
                spellings.add(short.name)
                sources |= set(short.sources)
        if (respelling := respelled.get(e.name)) is not None:
            spellings.add(f"{e.name.rpartition(' ')[0]} {respelling.name}")
        longest_first = sorted(spellings, key=len, reverse=True)
        # every article writing one of the names is a source, wherever the name finder
        # counted it ("said Henry Bambang Soelistyo" in a report it missed)
        # (a match holds one of the spellings: a substring test first, ~100x cheaper)
        writing = [
            a
            for a, text in joined.items()
            if a not in sources and any(sp in text for sp in longest_first)
        ]
        if len({family_of.get(a, 0) for a in sentences if a in sources or a in writing}) < least:
            continue  # not two families even if every such article wrote the name
        name = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in longest_first) + r")(?![\w-])"
        )
        sources |= {a for a in writing if name.search(joined[a])}
        ordered = [a for a in sentences if a in sources]
        if len({family_of.get(a, 0) for a in ordered}) < least:
            continue
        found: dict[str, list[tuple[str, Sentence]]] = {}
        own = frozenset(sp.lower() for sp in spellings)
        described: set[str] = set()
        for article in ordered:
            # (the article's text searched once, each match placed in its sentence's line)
            lines = sentences.get(article, ())
            offsets = line_starts.get(article)
            if offsets is None:
                offsets = line_starts[article] = _line_starts(lines)
            for whole in name.finditer(joined[article]):
                k = bisect.bisect_right(offsets, whole.start()) - 1
                s, base = lines[k], offsets[k]
                start, end = whole.start() - base, whole.end() - base
                if _CONTINUED.match(s.text, end):
                    # part of a longer name ("Queen Elizabeth National Park" holds the
                    # misread person "Elizabeth National"): no role is theirs
                    continue
                for role in _roles(s.text, start, end, person=e.type == "person", own=own):
                    if f"\n{role} {whole.group()} ".lower() in names_joined:
                        continue  # the start of another name ("Queen Elizabeth National park")
                    found.setdefault(role.lower(), []).append((role, s))
                # (a title is a few words: only the 80 characters before are searched)
                at = max(0, start - 80)
                if e.type == "person" and (d := _OWNED_ROLE.search(s.text, at, start)):
                    described.add(d.group(1).replace("’", "'"))
        if not found:
            continue
        if described:
            # an article calling them by that owned title alone, no name after it ("The
            # announcement by Malaysia's police chief came ...") tells of them too
            alone = re.compile(
                "(?:"
                + "|".join(re.escape(d).replace("'", "['’]") for d in sorted(described))
                + r")(?![\w'’-]|,?\s+[A-Z])"
            )
            more = {a for a, text in joined.items() if a not in sources and alone.search(text)}
            if more:
                sources |= more
                ordered = [a for a in sentences if a in sources]
        # Roles of one head word are one role in more or fewer words ("the boy's father" /
        # "His father, SSP Francis Manana Nabugyere"): the role most articles give in any of
        # its wordings, then in this one, then the fullest wording of it.
        wordings: dict[str, list[tuple[str, Sentence]]] = {}
        for hits in found.values():
            wordings.setdefault(_head(hits[0][0]), []).extend(hits)
        best = max(
            found.values(),
            key=lambda hits: (
                len({s.article_id for _, s in wordings[_head(hits[0][0])]}),
                len({s.article_id for _, s in hits}),
                len(hits[0][0]),
            ),
        )

        def telling(hit: tuple[str, Sentence]) -> tuple[int, int]:
            return (-len(phrases.lower_stems(hit[1].text) & event_terms), hit[1].index)

        # shown with the sentence giving it (in any wording) that tells most of the event in
        # lower case (what they did in it: "Judge Kurt Engelhardt sentenced the ailing Durst",
        # not "he asked Judge Kurt Engelhardt to speed his transfer"), then the earliest:
        # where a report introduces them
        role = min(best, key=telling)[0]
        best = wordings[_head(role)]
        sentence = min(best, key=telling)[1]
        if any(_same_one(e.name, f.value) and f.about.lower() == role.lower() for f in out):
            continue  # "Svanberg" beside "Carl-Henric Svanberg", both the chairman
        # a family that never gives that role may give another ("police chief Khalid Abu
        # Bakar" / "Inspector-General of Police Khalid Abu Bakar"): shown beside it
        giving = {family_of.get(s.article_id, 0) for _, s in best}
        other = max(
            (
                hits
                for hits in found.values()
                if hits is not best
                and not _words(role) & _words(hits[0][0])
                and {family_of.get(s.article_id, 0) for _, s in hits} - giving
            ),
            key=lambda hits: (len({s.article_id for _, s in hits}), len(hits[0][0])),
            default=None,
        )
        out.append(
            Fact(
                about=role if other is None else f"{role} / {other[0][0]}",
                kind="name",
                value=e.name,
                text=sentence.text,
                sources=tuple(ordered),
                independent_sources=len({family_of.get(a, 0) for a in ordered}),
                status="corroborated",
            )
        )
        if len(out) >= settings.max_role_facts:
            break
    return out


def _line_starts(lines: Sequence[Sentence]) -> list[int]:
    """Where each sentence starts in the article's sentences joined by line breaks."""
    out, at = [], 0
    for s in lines:
        out.append(at)
        at += len(s.text) + 1
    return out


def _roles(
    text: str, start: int, end: int, person: bool = True, own: frozenset[str] | None = None
) -> list[str]:
    """The roles given beside the name at ``text[start:end]``: an apposition after it, a
    title before it. ``own``: the person's spellings (lower case), if known: then a spelling
    written after another capitalised word that makes none of them is in another's name."""
    out = []
    # a short spelling inside another one's name ("de Soultrait" of "Marcy de Soultrait,
    # Arthur's brother") is not the one the apposition is about: no capitalised word just
    # before, but a title ("President Obama, ...") or a sentence's first word
    joined = _JOINED.search(text, max(0, start - 40), start) if own is not None else None
    longer = f"{joined.group(1)} {text[start:end]}".lower() if joined else ""
    if joined and not _titled(joined.group(1)) and not any(o.endswith(longer) for o in own or ()):
        after = None
    else:
        after = _APPOSITION.match(text, end)
    if after:
        phrase = after.group(1)
        tokens = _WORD.findall(phrase)
        # the phrase's head (its last word before "of", "at", "for") must be a role
        head = next(
            (tokens[i - 1] for i, t in enumerate(tokens) if i and t.lower() in _PREPOSITIONS),
            tokens[-1] if tokens else "",
        )
        if (
            tokens
            and len(tokens) <= 10
            and not tokens[0].lower().endswith("ing")  # "serving as minister": a clause
            # ("Nicole Brown Simpson, and her friend Ronald Goldman": the next one's role)
            and tokens[0].lower() not in ("and", "or", "but")
            and not any(t.lower() in _NOT_ROLE for t in tokens)
            and _is_role(head)
        ):
            out.append(phrase)
    # "The 18-year-old friend was identified as Dimitri Olivares": the subject is the role
    named = _IDENTIFIED.search(text, max(0, start - 80), start)
    if named and _is_role(named.group("head")):
        words = [w for w in named.group("role").split() if not any(c.isdigit() for c in w)]
        out.append(" ".join(words))
    # "His father, SSP Francis Manana Nabugyere says": a role owned by someone, a comma, at
    # most two capitalised words (a rank, an honorific) and the name
    owned = _OWNED_BEFORE.search(text, max(0, start - 80), start)
    if owned and person and _is_role(owned.group("head")):
        out.append(owned.group("role"))
    if not text[:start].endswith(" ") or text[:start].rstrip().endswith(","):
        return out
    before = _WORD.findall(text[max(0, start - 80) : start])
    if before and before[-1].lower().strip(".") in _HONORIFICS:
        if not person:
            return out  # "Dr." before an organisation's name: the name is misread
        before.pop()
    if not before:
        return out
    title: list[str] = []
    for token in reversed(before):
        possessive = token.endswith(("'s", "’s"))
        if title and (possessive or not (token[0].isupper() or token.lower() in ("of", "for"))):
            break
        title.insert(0, token)
        if len(title) >= 6:
            break
    while title and (
        title[0].lower() in STOPWORDS
        or title[0].lower() in ("of", "for")
        or title[0].lower().strip(".") in _HONORIFICS
    ):
        title.pop(0)  # "But Assistant U.S. Attorney", "Mr. President"
    # the title's head is its last word or the word before its "of" ("Inspector-General of
    # Police Khalid Abu Bakar"), a title of one stretch, no comma inside ("Rhys Holleran,
    # CEO of Southern Cross" is no title of Southern Cross)
    if not title or title[-1].lower() in ("of", "for"):
        return out  # ("the CEO of Southern Cross": what it is part of, no role of its own)
    linked = [t for k, t in enumerate(title[:-1]) if title[k + 1].lower() in ("of", "for")]
    within = not re.search(r"[,;:()]", text[max(0, start - 80) : start].rpartition(title[0])[2])
    if _is_role(title[-1]) or (linked and _is_role(linked[0]) and within):
        out.append(" ".join(title))
    return out


def _head(role: str) -> str:
    """A role's head word, lower case: its last word before "of", "at", "for" ..., else its
    last ("chief executive of Southern Cross Austereo": executive; "boy's father": father)."""
    tokens = [t.lower().strip(".'’") for t in _WORD.findall(role)]
    return next(
        (tokens[i - 1] for i, t in enumerate(tokens) if i and t in _PREPOSITIONS),
        tokens[-1] if tokens else "",
    )


def _words(role: str) -> set[str]:
    """The words of ``role`` but stop words, a prefixed role also without its prefix: two
    roles sharing one are one role in other words ("chief executive of Southern Cross
    Austereo" / "CEO of Southern Cross Austereo", "Fixer Upper co-star" / "star")."""
    words = {t.lower().strip(".'’") for t in _WORD.findall(role)} - STOPWORDS - {"of", "for"}
    for w in list(words):
        prefix, _, rest = w.partition("-")
        if prefix in _ROLE_PREFIXES and rest:
            words.add(rest)
    return words


# ", the head of Indonesia's search and rescue agency," (dots only inside "U.S.")
_APPOSITION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?((?:[^,;:.()\"“”$\d]|\.(?=\w)){3,80}?)\.?\s*(?=[,;.)]|$)"
)
# A title in lower case owned by a name, right before a person's name (group 1): "Malaysia's
# police chief Khalid Abu Bakar", "Apple's chief executive Tim Cook". One person holds it in
# a story, so a report writing it without the name tells of them too.
_OWNED_ROLE = re.compile(
    r"(?<![\w'’-])([A-Z][\w-]*['’]s(?:\s+[a-z][\w-]*){0,2}?\s+(?:"
    + "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
    + r"))\s+$"
)
_PREPOSITIONS = frozenset("of at for in with from".split())
# a role as the subject, the name after "identified as" / "named as" (group role, its last
# word group head)
_IDENTIFIED = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?P<role>(?:[\w'’-]+\s+){0,3}?"
    r"(?P<head>[a-z][\w-]*))\s+(?:was|is|has been|had been)\s+(?:later\s+)?"
    r"(?:identified|named)\s+as\s+$"
)
# a role owned by a person before the name, after a comma: "His father, SSP Francis Manana
# Nabugyere", "Her lawyer, Mark Geragos", "A foreign ministry spokesman, Geng Shuang, said"
# (group role: the role without "his"/"her"; group head its last word); the sentence's start
# or a clause's before it ("but that her friend, Karen Rand, was killed"); between the comma
# and the name at most a rank or honorific written short ("SSP", "Lt.", "Dr."), not another
# name's first words ("His father, George Washington Chaney" is not David Chaney's)
_OWNED_BEFORE = re.compile(
    r"(?:^|(?<=[.;:,]\s)|(?<=\s[-—–]\s)|(?<=\sand\s)|(?<=\sbut\s)|(?<=\sthat\s))"
    r"(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|An?)\s+"
    r"(?P<role>(?:[a-z][\w-]*\s+){0,2}?(?P<head>[a-z][\w-]*)),\s+(?:\d+-year-old\s+)?"
    r"(?:(?:[A-Z]{2,}|[A-Z][a-z]{0,3}\.)\s+){0,2}$"
)
# a capitalised word right after a name, no punctuation between: the name goes on
# (not a weekday or month: "Judge Kurt Engelhardt Monday sentenced")
_CONTINUED = re.compile(
    r" (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b)[A-Z][a-z]"
)
# the word written just before a name, when capitalised
_JOINED = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*\.?)\s+$")


def _titled(word: str) -> bool:
    """Whether a capitalised word before a name is a title or a function word, not a name."""
    bare = word.lower().strip(".")
    return bare in _HONORIFICS or bare in STOPWORDS or _is_role(word)


def _is_role(token: str) -> bool:
    """A word for one person's role: "chairman", "half-brother", "ex-wife" (a plural is a
    group's, and "husband-wife" describes a couple)."""
    word = token.lower().strip(".'’")
    if word in ROLE_WORDS:
        return True
    prefix, _, rest = word.partition("-")
    return prefix in _ROLE_PREFIXES and rest in ROLE_WORDS


_ROLE_PREFIXES = frozenset("ex co vice half step grand deputy acting".split())


def _same_one(a: str, b: str) -> bool:
    """One name inside the other ("Svanberg" / "Carl-Henric Svanberg")."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return wa <= wb or wb <= wa
