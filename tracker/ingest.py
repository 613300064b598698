"""Ingest: bytes from a file, stdin or a page -> a clean article (title, date, url, text)."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, IngestError
from tracker.rules.boilerplate import (
    BOILERPLATE_RE,
    LINK_MARKUP_RE,
    ORIGINAL_URL_RE,
    RELATED_HEADING_RE,
)

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "IngestError", "ArticleInput", "parse_article"]


@dataclass(frozen=True)
class ArticleInput:
    """A cleaned article ready for the pipeline; offsets point into `text`."""

    title: str
    text: str
    published: dt.date | None
    published_source: str | None  # flag | header | metadata | url | text
    url: str | None
    source_path: str | None

    @property
    def content_hash(self) -> str:
        normal = " ".join(self.text.split()).casefold()
        return hashlib.sha256(normal.encode("utf-8")).hexdigest()


_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
}


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode text honestly: BOMs, then UTF-8, then Windows-1252; refuse binaries."""
    for sig, what in _BINARY_SIGNATURES.items():
        if data.startswith(sig):
            raise IngestError(f"{name}: is {what}, not a text or HTML article")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise IngestError(f"{name}: invalid {enc} text ({exc.reason})") from exc
    if b"\x00" in data:
        raise IngestError(f"{name}: contains NUL bytes; binary files are not articles")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError) as exc:
            raise IngestError(f"{name}: not valid {declared} text as declared") from exc
    # No declaration: Windows-1252 (a superset of Latin-1's printable range) is the usual
    # legacy encoding of English news; broken UTF-8 and binary junk are refused instead.
    if not _UTF8_SEQUENCE_RE.search(data):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
        if text and _looks_like_text(text):
            return text
    raise IngestError(f"{name}: invalid UTF-8 at byte {utf8_error.start} and no encoding declared")


# A UTF-8 lead byte followed by a continuation byte: the file meant to be UTF-8.
_UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:4096])
    return m.group(1).decode("ascii") if m else None


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return controls <= len(text) // 100


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    p = Path(path)
    if not p.exists():
        raise IngestError(f"{path}: no such file")
    if p.is_dir():
        raise IngestError(f"{path}: is a directory")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise IngestError(f"{path}: {size:,} bytes is more than --max-bytes {max_bytes:,}")
        return p.read_bytes()
    except PermissionError as exc:
        raise IngestError(f"{path}: permission denied") from exc
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror})") from exc


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(html|head|body|article)[\s>]", head)
    )


_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
_URL_DATE_RE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


def parse_date_string(value: str) -> dt.date | None:
    """An absolute date string (a header line, a --published value) -> date."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    quick = _month_day_year(value)
    if quick is not None:
        return quick
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MDY_RE = re.compile(
    rf"(?:(?P<m1>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTHS})\.?,?)\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)


def _month_day_year(value: str) -> dt.date | None:
    """ "April 3, 2025" / "3 April 2025" without dateparser (the header date of most articles;
    dateparser costs milliseconds a call). Anything else goes to dateparser."""
    m = _MDY_RE.fullmatch(value)
    if m is None:
        return None
    month = _MONTH_NUMBER[(m["m1"] or m["m2"]).lower()]
    try:
        return dt.date(int(m["y"]), month, int(m["d1"] or m["d2"]))
    except ValueError:
        return None


def date_from_url(url: str | None) -> dt.date | None:
    if not url:
        return None
    m = _URL_DATE_RE.search(url)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# "GENEVA, May 14, 2025 (Reuters) -": a wire dateline with a full date opens the body.
_DATELINE_RE = re.compile(
    rf"^[A-Z][A-Za-z .'-]{{1,40}},\s+((?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}})\b[^\n]{{0,40}}?[-–—]",
    re.IGNORECASE,
)


def date_from_dateline(text: str) -> dt.date | None:
    m = _DATELINE_RE.match(text[:200])
    return parse_date_string(m.group(1)) if m else None


def _join_broken_paragraphs(paragraphs: list[str]) -> list[str]:
    """Re-join a sentence that a scraper split across paragraphs ('...of that post' / 'matched')."""
    out: list[str] = []
    for para in paragraphs:
        if out and not re.search(r"[.!?:\"'”’)\]]\s*$", out[-1]) and para[:1].islower():
            out[-1] = f"{out[-1]} {para}"
        else:
            out.append(para)
    return out


def _is_substantial(line: str) -> bool:
    """A body paragraph: a long line that ends like a sentence (titles and captions do not)."""
    return len(line.split()) >= 12 and bool(re.search(r"[.!?\"'”’)]\s*$", line))


_HEADER_DATE_RE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b",
    re.IGNORECASE,
)


def header_date(line: str) -> dt.date | None:
    """A full date in a header line: "April 03, 2025", "Published 3 April 2025, 10:00"."""
    m = _HEADER_DATE_RE.search(line)
    return parse_date_string(m.group(0)) if m else None


def _is_body_like(line: str) -> bool:
    """A sentence of the article, even a short lede; captions and credits rarely end so."""
    return _is_substantial(line) or (
        len(line.split()) >= 4 and bool(re.search(r"[.!?\"”’]\s*$", line))
    )


def parse_text_article(raw: str, source_path: str | None = None) -> ArticleInput:
    """A plain-text article: title line, optional date line and caption, body, url footer."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    url_match = ORIGINAL_URL_RE.search(raw)
    url = url_match.group(1) if url_match else None
    lines = [LINK_MARKUP_RE.sub(r"\1", ln).strip() for ln in raw.split("\n")]
    paragraphs = [ln for ln in _without_related_lists(lines) if not BOILERPLATE_RE.match(ln)]
    if not paragraphs:
        raise IngestError(f"{source_path or 'input'}: empty article (no text)")
    title = ""
    published: dt.date | None = None
    body_start = 0
    if not _is_substantial(paragraphs[0]):
        # A title line, then a header zone (date line, captions, credits, bylines) that
        # ends at the first line that reads like a sentence of the article.
        title = paragraphs[0]
        body_start = next(
            (i for i, p in enumerate(paragraphs[1:], 1) if _is_body_like(p)), len(paragraphs)
        )
        for para in paragraphs[1:body_start]:
            if published is None and len(para.split()) <= 15:
                published = header_date(para)
    body = _join_broken_paragraphs(paragraphs[body_start:])
    if not body:
        raise IngestError(f"{source_path or 'input'}: no article body found")
    text = "\n\n".join(body)
    source = "header" if published else None
    if published is None and (published := date_from_url(url)):
        source = "url"
    if published is None and (published := date_from_dateline(text)):
        source = "text"
    return ArticleInput(
        title=title or body[0][:80],
        text=text,
        published=published,
        published_source=source,
        url=url,
        source_path=source_path,
    )


def _without_related_lists(lines: list[str]) -> list[str]:
    """Non-empty lines, without a "Related coverage:" heading and the headlines listed under
    it: links to other stories, not this one's news. The list runs to the next blank line,
    or across blank lines while each entry reads as a headline ("RELATED ARTICLES", then
    "Ishiba and Xi agree ... (Nov 16, 2024)" paragraphs)."""
    out: list[str] = []
    in_list = spaced = False
    for ln in lines:
        if not ln:
            spaced = in_list
            in_list = False
        elif RELATED_HEADING_RE.match(ln):
            in_list, spaced = True, False
        elif in_list or (spaced and _headline_like(ln)):
            in_list = in_list or spaced
        else:
            spaced = False
            out.append(ln)
    return out


def _headline_like(line: str) -> bool:
    """A short line that does not end as a sentence does: a listed headline."""
    text = line.strip()
    return len(text.split()) <= 25 and not text.endswith((".", "!", "?", ":", '"', "\u201d"))


# Menus and footers extract as a few words; an article body is longer than this.
MIN_HTML_BODY_WORDS = 15


def _metadata_date(raw: str) -> dt.date | None:
    """The page's own publication date (JSON-LD, meta tags, <time>), never a guess from text."""
    from htmldate import find_date

    try:
        found = find_date(raw, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate raises on odd markup; no date then
        return None
    return dt.date.fromisoformat(found) if found else None


def parse_html_article(
    raw: str, source_path: str | None = None, page_url: str | None = None
) -> ArticleInput:
    """An HTML page through trafilatura: main text, title, canonical URL, and the date from
    metadata, then the URL path, then a dateline."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        raw,
        url=page_url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    if doc is None:
        raise IngestError(f"{source_path or 'input'}: HTML page has no article body")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body_text = (data.get("text") or "").strip()
    if len(body_text.split()) < MIN_HTML_BODY_WORDS:
        raise IngestError(f"{source_path or 'input'}: HTML page has no article body")
    title = (data.get("title") or "").strip()
    paragraphs = [
        ln.strip() for ln in body_text.split("\n") if ln.strip() and not BOILERPLATE_RE.match(ln)
    ]
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the page's <h1> repeats the title
    if not paragraphs:
        raise IngestError(f"{source_path or 'input'}: HTML page has no article body")
    text = "\n\n".join(_join_broken_paragraphs(paragraphs))
    url = data.get("url") or page_url
    published = _metadata_date(raw)
    source = "metadata" if published else None
    if published is None and (published := date_from_url(url)):
        source = "url"
    if published is None and (published := date_from_dateline(text)):
        source = "text"
    return ArticleInput(
        title=title or paragraphs[0][:80],
        text=text,
        published=published,
        published_source=source,
        url=url,
        source_path=source_path,
    )


def parse_article(
    raw: str, source_path: str | None = None, page_url: str | None = None
) -> ArticleInput:
    if not raw.strip():
        raise IngestError(f"{source_path or 'input'}: empty article (no text)")
    if looks_like_html(raw):
        return parse_html_article(raw, source_path, page_url)
    return parse_text_article(raw, source_path)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch_url(
    url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[bytes, str]:
    """GET a page with a timeout and a size limit; returns (body, final URL)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url, headers={"User-Agent": "tracker/0.1 (+news timeline tool)", "Accept": "text/html,*/*"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise IngestError(f"{url}: {int(length):,} bytes is more than --max-bytes")
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise IngestError(f"{url}: more than --max-bytes {max_bytes:,} bytes")
            return body, response.geturl()
    except urllib.error.HTTPError as exc:
        raise IngestError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise IngestError(f"{url}: timed out after {timeout:g} s") from exc
        raise IngestError(f"{url}: cannot fetch ({reason})") from exc
    except TimeoutError as exc:
        raise IngestError(f"{url}: timed out after {timeout:g} s") from exc
