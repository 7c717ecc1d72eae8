"""Read an XML activity file (GPX, TCX) incrementally, in bounded memory.

`xml_events(data, root, paths)` decodes the file's bytes chunk by chunk, feeds the
text to the standard library's parser (`xml.etree.ElementTree.XMLParser`, expat)
and yields an `XmlEvent` for the start (with the attributes) and the end (with the
text, as `Element.text` has it) of each element whose path was asked for. The
parser's target keeps only the open elements' paths and the events of the current
chunk: no element tree is built, and memory is bounded by the chunk size, not by
the file's (nor is the file decoded into one string).

An `XMLPullParser` (or `iterparse`) clearing each element once read does the same
at twice the cost: every element of the file, extensions and all, becomes an
object and two events read in Python; with the target, expat calls back directly
and only the elements asked for make events.

A path is the elements' names from the root, joined by `/` (`gpx/trk/trkseg/trkpt`).
A name is the local name for an element in the root's namespace or in none, and
the whole `{namespace}name` otherwise (an extension's element never matches a path
of the format); with `any_namespace`, every element goes by its local name.

The rejections are those of a whole-document parse: content that does not start
with `<` once a UTF-8 BOM and leading blanks are dropped (Strava writes blanks
before the declaration of its TCX files), or whose root is not `root` (or does
not begin within the first `PROLOG_BYTES`), is `unsupported`; an encoding that is unknown, or bytes it cannot decode, or malformed
XML is `corrupt`. The encoding is the one the XML declaration names (UTF-8
otherwise), decoded with Python's codecs as before, so latin-1 and the other
single- and multi-byte encodings read as they did.

Safety: the stdlib parser is used (`defusedxml` is not part of Home Assistant): the
expat it is built on (2.4 and later) limits entity expansion and never fetches
external entities. A document type with an internal subset (where entities are
declared) is not even parsed: its root is not recognised, so the file is
`unsupported`, as it was when the whole text was checked first.
"""

from __future__ import annotations

import codecs
from collections.abc import Collection, Iterator
import re
from typing import NamedTuple
import xml.etree.ElementTree as ET

from .base import FileRejectedError, Reason, root_name

PROLOG_BYTES = 1024 * 1024
"""The first bytes, decoded at once: the root element must begin within them."""
CHUNK_BYTES = 64 * 1024
"""Bytes decoded and parsed at a time after the first `PROLOG_BYTES`."""

_BOM = b"\xef\xbb\xbf"
_BLANKS = re.compile(rb"\s*")
_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _content_start(data: bytes) -> int:
    """Return where the XML starts, past a BOM and blanks; reject non-XML."""
    start = len(_BOM) if data.startswith(_BOM) else 0
    blanks = _BLANKS.match(data, start)
    start = blanks.end() if blanks else start
    if data[start : start + 1] != b"<":
        raise FileRejectedError(Reason.UNSUPPORTED)
    return start


def _decoder(data: bytes, start: int) -> codecs.IncrementalDecoder:
    """Return a strict decoder for the encoding the XML declaration names."""
    match = _ENCODING.match(data, start)
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        codec = codecs.lookup(encoding)
    except LookupError as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    # As bytes.decode: bytes-to-bytes codecs (base64, zlib...) are no text encoding.
    if not getattr(codec, "_is_text_encoding", True):
        raise FileRejectedError(Reason.CORRUPT)
    return codec.incrementaldecoder(errors="strict")


def _text_chunks(data: bytes, root: str) -> Iterator[str]:
    """Yield the document's text chunk by chunk, after checking its root."""
    start = _content_start(data)
    decoder = _decoder(data, start)
    position, first = start, True
    while position < len(data):
        chunk = data[position : position + (PROLOG_BYTES if first else CHUNK_BYTES)]
        position += len(chunk)
        try:
            text = decoder.decode(chunk, final=position >= len(data))
        except UnicodeError as err:
            raise FileRejectedError(Reason.CORRUPT) from err
        if first and root_name(text) != root:
            raise FileRejectedError(Reason.UNSUPPORTED)
        first = False
        yield text


class XmlEvent(NamedTuple):
    """An element's start, with its attributes, or its end, with its text."""

    start: bool
    path: str
    attrib: dict[str, str]
    """The element's attributes, at its start (empty at its end)."""
    text: str | None
    """At its end, the text before its first child (as `Element.text`), or None."""


class _Node:
    """An element path seen in the document, and the paths of its children."""

    __slots__ = ("children", "path", "wanted")

    def __init__(self, path: str, wanted: bool) -> None:
        self.path = path
        self.wanted = wanted
        self.children: dict[str, _Node] = {}


class _Target:
    """The parser's target: follows the open elements, keeps the events asked for.

    Nothing else of the document is kept: no element objects are built.
    """

    def __init__(self, paths: Collection[str], any_namespace: bool) -> None:
        self.paths = paths
        self.any_namespace = any_namespace
        self.open = [_Node("", wanted=False)]  # a top, then the open elements
        self.home = ""  # the root's namespace
        self.events: list[XmlEvent] = []
        self.texts: list[list[str]] = []  # of the open elements asked for
        self.text: list[str] | None = None  # taking data: before a first child

    def _child(self, parent: _Node, tag: str) -> _Node:
        if len(self.open) == 1 and tag[:1] == "{":
            self.home = tag[1:].partition("}")[0]
        name = tag
        if tag[:1] == "{":
            namespace, _, local = tag[1:].partition("}")
            if self.any_namespace or namespace == self.home:
                name = local
        path = f"{parent.path}/{name}" if parent.path else name
        node = parent.children[tag] = _Node(path, path in self.paths)
        return node

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        parent = self.open[-1]
        node = parent.children.get(tag) or self._child(parent, tag)
        self.open.append(node)
        self.text = None
        if node.wanted:
            self.events.append(XmlEvent(True, node.path, attrib, None))
            self.text = []
            self.texts.append(self.text)

    def data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def end(self, tag: str) -> None:
        node = self.open.pop()
        self.text = None  # what follows is a tail
        if node.wanted:
            text = self.texts.pop()
            self.events.append(XmlEvent(False, node.path, {}, "".join(text) or None))

    def close(self) -> None:
        """End of the document: nothing to return."""

    def take(self) -> list[XmlEvent]:
        """Return the events gathered so far, and forget them."""
        events, self.events = self.events, []
        return events


def xml_events(
    data: bytes,
    root: str,
    paths: Collection[str],
    *,
    any_namespace: bool = False,
) -> Iterator[XmlEvent]:
    """Yield the start and the end of every element whose path is in `paths`.

    Raise `FileRejectedError` for a file that is not XML with that root, or is
    malformed (see the module docstring).
    """
    target = _Target(paths, any_namespace)
    # Not defusedxml (absent from Home Assistant): see the module docstring.
    parser: ET.XMLParser[None] = ET.XMLParser(target=target)  # noqa: S314
    for text in _text_chunks(data, root):
        try:
            parser.feed(text)
        except ET.ParseError as err:
            raise FileRejectedError(Reason.CORRUPT) from err
        yield from target.take()
    try:
        parser.close()
    except ET.ParseError as err:
        raise FileRejectedError(Reason.CORRUPT) from err
    yield from target.take()


__all__ = ["CHUNK_BYTES", "PROLOG_BYTES", "XmlEvent", "xml_events"]
