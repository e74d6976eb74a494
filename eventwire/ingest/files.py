"""Story files and streams → text: size limits, encodings, binary refusal, then ``read_text``."""

from __future__ import annotations

import codecs
import datetime as dt
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, InputTooLargeError
from ..records import Document
from .document import read_text

#: One story is rarely over 100 kB; 10 MB leaves room for page dumps while bounding memory.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# BOMs in the order they must be tested (the UTF-32 LE BOM starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Text in any encoding has almost no C0 control bytes; random or compressed data has ~10%.
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_MAX_CONTROL_SHARE_LEGACY = 0.02  # for data that is not valid UTF-8
_MAX_NUL_SHARE = 0.05  # for valid UTF-8: a few stray NULs are cleaned, many mean binary
# Western news outside UTF-8 is nearly always cp1252; prefer it when the detector finds it as likely.
_WESTERN = ("cp1252", "latin_1", "iso8859_15", "iso8859_1")
_BINARY = "binary data, not text; pass a plain-text story (UTF-8 preferred)"


def read_path(path: str | Path, *, published: dt.date | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a story file ('-' for stdin) into a Document, refusing what is not a story."""
    if str(path) == "-":
        return read_stream(sys.stdin.buffer, source="<stdin>", published=published, max_bytes=max_bytes)
    p = Path(path)
    data = read_file_bytes(p, max_bytes)
    text, warnings = decode_bytes(data, str(p))
    return read_text(text, source=str(p), published=published, warnings=warnings)


def read_stream(stream: BinaryIO, *, source: str = "<stdin>", published: dt.date | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one story from a binary stream, reading at most ``max_bytes + 1`` bytes."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(source, _too_large(f"more than {max_bytes:,} bytes", max_bytes))
    text, warnings = decode_bytes(data, source)
    return read_text(text, source=source, published=published, warnings=warnings)


def read_file_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a story file, after checking it exists, is a file and is within the size limit."""
    source = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(source, "no such file; check the path") from None
    except PermissionError:
        raise InputError(source, "permission denied; check the permissions of the file and its folders") \
            from None
    except OSError as exc:
        raise InputError(source, f"cannot read it ({exc.strerror or exc}); check the path") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(source, "is a directory, not a story file; pass a file inside it")
    # Checked before reading so a 50 GB file costs nothing; the bounded read below also covers
    # files that grow meanwhile and devices whose stat size is 0.
    if st.st_size > max_bytes:
        raise InputTooLargeError(source, _too_large(f"{st.st_size:,} bytes", max_bytes))
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(source, "permission denied; check the file's permissions (chmod +r)") from None
    except OSError as exc:
        raise InputError(source, f"cannot read it ({exc.strerror or exc}); check the file") from None
    if len(data) > max_bytes:
        raise InputTooLargeError(source, _too_large(f"more than {max_bytes:,} bytes", max_bytes))
    return data


def _too_large(size: str, max_bytes: int) -> str:
    return (f"{size} is over the limit of {max_bytes:,} bytes for one story; split it, or raise the "
            "limit with --max-bytes (max_bytes= in Python)")


def decode_bytes(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode story bytes: BOMs honoured, UTF-8, else a detected legacy encoding with a warning."""
    if not data.strip():
        raise InputError(source, "empty: no text to code; skip this input or check how it was exported")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), ()
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {encoding} byte-order mark but is not {encoding}; "
                                 "re-save it as UTF-8") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if text.count("\x00") > _MAX_NUL_SHARE * len(text):
            raise InputError(source, _BINARY)
        return text, ()
    if sum(b in _CONTROL_BYTES for b in data) > _MAX_CONTROL_SHARE_LEGACY * len(data):
        raise InputError(source, _BINARY)
    text, encoding = _decode_legacy(data)
    return text, (f"{source}: not UTF-8; decoded as {encoding} (re-save as UTF-8 to be sure)",)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """(text, encoding) for bytes that are not UTF-8: charset-normalizer, then cp1252, then latin-1."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if matches:
        least_chaos = min(m.chaos for m in matches)
        calm = [m for m in matches if m.chaos <= least_chaos]
        # The detector often ranks a Baltic or Central European code page first for Western text
        # that decodes identically in cp1252; prefer cp1252 whenever it is among the calmest guesses.
        if any(enc in _WESTERN for m in calm for enc in [m.encoding, *m.could_be_from_charset]):
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass
        best = matches[0]
        if best.encoding not in ("ascii", "utf_8"):
            return str(best), best.encoding
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"

