"""Web pages in, articles out: ``https://...`` fetched with httpx, main text by trafilatura.

Every fetch has a timeout, a size limit counted while the body streams in (a huge response is
never held whole), a redirect limit with loop detection, and a User-Agent, all from
:class:`~newsfuse.settings.FetchSettings`. Whatever goes wrong (no connection, a timeout, an
HTTP error, a binary or non-HTML response, an oversized body, a redirect loop) is a
:class:`FetchError` with a one-line reason, which the readers turn into a
:class:`~newsfuse.models.Skipped` naming the URL; the rest of the batch goes on.

The network is injectable: pass an ``httpx.Client`` (or an ``httpx`` transport, e.g.
``httpx.MockTransport``) and nothing else is contacted.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfuse.models import Article
from newsfuse.settings import DEFAULT, FetchSettings
from newsfuse.sources.files import MAX_TEXT_BYTES

if TYPE_CHECKING:  # httpx is imported when a URL is fetched, not by `import newsfuse`
    import httpx

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"
_SCHEMES = ("http://", "https://")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cms)$", re.I)


class FetchError(Exception):
    """A URL that could not be used; ``str(error)`` is the one-line reason."""


@dataclass(frozen=True)
class Fetched:
    """A successful response: the final URL (after redirects), its media type and body."""

    url: str
    content_type: str  # lower-case media type without parameters; "" when the server sent none
    charset: str | None
    body: bytes

    @property
    def is_feed(self) -> bool:
        if self.content_type in FEED_TYPES:
            return True
        # Many servers send feeds as text/html or text/plain: the root element tells.
        return self.content_type not in HTML_TYPES and bool(_FEED_ROOT.search(self.body[:2048]))


def is_url(source: object) -> bool:
    """Whether a source given on the command line is a web address, not a path."""
    return isinstance(source, str) and source.lower().startswith(_SCHEMES)


def make_client(
    settings: FetchSettings = DEFAULT.fetch, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """The client :func:`get` uses when none is given: the settings' timeout and User-Agent."""
    import httpx

    return httpx.Client(
        transport=transport,
        timeout=settings.timeout,
        headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT},
        follow_redirects=False,  # followed by get(), which counts them and sees loops
    )


def get(url: str, client: httpx.Client, settings: FetchSettings = DEFAULT.fetch) -> Fetched:
    """Fetch ``url`` within the limits of ``settings``; raise :class:`FetchError` otherwise."""
    import httpx

    chain = [url]
    current = url
    for _ in range(settings.max_redirects + 1):
        if not settings.allow_private:
            check_public(current)  # every hop: a public page may redirect to 127.0.0.1
        try:
            nxt, fetched = _get_once(current, client, settings)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {settings.timeout:g} s")
        except httpx.UnsupportedProtocol:
            raise FetchError("not an http:// or https:// address")
        except httpx.InvalidURL as e:
            raise FetchError(f"invalid address: {_one_line(e)}")
        except httpx.ConnectError as e:
            raise FetchError(f"cannot connect: {_one_line(e) or 'connection failed'}")
        except httpx.HTTPError as e:  # protocol errors, a connection dropped midway, ...
            raise FetchError(f"{type(e).__name__}: {_one_line(e)}")
        if fetched is not None:
            return fetched
        assert nxt is not None
        if nxt in chain:
            raise FetchError(f"redirect loop: {' -> '.join([*chain, nxt])}")
        chain.append(nxt)
        current = nxt
    raise FetchError(f"too many redirects (more than {settings.max_redirects})")


def check_public(url: str) -> None:
    """Raise :class:`FetchError` unless every address ``url``'s host resolves to is public.

    Loopback, private (10/8, 192.168/16, fc00::/7...), link-local (169.254/16, where cloud
    metadata answers), multicast and reserved addresses are refused, IPv4 inside IPv6 included.
    The name is resolved here and again by the HTTP client, so a DNS server answering
    differently the second time could still get through: this guards against the URLs users
    type, not against a hostile resolver.
    """
    import httpx

    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as e:
        raise FetchError(f"invalid address: {_one_line(e)}")
    host = parsed.host
    if not host:
        raise FetchError("invalid address: no host")
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as e:
            raise FetchError(f"cannot resolve {host}: {_one_line(e)}")
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]
    for address in addresses:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            # "localhost is ... (127.0.0.1)", but "127.0.0.1 is ..." once
            shown = host if host.strip("[]") == str(address) else f"{host} ({address})"
            raise FetchError(
                f"refused: {shown} is a private, loopback or link-local address; "
                "only public addresses are fetched here (newsfuse serve --allow-private allows them)"
            )


def _get_once(
    url: str, client: httpx.Client, settings: FetchSettings
) -> tuple[str | None, Fetched | None]:
    """One request: (next URL, None) for a redirect, (None, response) for the page."""
    deadline = time.monotonic() + settings.timeout
    headers = {"User-Agent": settings.user_agent, "Accept": _ACCEPT}
    with client.stream(
        "GET", url, headers=headers, follow_redirects=False, timeout=settings.timeout
    ) as r:
        if r.is_redirect:
            if r.next_request is None:
                raise FetchError(f"HTTP {r.status_code} redirect without a Location")
            return str(r.next_request.url), None
        if r.status_code >= 400:
            raise FetchError(f"HTTP {r.status_code} {r.reason_phrase}".rstrip())
        if r.status_code != 200:
            raise FetchError(f"HTTP {r.status_code} {r.reason_phrase}: no page".rstrip())
        content_type = r.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type and not _acceptable(content_type):
            raise FetchError(f"not an HTML page or a feed (content type {content_type})")
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError(_too_large(int(declared), settings.max_bytes))
        chunks: list[bytes] = []
        size = 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > settings.max_bytes:
                raise FetchError(_too_large(None, settings.max_bytes))
            if time.monotonic() > deadline:  # a server trickling bytes defeats the read timeout
                raise FetchError(f"timed out after {settings.timeout:g} s (body still arriving)")
            chunks.append(chunk)
        body = b"".join(chunks)
        if not body.strip():
            raise FetchError("empty response")
        if b"\x00" in body[:8192]:
            raise FetchError("binary content, not an HTML page or a feed")
        return None, Fetched(str(r.url), content_type, r.charset_encoding, body)


def _acceptable(content_type: str) -> bool:
    # text/plain: a feed served as it, or an article in plain text (as a .txt file is).
    return content_type in HTML_TYPES or content_type in FEED_TYPES or content_type == "text/plain"


def page_article(fetched: Fetched, requested: str) -> Article:
    """The article in an HTML response, its main text extracted by trafilatura; a plain-text
    response is the article's text as it is, as a ``.txt`` file is."""
    if fetched.content_type == "text/plain" and not _looks_like_html(fetched.body):
        return _text_article(fetched, requested)
    if fetched.content_type not in HTML_TYPES and not _looks_like_html(fetched.body):
        raise FetchError(f"not an HTML page (content type {fetched.content_type or 'none'})")
    html = decode(fetched.body, fetched.charset)
    import trafilatura
    from trafilatura.settings import set_date_params

    try:
        # The same extraction as for .html files: dates from metadata and markup only.
        doc = trafilatura.bare_extraction(
            html,
            url=fetched.url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=set_date_params(False),
        )
    except Exception as e:  # a third-party parser on untrusted input: no failure may escape
        raise FetchError(f"could not extract text from the page ({type(e).__name__})")
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FetchError("no article text found in the page")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise FetchError(f"too large: the limit is {MAX_TEXT_BYTES / 1e6:g} MB of article text")
    from newsfuse.sources.files import _parse_date

    published = _parse_date(getattr(doc, "date", None))
    return Article(
        id=url_id(fetched.url),
        text=text,
        title=_str(getattr(doc, "title", None)),
        url=fetched.url,
        source=_str(getattr(doc, "sitename", None)) or _host(fetched.url),
        published=published,
        published_from="metadata" if published else None,
        origin=requested,
    )


def _text_article(fetched: Fetched, requested: str) -> Article:
    if len(fetched.body) > MAX_TEXT_BYTES:
        raise FetchError(f"too large: the limit is {MAX_TEXT_BYTES / 1e6:g} MB of article text")
    text = decode(fetched.body, fetched.charset).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FetchError("empty response")
    return Article(
        id=url_id(fetched.url),
        text=text,
        url=fetched.url,
        source=_host(fetched.url),
        origin=requested,
    )


def decode(body: bytes, charset: str | None) -> str:
    """Text of a response: its declared charset, else UTF-8, else the page's <meta> charset."""
    for name in (charset, "utf-8"):
        if name:
            try:
                return body.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
    m = _CHARSET.search(body[:4096])
    if m:
        try:
            return body.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return body.decode("cp1252", errors="replace")  # the web's de-facto default


def url_id(url: str) -> str:
    """A readable, stable article id for a URL: host and last path segment.

    ``https://www.example.com/world/kaesong-office.html`` -> ``example.com/kaesong-office``;
    a query string adds a short hash of the whole URL, since it is what tells pages apart.
    """
    import httpx

    u = httpx.URL(url)
    segments = [s for s in u.path.split("/") if s]
    last = ""
    while segments and not last:
        last = _PAGE_SUFFIX.sub("", segments.pop())
        if last.lower() in ("index", "default", "article", "story"):
            last = ""
    ident = f"{_host(url)}/{last}" if last else _host(url)
    if u.query:
        ident += "-" + hashlib.sha1(url.encode()).hexdigest()[:8]
    return ident


def normalise_url(url: str) -> str:
    """``url`` without its #fragment, which never changes the page fetched."""
    return url.split("#", 1)[0]


def _host(url: str) -> str:
    import httpx

    host = httpx.URL(url).host
    return host.removeprefix("www.") or url


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head or b"<body" in head or b"<p" in head


def _str(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _one_line(e: BaseException) -> str:
    # "[Errno 111] Connection refused" -> "Connection refused": the number says nothing more.
    return re.sub(r"\[Errno -?\d+\]\s*", "", " ".join(str(e).split()))


def _too_large(size: int | None, limit: int) -> str:
    got = f" ({size / 1e6:.1f} MB)" if size is not None else ""
    return f"response too large{got}: the limit is {limit / 1e6:g} MB"
