"""Uploads read straight off the request stream into ``<home>/uploads/<id>/``: no temporary file elsewhere.

Starlette's form parser spools every file part over 1 MB to the system temporary folder, where a raw document
would sit outside the home, survive a crash and escape the start-up clean-up. Here each file part is written
as it arrives into its checked name inside a new private upload folder (``app.uploads``), with the per-file
size limit counted on the way; any failure (a bad name, a file too large, a broken or cut-off body) removes
the folder before the error goes out.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from app.uploads import UploadError, safe_upload_name

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

MAX_FIELD_BYTES = 64 * 1024  # every plain form field together (the groups list)


@dataclass
class ReceivedUploads:
    folder: Path
    names: list[str]  # in the order sent
    fields: dict[str, str] = field(default_factory=dict)


class _Sink:
    """The parser's callbacks: headers of each part, then its bytes to a file or a field."""

    def __init__(self, folder: Path, max_file_bytes: int) -> None:
        self.folder = folder
        self.max_file_bytes = max_file_bytes
        self.names: list[str] = []
        self.fields: dict[str, str] = {}
        self._field_bytes = 0
        self._header_field = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._out: BinaryIO | None = None
        self._field: tuple[str, bytearray] | None = None
        self._written = 0

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": lambda d, s, e: self._add("_header_field", d[s:e]),
            "on_header_value": lambda d, s, e: self._add("_header_value", d[s:e]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }

    def _add(self, attr: str, data: bytes) -> None:
        setattr(self, attr, getattr(self, attr) + data)

    def _part_begin(self) -> None:
        self._headers = {}
        self._out, self._field, self._written = None, None, 0

    def _header_end(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field, self._header_value = b"", b""

    def _headers_finished(self) -> None:
        disposition, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if disposition != b"form-data" or b"name" not in options:
            raise UploadError("a part of the upload has no form-data name")
        part_name = options[b"name"].decode("utf-8", "replace")
        if b"filename" not in options:
            self._field = (part_name, bytearray())
            return
        name = safe_upload_name(options[b"filename"].decode("utf-8", "replace"))
        if name in self.names:
            raise UploadError("two uploaded files have the same name")
        if not self.folder.exists():
            self.folder.mkdir(mode=0o700)
        target = self.folder / name
        if target.resolve().parent != self.folder.resolve():  # belt and braces after the name checks
            raise UploadError(f"file name escapes the upload folder: {name!r}")
        self._out = os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        self.names.append(name)

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        piece = data[start:end]
        if self._out is not None:
            self._written += len(piece)
            if self._written > self.max_file_bytes:
                limit = f"{self.max_file_bytes / 1024 / 1024:.0f} MB"
                raise UploadError(f"{self.names[-1]}: larger than the limit of {limit}", too_large=True)
            self._out.write(piece)
        elif self._field is not None:
            self._field_bytes += len(piece)
            if self._field_bytes > MAX_FIELD_BYTES:
                raise UploadError("the form fields are too large")
            self._field[1].extend(piece)

    def _part_end(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        elif self._field is not None:
            name, value = self._field
            self.fields[name] = value.decode("utf-8", "replace")
            self._field = None

    @property
    def in_part(self) -> bool:
        return self._out is not None or self._field is not None

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


def _feed(parser: MultipartParser, chunk: bytes | None) -> None:
    """One chunk to the parser (None: the end); a malformed body is an ``UploadError``."""
    try:
        if chunk is None:
            parser.finalize()
        else:
            parser.write(chunk)
    except MultipartParseError as exc:
        raise UploadError(f"the upload is not a valid multipart body ({exc})") from exc


async def receive_uploads(
    content_type: str, chunks: AsyncIterator[bytes], root: Path, max_file_bytes: int
) -> ReceivedUploads:
    """Parse a ``multipart/form-data`` body from ``chunks`` into a new folder under ``root``: all or none."""
    kind, options = parse_options_header(content_type.encode("latin-1", "replace"))
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadError("send the files as multipart/form-data")
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = root / uuid.uuid4().hex[:12]
    sink = _Sink(folder, max_file_bytes)
    parser = MultipartParser(boundary, sink.callbacks())
    try:
        async for chunk in chunks:
            if chunk:
                _feed(parser, chunk)
        _feed(parser, None)
        if sink.in_part:
            raise UploadError("the upload was cut off before its end")
        if not sink.names:
            raise UploadError("no files were uploaded")
    except BaseException:
        sink.close()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return ReceivedUploads(folder, sink.names, sink.fields)
