"""Cleaning: take page chrome, bylines, captions and repeats out of an article's text.

Scraped news arrives wrapped in site furniture ("Skip to main content", share counters, comment
forms) and with captions and headlines repeated. Left in, these become "sentences" that the
summariser can pick and that make unrelated pages look alike. Every line taken out is recorded
as a :class:`~newsfuse.models.RemovedLine`, so a removal can always be audited.

The rules are deliberately one-sided: a line goes only if a rule says what it is (chrome,
byline, caption, date line, repeat...). Anything that reads like a sentence of news and matches
no rule stays.
"""

from __future__ import annotations

import re

from newsfuse.fusion.text import MONTH_PATTERN
from newsfuse.models import Article, RemovedLine
from newsfuse.settings import DEFAULT, CleanSettings

# --- text normalisation --------------------------------------------------------------------

_WS = r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]"
# Only runs that need changing (a non-plain space, or two or more): most spaces are left alone.
_SPACES = re.compile(rf"[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]{_WS}*| {_WS}+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# AP wire text (DUC 2004) writes a dash as a spaced underscore: "parties _ previously bitter
# rivals _ to form". It is a dash, not a word: written as one (same length), before any line
# rule reads the text, as tokenised text is restored.
_AP_DASH = re.compile(r"(?<=\S )_(?= \S)")


def split_lines(text: str) -> list[str]:
    """Non-empty lines of ``text``, whitespace-normalised, with NEWLINE_CHAR tokens as breaks
    and tokenised text (Penn Treebank style) written back as prose."""
    # Multi-News writes line breaks as this token: markup, not text, so it is converted and
    # not recorded as a removal. The spaces around it go with the line-end strip.
    text = text.replace("NEWLINE_CHAR", "\n")
    text = restore_tokens(_SPACES.sub(" ", _INVISIBLE.sub("", text)))
    if " _ " in text:
        text = _AP_DASH.sub("—", text)
    return [line for raw in text.splitlines() if (line := raw.strip())]


# --- tokenised text ----------------------------------------------------------------------------
# Research corpora (ECB+, Timeline17, parts of DUC) ship text run through a Penn Treebank
# tokenizer: "BP 's shares fell -LRB- 3 % -RRB- , he said ." Left so, every later stage sees
# odd words ("'s", "-LRB-") and the brief quotes them. The tokenizer's rules are few and
# invertible, so they are inverted here; nltk's TreebankWordDetokenizer does part of this but
# leaves -LRB-, glues quotes to the wrong side and costs 2 s to import.

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_BRACKET_TOKEN = re.compile(r"-[LR][RSC]B-")
# A text is tokenised when most commas and full stops stand apart from their word.
_TOKENISED_MIN = 3
_TOKENISED_SHARE = 0.5
# (pattern, replacement, a literal the pattern needs: a cheap test before the regex runs).
# Patterns open on a literal where they can: Python's regex engine only skips ahead fast then.
_DETOKENISE: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern, re.MULTILINE), replacement, hint)
    for pattern, replacement, hint in (
        (r"\\([/*])", r"\1", "\\"),  # PTB escapes "/" and "*" as "\/" and "\*"
        # split clitics: "do n't", "BP 's"
        (r" (?<=\w )(?=(?:n't|N'T|'[sSmMdD]|'re|'RE|'ve|'VE|'ll|'LL)\b)", "", " "),
        (r"(?<!\S)` (?=\w)", "‘", "` "),  # ` opens a single quote ...
        (r" '(?<=[\w.,!?] ')(?=\s|$|[,.;:!?)])", "’", " '"),  # ... ' closes it
        (r" ([,.;:!?%]+)(?=\s|$|[”’)\]])", r"\1", " "),  # "mess , he said ." -> "mess, he said."
        (r"([(\[{]) ", r"\1", " "),
        (r" ([)\]}])", r"\1", " "),
        (r"([$£€¥#]) (?=\d)", r"\1", " "),  # "$ 50 billion"
        (r"\.\.(?=\s|$)", ".", ".."),  # "U.S. ." (the tokenizer doubles a final abbreviation)
        (r" (?=\.\.\.)(?<=\w )", "", " ..."),
    )
)
# "http : / / music . example . com / a - b": a URL taken apart at every separator. Pieces
# after " . " must start lower-case or with a digit, so a sentence end is not swallowed.
_SPACED_URL = re.compile(
    r"\b(?:https?|ftp) : / / [\w~%+-]+(?: (?:[./_?=&#:-]|\. (?=[a-z0-9])) [\w~%+-]+| [/-](?= |$))*"
    r"|\bwww \. [\w~%+-]+(?: (?:[/_?=&#:-]|\.(?= [a-z0-9])) [\w~%+-]+| /(?= |$))*"
)
# Hyphens split off their words ("90 - day court - mandated"): only a text that never writes a
# hyphen inside a word had them split.
_SPLIT_HYPHEN = re.compile(r" - (?<=[a-z0-9] - )(?=[a-z0-9])")
_WORD_HYPHEN = re.compile(r"[A-Za-z0-9]-[A-Za-z0-9]")
# `` and '' are also used as quote marks in untokenised newswire (DUC 2004's AP and NYT text),
# and a pair of single backticks by some machine translations (`useless`): news prose has no
# other use for a backtick.
_LATEX_QUOTES = (
    (re.compile(r"``\s?"), "“"),
    (re.compile(r"\s?''(?!')"), "”"),
    (re.compile(r"(?<![`\w])`(?! )([^`\n]{1,300}?)(?<! )`(?![`\w])"), r"“\1”"),
)


def is_tokenised(text: str) -> bool:
    """Whether ``text`` was run through a word tokenizer: brackets as -LRB-, split clitics, or
    most commas and full stops standing apart from the word before them."""
    if _BRACKET_TOKEN.search(text) or text.count(" 's ") + text.count(" n't ") >= 2:
        return True  # split clitics ("BP 's", "do n't") are the tokenizer's too
    spaced = sum(text.count(f" {mark}{after}") for mark in ",." for after in " \n")
    spaced += text.endswith((" .", " ,"))
    total = text.count(",") + text.count(".")
    return spaced >= _TOKENISED_MIN and spaced >= _TOKENISED_SHARE * total


def restore_tokens(text: str) -> str:
    """``text`` with tokenizer output written back as prose: "BP 's shares -LRB- 3 % -RRB- ,"
    becomes "BP's shares (3%),". Text that is not tokenised is returned as it is, but for
    LaTeX-style quote marks (two backticks, two apostrophes), which become curly quotes."""
    if "`" in text or "''" in text:
        for pattern, replacement in _LATEX_QUOTES:
            text = pattern.sub(replacement, text)
    if not is_tokenised(text):
        return text
    for token, bracket in _BRACKETS.items():
        text = text.replace(token, bracket)
    split_hyphens = " - " in text and not _WORD_HYPHEN.search(text)
    if " : / / " in text or "www . " in text:
        text = _SPACED_URL.sub(lambda m: m.group().replace(" ", ""), text)
    if split_hyphens:
        text = _SPLIT_HYPHEN.sub("-", text)
    for pattern, replacement, hint in _DETOKENISE:
        if hint in text:
            text = pattern.sub(replacement, text)
    return text


# --- chrome patterns -------------------------------------------------------------------------

_MONTH = MONTH_PATTERN

_NAME = r"[A-Z][\w.'’-]*"
_NAMES = rf"{_NAME}(?: {_NAME})?(?:(?:,| and) {_NAME}(?: {_NAME})?)*"  # "Jane Doe and John Roe"

# (reason, pattern), matched at the start of a line (re.match, case-insensitive unless a
# pattern says (?-i:...)). Most also end in $, so a pattern describes a whole line and cannot
# catch a sentence that merely mentions "subscribe" or "photo".

_URL_SEP = r"[/.\-_?=&#:~%+]"
_URL_TOKEN = r"[^\s/.\-_?=&#:~%+]+"
# Every part ends at a separator and is followed by a token, so a line splits one way only:
# no backtracking blow-up on a long line of slashes.
_SPACED_URL_LINE = (
    rf"(?:https?\s?:\s?/\s?/\s?|www\s?\.\s?){_URL_TOKEN}"
    rf"(?:\s?{_URL_SEP}+\s?{_URL_TOKEN})*(?:\s?{_URL_SEP}+)?$"
)

_START_RULES: tuple[tuple[str, str], ...] = (
    # comment forms
    (
        "comments prompt",
        r"(?:leave a (?:reply|comment)|be the first to comment|no comments(?: yet)?"
        r"|post a comment|add a comment|join the (?:conversation|discussion)|\d+ comments?)[.!]?$",
    ),
    (
        "comments prompt",
        r"your email address will not be published|required fields are marked"
        r"|please enable javascript to view the comments|have something to add to this story\?"
        # a site's policy on comments: "We welcome comments that advance the story through ..."
        r"|we welcome (?:your )?comments\b|(?:the )?comments (?:to|on) this \w+ (?:are|have been) closed"
        r"|comments (?:are|have been) closed\b",
    ),
    # boilerplate of social embeds, video players and web archives
    (
        "page chrome",
        r"(?:tweet with a location|add a location to your tweets)$"
        r"|you can add location information to your tweets"
        r"|when you tweet with a location, twitter stores|we've detected that javascript is disabled"
        r"|the interactive transcript could not be loaded"
        r"|rating is available when the video has been rented"
        r"|this feature is not available right now"
        r"|sorry, the page you requested (?:was not|could not be) found"
        r"|starting in 1996, alexa internet has been donating"
        r"|these crawls are part of an effort to archive pages"
        r"|interested in .{1,80}\? add .{1,80} as an interest"
        r"|help spread the word!|share this (?:article|story)\b"
        r"|dow jones reprints|(?:please )?(?:enable|turn on) javascript\b"
        r"|avatar of \S.{0,40}$|story highlights$|topics?: ",
    ),
    (
        "video chrome",
        r"media playback is unsupported on your device|just watched\b"
        r"|embed more news videos\b|video loading\b|(?-i:CLOSE) (?-i:[A-Z])"
        r"|scroll down for video|watch (?:the )?(?:full )?(?:video|clip)s? below|watch below"
        r"|on a mobile device\? click",
    ),
    ("social embed", r"a post shared by .{1,80}\(@\w+\)"),
    # links to other stories
    (
        "related link",
        r"\[?(?:related(?: video| story| stories| content| coverage| articles?"
        r"| news coverage)?|read more|see also|also read|more|videos?|watch|listen|full coverage"
        r"|(?-i:PHOTOS?))\s*(?::|$)",
    ),
    ("related link", r">>|read or share this story:|click (?:here|to|for)\b"),
    ("link", r"(?:https?://|www\.)\S+$"),  # a bare address: the page's own or another's
    # ... or one spaced out by a tokeniser whose text was joined back only in part
    # ("http: / / www. example. com / news - story / 874560 /"): spaces only at separators
    ("link", _SPACED_URL_LINE),
    # a whole line in brackets, or a labelled one in parentheses: an inline link to a story
    (
        "related link",
        r"\[[^\[\]]{3,200}\]$|\((?:(?-i:[A-Z]{3,}[A-Z ]*)|also on [^:()]{1,30}):"
        r"[^()]{1,150}\)$|\([^()]{1,80}\bfull coverage\)$|more from [^.]{1,40}:?$",
    ),
    # prompts to subscribe or follow
    ("subscribe prompt", r"(?:subscribe|sign up)\b|get (?:daily|the latest)\b.{0,60}\binbox"),
    (
        "social prompt",
        r"(?:and )?(?:follow|like|find) (?:us|\S+(?: \S+){0,4}) on "
        r"(?:twitter|facebook|instagram|google\+)"
        r"|(?:follow|like) (?:us|\S+(?: \S+){0,3}) (?:@\w+|at http)"
        r"|for (?:more|the latest)\b.{0,80},? follow (?:us|@\w+|\S+ on twitter)"
        r"|(?:twitter:? )?@\w+\.?$|(?:https?://)?(?:www\.)?twitter\.com/\w+/?$",
    ),
    ("copyright notice", r"copyright\b|©|\(c\) \d{4}"),
    # a widget's heading that ends on its link to more: "Most Popular Stories More>>"
    ("related link", r"(?:\S+ ){0,12}(?:more|see all|view all)\s*(?:>>|»|›)\s*$"),
    # credits and contact lines at the foot of an article
    (
        "credit",
        r"\(?(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b"
        r"|contributing:|information from:|originally published (?:on|in|by|at)\b"
        r"|an expanded version of this (?:report|story|article) appears"
        r"|\(this (?:version|story|article) (?:has been |was )?(?:corrects?|updated?|adds?)",
    ),
    # "Bacon reported from McLean, Va."
    ("credit", r"(?-i:" + _NAMES + r") (?:reported|contributed) from [^.]{1,60}\.?$"),
    (
        "contact line",
        r"(?:contact|write to|e-?mail|reach) (?-i:[A-Z])[\w.'’ -]{0,60}(?: at|:) "
        r"[^ ]{0,60}(?:@|\d{3}-\d{4})|to reach .{1,60}, (?:call|e-?mail|write)\b"
        r"|\S+@\S+\.[a-z]{2,}$",
    ),
    # bylines: "By Jane Doe, Reuters", "Libby Hogan reports.", "— Nicole Santa Cruz at City Hall"
    (
        "byline",
        r"(?:(?:written|posted|story|words) )?by:? (?-i:(?:" + _NAME + r"|and|&|de|van|von)"
        r"(?:[ ,]+(?:" + _NAME + r"|and|&|de|van|von|in|of|the)){0,9})\.?$",
    ),
    ("byline", r"(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}) (?:reports|reporting)\.?$"),
    ("byline", r"(?:--|—|–) ?(?-i:[A-Z][\w.'’-]+ [A-Z][\w.'’-]+)[^.]{0,60}$"),
    # captions and credits of pictures
    (
        "photo caption",
        r"(?-i:FILE) ?[-—–] |\(?in this (?:\w+ ){0,3}(?:photo|image)\b"
        r"|image (?:copyright|caption)\b|view images?\b|enlarge (?:this )?image\b|\d+ of \d+\. "
        r"|this (?:\w+ ){0,2}(?:photo|image|picture) (?:provided|released|taken)\b"
        # "Nicholas Kamm/AFP ...", but not a dateline's "WASHINGTON (CBSDC/AP) — ..."
        r"|getty images (?-i:[A-Z])|[^.(]{0,60}/ ?(?:getty images|afp|ap|reuters|epa)\b",
    ),
    # "Photo: <caption>" but not "Photo: GoFundMe <a whole paragraph of the article>"
    ("photo caption", r"(?:photo|picture|image)s?: (?=\S)(?!(?:\S+ ){40})"),
    (
        "photo credit",
        r"\(?(?:photo(?:graph)?s?|image|picture|illustration|pic|listing image"
        r"|(?:image|photo) credit|credit)(?: by|:) [^.]{1,80}\)?\.?$"
        r"|courtesy(?: of)? [^.]{1,60}$|getty(?: images)?(?: \(\d+\))?$",
    ),
    (
        "photo credit",
        r"(?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4} ?/ ?[A-Z][\w.'’&-]*"
        r"(?:[ /][A-Z][\w.'’&-]*){0,5})(?: for [^.]{1,40})?$",
    ),
)

# (reason, pattern) searched anywhere in a line of at most _PHRASE_MAX_CHARS: phrases no news
# sentence uses.
_PHRASE_RULES: tuple[tuple[str, str], ...] = (
    ("page chrome", r"\byour browser does not support\b|\bwe[’']d like to hear from you\b"),
    ("subscribe prompt", r"\bnever miss a (?:local )?story\b|\bthank you for subscribing\b"),
    ("copyright notice", r"\ball rights reserved\b"),
    (
        "credit",
        r"\bcontributed (?:to this (?:report|article|story)|reporting)\b"
        r"|\bthe opinions expressed are (?:his|her|their) own\b",
    ),
    ("contact line", r"\b(?:may|can) be reached at\b"),
    ("comments prompt", r"\breport abuse\b"),
    (
        "subscribe prompt",
        r"\bstay up to date with .{1,60} via these feeds\b|\bvia (?:these|our) feeds\b",
    ),
    ("related link", r"\(opens in new window\)$|(?-i:\bRead more)\s*[»›>]*$"),
)
_PHRASE_MAX_CHARS = 600
# Literal words one of which every phrase rule needs: a cheap test before the regexes run.
_PHRASE_HINTS = (
    "browser",
    "hear from",
    "never miss",
    "subscri",
    "sign",
    "reserved",
    "contributed",
    "opinions",
    "reached at",
    "new window",
    "read more",
    "cookie",
    "abuse",
    "feeds",
)

# Pairs of words that, together in one line, make a prompt rather than news.
_SUBSCRIBE_VERB = re.compile(r"\b(?:sign(?:ing)? up|subscrib(?:e|ing))\b", re.IGNORECASE)
_SUBSCRIBE_NOUN = re.compile(
    r"\b(?:newsletters?|inbox|e-?mail alerts?|free trial|digital access|privacy policy)\b",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:we use|(?:site|website) uses|accept|consent|cookie policy|cookie settings"
    r"|by (?:continuing|using))\b",
    re.IGNORECASE,
)

# A photo credit ending a caption ("... (Photo: X/AP)", "... (Jane Doe/Getty Images)",
# "... Photo: Yonhap.", "... [Photo/Xinhua]"). A bare "(Reuters)" is attribution, not a credit.
_CAPTION_TAIL = re.compile(
    r"(?:\((?:photo|image|picture|credit)s?\b[^()]{0,80}\)"
    r"|\([^()]{0,80}(?:\bgetty\b|\bstaff photographer\b|\bphoto(?:graph)?\b"
    r"|(?-i:[A-Za-z.] ?/ ?[A-Z]))[^()]{0,60}\)"
    r"|\[(?:photo|image)[^\]]{0,60}\]"
    r"|\bphoto(?:graph)?:\s*[^.()]{1,60}\.?)\s*$",
    re.IGNORECASE,
)
_CAPTION_TAIL_CHARS = 160  # the tail pattern is anchored at the end: look only there

# A picture's credit inside a line the cleaner keeps: "... died at the scene. AP Photo/Richard
# Vogel", "(AP Photo/Evan Vucci)", "(Photo: Mike Groll AP) Story Highlights ...", "Reuters/Kim
# Hong-Ji", "Nicholas Kamm/AFP". Who took the picture is the page's, not the story's: no actor
# of the event. A dateline's "(CBSDC/AP)" names no person and stays.
# The photo agencies whose name closes or opens a credit ("X/AP", "Reuters/X"), as a regex
# fragment: entities reads credits with the same list.
PHOTO_AGENCIES = (
    r"(?:AP|AFP|Reuters|EPA|Xinhua|Yonhap|AAP|Getty Images|Getty|Associated Press|Shutterstock)"
)
_AGENCY_NAME = PHOTO_AGENCIES
_PERSON = r"(?:[A-Z]\.|[A-Z][\w'’-]+)(?: (?:[A-Z][\w.'’-]*|de|van|von|del|da)){1,3}"
_INNER = r"(?:[^()]|\([^()]{1,40}\))"  # "(Photo: Jane Doe, The (Wilmington, Del.) News Journal)"
_CREDIT_IN_LINE = re.compile(
    r"(?:\s*\((?:[^()]{0,40}\b)?(?:photo(?:graph)?s?|image|picture|credit)\b ?[/:]"
    + _INNER
    + r"{1,80}\)"
    r"|\s*\((?-i:[^()]{0,40}(?:Getty Images|staff photographer)|[^()/]{0,40} [^()/]{0,40}/ ?"
    + _AGENCY_NAME
    + r"\b)"
    r"[^()]{0,40}\))(?:\s*\((?-i:" + _AGENCY_NAME + r")\))?"
    r"|(?-i:(?<![\w/])(?:"
    + _AGENCY_NAME
    + r" ?(?:Photo|PHOTO)s? ?/ ?(?:Courtesy of )?[A-Z][\w.'’-]*"
    r"(?: [A-Z][\w.'’-]*){0,3}|"
    + _AGENCY_NAME
    + r" ?/ ?"
    + _PERSON
    + r"|"
    + _PERSON
    + r" ?/ ?"
    + _AGENCY_NAME
    + r"\b)(?![\w/]))",
    re.IGNORECASE,
)
_NEXT_LOWER = re.compile(r" [a-z]")
_CREDIT_HINT = re.compile(r"/|photo|image|picture|credit|getty", re.IGNORECASE)


def _cut_credits(line: str) -> tuple[str, list[str]]:
    """``line`` without the pictures' credits inside it, and the credits cut."""
    if not _CREDIT_HINT.search(line):
        return line, []
    cut: list[str] = []
    kept: list[str] = []
    at = 0
    for m in _CREDIT_IN_LINE.finditer(line):
        credit, end = m.group(), m.end()
        if not credit.endswith(")"):
            # "AP Photo/Dave Martin As oil ...": a name's last word before a lower-case word
            # opens the next sentence
            while _NEXT_LOWER.match(line, end) and " " in credit[credit.rfind("/") :].strip():
                cut_at = credit.rfind(" ")
                end -= len(credit) - cut_at
                credit = credit[:cut_at]
        kept.append(line[at : m.start()])
        cut.append(credit.strip())
        at = end
    if not cut:
        return line, []
    kept.append(line[at:])
    return _SPACES.sub(" ", "".join(kept)).strip(" ,"), cut


# A video's credit closing its caption, and the page's stamp after it: "... Ted Chen reports
# from Santa Ana for the NBC4 News at 5 p.m. on Feb. 19, 2013. (Published Wednesday, Feb. 20,
# 2013)", "NBC10's Jane Doe has the details.". Who filed the clip for which programme is the
# page's, not the story's; the caption's news before it stays, and so does the stamp: it may
# be the only date a page gives (see dates.publication_date).
_CREDIT_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_PUBLISHED_STAMP = r"\((?:Published|Updated|Posted) [^()]{6,60}\)"
_CREDIT_TAIL = re.compile(
    rf"(?:(?:^|(?<=[.!?\"”)] ))(?:(?:{_CREDIT_NAME}['’]s )?{_CREDIT_NAME} (?:"
    rf"reports?(?: live)?(?: from {_CREDIT_NAME}(?:, {_CREDIT_NAME})?)? for (?:the )?[A-Z0-9]"
    r"(?![^()]*\bthat\b)[^()]{0,100}?|(?:has|had) (?:the|more on the) (?:story|details|report)\.?))"
    rf"(?:\s*(?P<stamp>{_PUBLISHED_STAMP}))?)\s*$"
)
_CREDIT_TAIL_CHARS = 240  # anchored at the end: look only there

# A "from other sites" widget: headlines each followed by a dash, its age and the next outlet's
# name ("... doctor raid - 9 hrs ago Miami Herald ..."), or the line's end.
_LINK_AGE = re.compile(
    r"\s[-\u2013\u2014]\s+\d{1,3}\s+(?:mins?|minutes?|hrs?|hours?|days?)\s+ago"
    r"(?:\s+(?-i:[A-Z])|\W*$)"
)


def _combine(rules: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    pattern = "|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(rules))
    return re.compile(pattern, re.IGNORECASE), {f"r{i}": r for i, (r, _) in enumerate(rules)}


_START_RE, _START_REASON = _combine(_START_RULES)
_PHRASE_RE, _PHRASE_REASON = _combine(_PHRASE_RULES)

# --- structural rules ----------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NUMBER = re.compile(r"\d[\d.,]*[kmsh]?", re.IGNORECASE)

# Words that, on their own, can only make a line of site furniture. A line made of nothing
# else ("Skip to main content", "Share Tweet Email", "Story continues below advertisement")
# cannot be news, whatever site it came from.
_UI_WORDS = frozenset(
    """skip jump main content navigation menu search home global international edition breaking
    news advertisement advertisements advertising ad ads sponsored promoted continue continues
    continued reading read below above more story stories article articles related coverage
    you might may also like recommended popular trending top page share shares shared sharing
    tweet tweets post email e-mail print save copy link links facebook twitter pinterest
    linkedin whatsapp reddit google instagram youtube messenger comment comments reply replies
    leave view views show hide close open expand next previous prev back listen audio video
    videos photo photos image images gallery slideshow enlarge toggle caption captions play
    playing replay watch now text size font subscribe subscription subscribers sign log login
    register newsletter newsletters follow full here click tap loading see get app alerts
    cookies accept privacy policy terms duration min mins minute minutes sec likes retweets
    reads updated update posted exclusive live opinion sections section""".split()
)
_FILLER_WORDS = frozenset(
    "a an the to of on in at this that our your us with for and or by up out is".split()
)
_COUNT_WORDS = frozenset("share shares views likes comments retweets reads".split())

_DATE_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun am pm a m p et edt est ct cdt
    cst pt pdt pst mt mdt mst gmt utc bst cet cest ist jst kst hkt z t st nd rd th published
    updated posted first last modified on at date time of""".split()
)
_MONTH_WORDS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)

_MENU_SEPARATOR = re.compile(r"\s+[|•·»›>/]\s+")
_SENTENCE_END = re.compile(r"""[.!?:;,"”’'»)\]…]$""")
# Two sentences in one line: a word of two lowercase letters, a full stop, a capital.
_TWO_SENTENCES = re.compile(r"[a-z]{2}[.!?]\s+[A-Z\"“]")
_TRAILING_COUNT = re.compile(r"\s+\d{1,4}$")
_END_PUNCTUATION = " .,;:!?\"'“”‘’()[]«»*-–—"
_HAS_ALNUM = re.compile(r"[^\W_]")

# "SEOUL (Reuters) - ", "PHNOM PENH, Cambodia (AP) _ ", "WASHINGTON — ", "(CNN) -- ",
# "Sycamore, Illinois (CNN) ", "SEOUL, June 17 (Reuters) -".
_PLACE = r"[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]+){0,3}"
_REGION = r"(?:, [A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,2})"
_DAY = rf"(?:, (?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? \d{{4}})?)"
_AGENCY = r"\([A-Z][A-Za-z0-9./&'’ -]{0,30}\)"  # (AP), (CBS13/AP), (CBSDC/AP)
# Without a dash after it, only a known wire's name marks a dateline ("Hun Sen (CPP) Party...").
_WIRE = (
    r"\((?:AP|AFP|Reuters|UPI|Bloomberg|dpa|DPA|Xinhua|BBC|Kyodo|Yonhap|EFE|ANSA|PTI|IANS|TASS"
    r"|Interfax|CNN[A-Za-z ]{0,12}|CBS[A-Za-z.]{0,10}|NBC[A-Za-z.]{0,10}|ABC[A-Za-z.]{0,10})\)"
)
_DASH = r" ?(?:--|[-—–_]|>>) ?"
_DATELINE = re.compile(
    rf"^(?:{_PLACE}{_REGION}?{_DAY}?(?: ?{_AGENCY})?{_DASH}"
    rf"|(?:{_PLACE}|{_TITLE_PLACE}){_REGION}?{_DAY}? ?{_WIRE}(?:{_DASH}| )"
    rf"|{_WIRE}(?:{_DASH}| ))"
    r"(?=[A-Z0-9\"“‘'])"
)

# Chrome glued to the front of a line of text: strip it, keep the text.
_PREFIX = re.compile(r"^(?:story highlights|advertisement)\s+(?=[A-Z0-9\"“‘'])", re.IGNORECASE)

# A page's time stamp glued to the front of the text, with the place or author before a pipe:
# "LOS ANGELES | Mon May 24, 2010 11:02 pm EDT ...", "Susan Watts | 18:00 UK time, Saturday,
# 25 April 2009 ...", "8 November 2011 Last updated at 14:07 GMT Help ...", "Page last updated at
# 05:27 GMT, Tuesday, 27 September 2011 06:27 UK ...". It dates the page
# (see dates.publication_date) and is not text.
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_CLOCK = r"\d{1,2}[:.]\d{2}(?: ?[apAP]\.?[mM]\.?)?|\d{1,2} ?[apAP]\.?[mM]\.?"
_ZONE = r"(?:UK(?: time)?|[A-Z]{1,3}[SD]?T|GMT|UTC|BST)"
_TIME = rf"(?:{_CLOCK})(?: {_ZONE})?"
_FULL_DATE = (
    rf"(?P<date>(?:{_MONTH}) \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}} (?:{_MONTH}),? \d{{4}})"
)
STAMP = re.compile(
    r"^(?:(?P<lead>[^|]{1,120}?) ?\| ?"
    rf"|(?P<headline>[^|]{{10,150}}?) (?=\d{{1,2}} {_MONTH} \d{{4}} Last updated at))?"
    rf"(?P<stamp>(?:(?:page )?last updated(?: at)?:? )?(?:{_TIME},? )?(?:{_WEEKDAY},? )?"
    rf"{_FULL_DATE}(?:,? (?:at )?{_TIME})?(?: (?:last )?updated(?: at)?:? {_TIME})?)"
    # a server-side include that failed leaves its message on the page
    r"(?: Help| \(an error occurred while processing this directive\))?\s+(?=[A-Z0-9\"“‘'(])",
    re.IGNORECASE,
)
_HAS_CLOCK = re.compile(_CLOCK)
# A reader comment's header ("At 2:10 pm on 02 Jun 2009, ghostofsichuan wrote: ..."): the
# comments close a blog page, so this line and every line after it are the readers', not the
# report's (a comment's own dates and figures would otherwise become the event's).
_COMMENT_HEADER = re.compile(
    rf"^At {_CLOCK} on (?:\d{{1,2}} {_MONTH}|{_MONTH} \d{{1,2}}),? \d{{4}} ?, \S+ wrote ?:"
)

# Other furniture glued to the front of the text: a section label ("Article | What do you call
# ...") or a photo credit left from the caption above ("Photograph: Gerald Herbert/AP Underwater
# robots dived ..."). (reason, pattern).
_GLUED: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "page chrome",
        re.compile(
            r"^(?:article|video|photos?|gallery|opinion|analysis|blog|live|news)\s*\|\s*"
            r"(?=[A-Z0-9\"“‘'])",
            re.IGNORECASE,
        ),
    ),
    (
        "photo credit",
        re.compile(
            r"^(?i:photograph|photo|picture|image)s?:? ?[A-Z][\w.'’-]*(?: [\w.'’-]+){0,3}"
            r"(?: ?/ ?[A-Z][\w.&'’-]*(?: [Ii]mages)?)+\s+(?=[A-Z0-9\"“‘'])"
        ),
    ),
)
_GLUED_MIN_REST = 20  # what follows must be text, not another label


def time_stamp(line: str) -> re.Match[str] | None:
    """The page time stamp opening ``line`` (group ``date`` is its date), or None. Without a
    pipe before it, a stamp must carry a clock time: "June 5, 2010 The oil ..." may be text."""
    m = STAMP.match(line)
    if m is None or len(line) < m.end() + _GLUED_MIN_REST:
        return None
    if not (m.group("lead") or m.group("headline")) and not _HAS_CLOCK.search(m.group("stamp")):
        return None
    return m


def _glued_prefix(line: str, top: bool) -> list[tuple[str, str]]:
    """(reason, text) of each piece of chrome glued to the front of ``line``, in order; the
    rest of the line is text. A headline glued before a stamp comes back as "headline". Time
    stamps are looked for only at the ``top`` of a page; credits anywhere."""
    m = time_stamp(line) if top else None
    if m is not None:
        if m.group("headline"):
            cut = m.end("headline")
            return [("headline", line[:cut].strip()), ("dateline", line[cut : m.end()].strip())]
        return [("dateline", line[: m.end()].strip())]
    for reason, pattern in _GLUED:
        g = pattern.match(line)
        if g and len(line) >= g.end() + _GLUED_MIN_REST:
            return [(reason, line[: g.end()].strip())]
    return []


# A heading glued to the first sentence of the body: the scrape lost the line break between
# a page's title, photo caption, byline or time stamp and the text ("Cleaning up the BP spill
# While the technology required ...", "Case study: Gulf of Mexico oil spill and BP On 20 April
# 2010 a deepwater oil well exploded ..."). The seam is a sentence-opening function word
# written with a capital in mid-line, after a word that ends no clause and is not itself a
# function word, and before a word in lower case or a number (so "worked for The Washington
# Post" and a Title Case headline's "With South" are no seams), with a sentence after it.
_OPENERS = frozenset(
    """a an the this that these those it its his her their our there here he she they we
    while when whenever after before as at on in for from with by during despite although
    though since until if once but yet so according last earlier today yesterday tonight more
    most many some several one two three four five six seven eight nine ten dozens hundreds
    thousands""".split()
)
_NOT_BEFORE_SEAM = _OPENERS | frozenset(
    "of and or to said says is was are were be been has have had will would can could not".split()
)
_DAY_OR_MONTH = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
_SENTENCE_CLOSE = re.compile(r"""[.!?]["'”’)]?$""")
_SEAM_MIN_BEFORE = 3  # words of the heading, at least
# ... and at most: a title is short. A longer opening before such a seam is a standfirst or a
# caption written as a sentence ("Experts suspect swine flu has killed more than 100 people in
# Mexico As international ..."): cutting those too cost Timeline17's align+ m:1 ROUGE-1 0.122
# -> 0.119 and date F1 0.634 -> 0.631 (at 10 words: 0.120 and 0.634).
_SEAM_MAX_BEFORE = 10
_SEAM_MIN_AFTER = 8  # words of the sentence after it, at least
_ACRONYM_MAX = 3  # "BP", "US": an all-capitals word this long may end a heading ("FINDING" not)


def _glued_heading(line: str) -> tuple[str, str] | None:
    """(heading, text) when ``line`` opens with a heading glued onto its first sentence,
    else None. A heading written twice ("Title Title Text...") is the heading too."""
    words = line.split(" ")
    for n in range(_SEAM_MIN_BEFORE, min(_SEAM_MAX_BEFORE, len(words) // 2) + 1):
        if (
            words[:n] == words[n : 2 * n]
            and len(words) - 2 * n >= _SEAM_MIN_AFTER
            and not _SENTENCE_CLOSE.search(words[n - 1])  # a sentence said twice is text
        ):
            return " ".join(words[: 2 * n]), " ".join(words[2 * n :])
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return None
    for i in range(_SEAM_MIN_BEFORE, min(_SEAM_MAX_BEFORE + 1, len(words) - _SEAM_MIN_AFTER)):
        word, before, after = words[i], words[i - 1], words[i + 1]
        if not word[:1].isupper() or word.lower() not in _OPENERS:
            continue
        if not before[-1:].isalnum() or before.lower() in _NOT_BEFORE_SEAM:
            continue
        if before.isupper() and len(before) > _ACRONYM_MAX:
            continue
        if not (after[:1].islower() or after[:1].isdigit() or after.lower() in _DAY_OR_MONTH):
            continue
        text = " ".join(words[i:])
        if not _SENTENCE_CLOSE.search(text):
            continue
        long_words = [w for w in words[i:] if len(w) > 3 and w[:1].isalpha()]
        if sum(w[0].isupper() for w in long_words) > 0.5 * len(long_words):
            continue  # Title Case on: still the heading
        return " ".join(words[:i]), text
    return None


def _heading_reason(heading: str) -> str:
    """What a glued heading is: a time stamp, a byline, or a title or caption."""
    if _HAS_CLOCK.search(heading) or _structural_reason(heading, _TOKEN.findall(heading)):
        return "date line"
    if heading.startswith("By "):
        return "byline"
    return "headline"


_HEADLINE_MAX_WORDS = 20
_DATELINE_LINES = 5  # a dateline is looked for in this many first lines of the body
# What follows a dateline must be text: "LONDON (Reuters) - BP Plc (BP." is (the tokenizer
# split "(BP.L)"), "WASHINGTON — Reuters" is not.
_DATELINE_MIN_REST = 8
_STAMP_LINES = 6  # ... and a page's time stamp in this many first lines of the page
_STRUCTURAL_MAX_WORDS = 16
_FRAGMENT_MAX_WORDS = 4


def _key(line: str) -> str:
    """What two lines must share to count as the same line (case and end punctuation aside)."""
    return line.casefold().strip(_END_PUNCTUATION)


def _undouble(line: str) -> str | None:
    """The half of a line that is one string written twice ("Title 3Title 3"), else None."""
    n = len(line)
    if n < 20:
        return None
    half = n // 2
    for cut in (half, half + 1):  # "X X" (odd length, a space between) or "XX"
        a, b = line[:cut].rstrip(), line[cut:].lstrip()
        if a == b and a:
            return a
    return None


def _structural_reason(line: str, words: list[str]) -> str | None:
    """Reason for a line that is only UI words, only a date, only counters, or a menu."""
    if not words or len(words) > _STRUCTURAL_MAX_WORDS:
        return None
    parts = _MENU_SEPARATOR.split(line)
    if len(parts) >= 3 and all(0 < len(p.split()) <= 3 for p in parts):
        return "page chrome"  # "Home | World | Sport"
    lowered = [w.lower() for w in words]
    # Dates first: "May 03, 2013" is a date, though "may" is also a word of "you may also like".
    if all(w in _DATE_WORDS or w.isdigit() or _NUMBER.fullmatch(w) for w in lowered):
        has_year = any(w.isdigit() and len(w) == 4 for w in lowered)
        if has_year and any(w in _MONTH_WORDS for w in lowered):
            return "date line"
    if all(w in _UI_WORDS or w in _FILLER_WORDS or _NUMBER.fullmatch(w) for w in lowered):
        if any(w in _UI_WORDS for w in lowered):
            has_count = any(w in _COUNT_WORDS for w in lowered) and any(c.isdigit() for c in line)
            return "counter" if has_count else "page chrome"
        return None
    return None


def _chrome_reason(line: str) -> str | None:
    """Why ``line`` is not article text, if a rule says so; None for a line to keep."""
    if not _HAS_ALNUM.search(line):
        return "separator"
    m = _START_RE.match(line)
    if m:
        return _START_REASON[m.lastgroup or ""]
    low = line.lower()
    if len(line) <= _PHRASE_MAX_CHARS and any(hint in low for hint in _PHRASE_HINTS):
        m = _PHRASE_RE.search(line)
        if m:
            return _PHRASE_REASON[m.lastgroup or ""]
        if _SUBSCRIBE_VERB.search(line) and _SUBSCRIBE_NOUN.search(line):
            return "subscribe prompt"
        if _COOKIE.search(line) and _COOKIE_CONTEXT.search(line):
            return "cookie notice"
    if _CAPTION_TAIL.search(line, max(0, len(line) - _CAPTION_TAIL_CHARS)):
        return "photo caption"
    if _LINK_AGE.search(line):
        return "links to other sites"
    if line.count(" ") < _STRUCTURAL_MAX_WORDS:
        return _structural_reason(line, _TOKEN.findall(line))
    return None


def _is_headline(line: str) -> bool:
    """A title-like line: short, not a sentence, not a dateline."""
    words = line.split()
    n = len(words)
    if not 3 <= n <= _HEADLINE_MAX_WORDS or _DATELINE.match(line) or _TWO_SENTENCES.search(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'"):
        return False
    end = line.rstrip("\"”’')]»")[-1:]
    if end in ".,;:":
        return False
    if n <= 12:
        return True
    # Longer lines only if Title Cased, or with neither a comma nor a question: a long line
    # with commas is more likely a lead sentence that lost its full stop.
    capitalised = sum(w[0].isupper() for w in words if len(w) > 3)
    long_words = sum(len(w) > 3 for w in words)
    return capitalised >= 0.6 * long_words or ("," not in line and end not in "?!")


_MAX_CHARS_PER_WORD = 12  # English averages about 6 characters a word with its space


def _head(text: str, max_chars: int) -> tuple[str, str]:
    """``text`` cut at the last line break before ``max_chars`` (or at ``max_chars``)."""
    if len(text) <= max_chars:
        return text, ""
    cut = text.rfind("\n", 0, max_chars)
    cut = cut if cut > 0 else max_chars
    return text[:cut], text[cut:]


def _within(lines: list[str], max_words: int) -> tuple[list[str], list[str]]:
    """``lines`` cut after ``max_words`` words: the lines read and those left unread (a line
    that crosses the limit is cut, as a text on one line may be the whole 5 MB)."""
    total = 0
    for i, line in enumerate(lines):
        n = line.count(" ") + 1
        if total + n > max_words:
            head = line.split(" ", max_words - total)
            unread = head.pop() if len(head) > max_words - total else ""
            read = [*lines[:i], " ".join(head)] if head else lines[:i]
            return read, [unread, *lines[i + 1 :]] if unread else lines[i + 1 :]
        total += n
    return lines, []


def is_headline(line: str) -> bool:
    """Whether ``line`` reads as a title (short, not a sentence, not a dateline)."""
    return _is_headline(line)


def clean(article: Article, settings: CleanSettings = DEFAULT.clean) -> Article:
    """Return ``article`` with ``clean_text`` (paragraphs joined by "\\n"), ``removed_lines``,
    and ``title`` taken from the headline when the article had none. Only the first
    ``settings.max_words`` words are read; one removed line says what was left unread."""
    # (line number, removal): sorted at the end so the audit reads in document order.
    removed: list[tuple[int, RemovedLine]] = []
    kept: list[tuple[int, str]] = []
    stamp_at: int | None = None  # the line opened by a "PLACE | date" strip: the body starts
    glued_title: str | None = None
    # Normalising and restoring a 5 MB text costs seconds: only a head that surely holds
    # max_words words is, and the rest is counted.
    head, tail = _head(article.text, settings.max_words * _MAX_CHARS_PER_WORD)
    read_lines, unread = _within(split_lines(head), settings.max_words)
    tail_lines = [line for line in tail.splitlines() if line.strip()]
    if unread or tail_lines:
        # One record for the lot: a 5 MB dump would otherwise add 50,000 lines to the brief.
        lines = len(unread) + len(tail_lines)
        words = sum(line.count(" ") + 1 for line in unread) + len(tail.split())
        first = (unread or tail_lines)[0].strip()
        summary = f"{first[:80]}... ({lines} lines, {words} words not read)"
        removed.append((len(read_lines), RemovedLine(text=summary, reason="over the length limit")))
    comments_at: int | None = None  # the first reader comment: the page's text ends there
    for i, line in enumerate(read_lines):
        if comments_at is None and _COMMENT_HEADER.match(line):
            comments_at = i
        if comments_at is not None:
            removed.append((i, RemovedLine(text=line, reason="reader comment")))
            continue
        single = _undouble(line)
        if single is not None:
            half = line[len(single) :].strip()
            removed.append((i, RemovedLine(text=half, reason="duplicate line")))
            line = single
        if glued := _glued_prefix(line, top=i < _STAMP_LINES):
            for glued_reason, text in glued:
                removed.append((i, RemovedLine(text=text, reason=glued_reason)))
                line = line[len(text) :].lstrip()
                if glued_reason == "headline":
                    glued_title = glued_title or text
            reason_of_last, text_of_last = glued[-1]
            if reason_of_last == "dateline" and "|" in text_of_last and stamp_at is None:
                stamp_at = i
        if credit := _CREDIT_TAIL.search(line, max(0, len(line) - _CREDIT_TAIL_CHARS)):
            # the stamp stays: it may be the only date the page gives (a caption's day)
            stamp = credit.group("stamp") or ""
            credit_text = (
                credit.group()[: credit.start("stamp") - credit.start()]
                if stamp
                else credit.group()
            )
            removed.append((i, RemovedLine(text=credit_text.strip(), reason="byline")))
            line = f"{line[: credit.start()].rstrip()} {stamp}".strip()
            if not line:
                continue
        reason = _chrome_reason(line)
        if not reason and (m := _PREFIX.match(line)):
            removed.append((i, RemovedLine(text=m.group().strip(), reason="page chrome")))
            line = line[m.end() :]
            reason = _chrome_reason(line)
        if reason:
            removed.append((i, RemovedLine(text=line, reason=reason)))
        else:
            kept.append((i, line))

    title = article.title or glued_title
    headline_keys: set[str] = set()
    if title:
        headline_keys.add(_key(title))
    start = 0
    if len(kept) > 1 and (_is_headline(kept[0][1]) or _key(kept[0][1]) in headline_keys):
        at, headline = kept[0]
        keys = {_key(line) for _, line in kept[1:]}
        trimmed = _TRAILING_COUNT.sub("", headline)
        if trimmed != headline and _key(trimmed) in keys:
            # "Headline 3": a comment counter glued on by the scrape
            count = headline[len(trimmed) :].strip()
            removed.append((at, RemovedLine(text=count, reason="counter")))
            headline = trimmed
        removed.append((at, RemovedLine(text=headline, reason="headline")))
        headline_keys.add(_key(headline))
        if not title:
            title = headline
        start = 1

    body: list[str] = []
    seen: set[str] = set()
    dateline_seen = False
    for at, line in kept[start:]:
        if (
            settings.cut_glued_headings
            and not body
            and not _DATELINE.match(line)
            and (glued_heading := _glued_heading(line))
        ):
            heading, line = glued_heading
            reason = _heading_reason(heading)
            if reason == "headline" and title and _key(heading) not in headline_keys:
                reason = "caption or heading"  # the page has its title: this is another
            removed.append((at, RemovedLine(text=heading, reason=reason)))
            if reason == "headline" and not title:
                title = heading
        key = _key(line)
        if key in headline_keys:
            reason = "headline"
        elif stamp_at is not None and at < stamp_at:
            # Above a page's "PLACE | date" strip stand only the headline and photo captions.
            reason = "caption above the dateline"
        elif key in seen:
            reason = "duplicate line"
        elif len(line.split()) <= _FRAGMENT_MAX_WORDS and not _SENTENCE_END.search(line):
            # A few words with no sentence punctuation: a section heading or a widget label.
            reason = "short fragment"
        elif (
            not dateline_seen
            and len(body) < _DATELINE_LINES
            and (m := _DATELINE.match(line))
            and len(line) > m.end() + _DATELINE_MIN_REST
        ):
            # The wire's "PLACE (Agency) -" opens the body, sometimes after a highlight or two,
            # and some pages write it twice ("WASHINGTON -- WASHINGTON (AP) -- Early ...").
            while m is not None and len(line) > m.end() + _DATELINE_MIN_REST:
                removed.append((at, RemovedLine(text=m.group().strip(), reason="dateline")))
                line = line[m.end() :]
                m = _DATELINE.match(line)
            reason, dateline_seen = None, True
        else:
            reason = None
        if not reason:
            seen.add(key)
            line, credits = _cut_credits(line)
            removed.extend((at, RemovedLine(text=c, reason="photo credit")) for c in credits)
            reason = _chrome_reason(line) if credits and line else None
            if not line:
                continue
        if reason:
            removed.append((at, RemovedLine(text=line, reason=reason)))
        else:
            body.append(line)

    removed.sort(key=lambda item: item[0])  # stable: same-line removals keep their order
    return article.model_copy(
        update={
            "clean_text": "\n".join(body),
            "removed_lines": tuple(r for _, r in removed),
            "title": title,
        }
    )
