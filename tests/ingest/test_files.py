"""read_path / read_stream: encodings, limits and every kind of bad input, plus the shared files."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from eventwire.errors import InputError, InputTooLargeError
from eventwire.ingest import DEFAULT_MAX_BYTES, read_path, read_stream
from eventwire.records import PartKind
from tests.conftest import SEED, SHARED, needs_shared

STORY = ("Freedonia and Sylvania agree to talks\n"
         "The foreign minister of Frédônia met his Sylvanian counterpart on Monday and said both "
         "sides agreed to resume talks.\n")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        STORY.encode("utf-8"),
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        STORY.encode("utf-16"),  # with its BOM
        STORY.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        STORY.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_unicode_files_decode_without_warnings(tmp_path: Path, data: bytes) -> None:
    doc = read_path(_write(tmp_path, "story.txt", data))
    assert "Frédônia" in doc.text
    assert doc.title == "Freedonia and Sylvania agree to talks"
    assert doc.warnings == ()
    assert doc.source == str(tmp_path / "story.txt")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encoding_decodes_with_a_warning(tmp_path: Path, encoding: str) -> None:
    data = (STORY + "He called it a “fair” offer — for now.\n").encode("cp1252") if encoding == "cp1252" \
        else STORY.encode(encoding)
    doc = read_path(_write(tmp_path, "old.txt", data))
    assert "Frédônia" in doc.text
    assert len(doc.warnings) == 1 and "cp1252" in doc.warnings[0] and "old.txt" in doc.warnings[0]


def test_cyrillic_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = "Москва заявила в среду, что переговоры начнутся в январе следующего года.\n" * 3
    doc = read_path(_write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert "переговоры" in doc.text
    assert doc.warnings


def test_stray_nuls_and_controls_are_cleaned(tmp_path: Path) -> None:
    doc = read_path(_write(tmp_path, "nul.txt", STORY.encode() + b"\x00\x00\x07" + STORY.encode()))
    assert "\x00" not in doc.text and "\x07" not in doc.text
    assert doc.parts[-1].kind is PartKind.BODY


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n ", "empty"),
        ("digits.txt", b"123 456\n7.89 -- 2021\n", "no letters"),
        ("random.bin", bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary data, not text"),
        ("nuls.txt", b"ab\x00\x00\x00\x00" * 200, "binary data, not text"),
        ("zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8, "binary data, not text"),
    ],
)
def test_bad_files_are_refused_with_one_line(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError, match=problem) as err:
        read_path(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory, not a story file"):
        read_path(tmp_path)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "locked.txt", STORY.encode())
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_path(path)
    finally:
        path.chmod(0o644)


def test_too_large_file_names_size_limit_and_fix(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", STORY.encode() * 100)
    with pytest.raises(InputTooLargeError) as err:
        read_path(path, max_bytes=1000)
    msg = str(err.value)
    assert f"{path.stat().st_size:,} bytes" in msg and "1,000" in msg and "--max-bytes" in msg
    assert read_path(path, max_bytes=path.stat().st_size).parts


def test_default_limit_is_sensible() -> None:
    assert 1_000_000 <= DEFAULT_MAX_BYTES <= 100_000_000


class _CountingStream(io.BytesIO):
    """A stream that remembers how much was asked of it."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def read(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        self.asked.append(-1 if size is None else size)
        return super().read(size)


def test_stream_reads_at_most_limit_plus_one() -> None:
    stream = _CountingStream(STORY.encode() * 1000)
    with pytest.raises(InputTooLargeError, match="500"):
        read_stream(stream, max_bytes=500)
    assert stream.asked == [501]


def test_stdin_dash_reads_the_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    doc = read_path("-", published=dt.date(2023, 3, 6))
    assert doc.source == "<stdin>"
    assert (doc.published, doc.published_source) == (dt.date(2023, 3, 6), "user")


# ---- the shared hostile inputs and the seed story ------------------------------------------------

@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile")
    tool = SHARED / "tools" / "make_hostile_inputs.py"
    subprocess.run([sys.executable, str(tool), str(out), "--big-mb", "50"], check=True, capture_output=True)
    return out


@needs_shared
def test_hostile_text_files_give_a_document_or_input_error(hostile_dir: Path) -> None:
    names = [json.loads(line)["file"] for line in (hostile_dir / "MANIFEST.jsonl").read_text().splitlines()]
    txt = [n for n in names if n.endswith(".txt")]
    assert len(txt) >= 10
    outcome = {}
    for name in txt:
        try:
            doc = read_path(hostile_dir / name)
            outcome[name] = "ok" if doc.parts else "no parts"
        except InputError as exc:
            outcome[name] = type(exc).__name__
    assert outcome["empty.txt"] == outcome["whitespace.txt"] == "InputError"
    assert outcome["huge.txt"] == "InputTooLargeError"
    for name in ("latin1.txt", "utf16.txt", "utf8_bom.txt", "mixed_newlines.txt", "nul_bytes.txt",
                 "control_chars.txt", "title_only.txt", "one_huge_line.txt"):
        assert outcome[name] == "ok", name


@needs_shared
def test_hostile_huge_file_is_refused_before_reading(hostile_dir: Path) -> None:
    path = hostile_dir / "huge.txt"
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError) as err:
            read_path(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The size comes from stat (the exact figure), and almost nothing was allocated.
    assert f"{path.stat().st_size:,} bytes" in str(err.value)
    assert peak < 1_000_000


@needs_shared
def test_hostile_encodings_decode(hostile_dir: Path) -> None:
    assert "Frédônia" in read_path(hostile_dir / "latin1.txt").text
    assert read_path(hostile_dir / "latin1.txt").warnings
    assert read_path(hostile_dir / "utf16.txt").text.startswith("WASHINGTON (Wire)")
    assert read_path(hostile_dir / "utf8_bom.txt").text.startswith("WASHINGTON (Wire)")
    assert len(read_path(hostile_dir / "mixed_newlines.txt").parts) == 1


@needs_shared
def test_seed_story_parts() -> None:
    doc = read_path(SEED)
    assert doc.title == "Russia Expects Security Talks With US, NATO to Start in Early 2022"
    assert (doc.published, doc.published_source) == (dt.date(2021, 12, 22), "dateline")
    captions = doc.parts_of(PartKind.CAPTION)
    assert len(captions) == 2
    assert captions[0].text.startswith("In this photo released by the Russian Foreign Ministry")
    assert captions[1].text.startswith("Russian President Vladimir Putin, center, escorted")
    uncoded = [p.text for p in doc.parts if not p.kind.coded]
    for line in ("NTD Newsroom", "By NTD Newsroom", "NTD Photo",
                 "The Associated Press contributed to this report.", "ntd newsletter icon",
                 "Sign up for NTD Daily", "Stay informed with accurate news you can trust."):
        assert line in uncoded
    titles = doc.parts_of(PartKind.TITLE)
    assert len(titles) == 1 and titles[0].start == 0  # the repeated headline is not coded twice
    body = doc.parts_of(PartKind.BODY)
    assert 10 <= len(body) <= 12
    assert body[0].text.startswith("Russia is expected to begin bilateral talks")
    assert body[-1].text.endswith("Blinken told reporters in Washington.")
    assert all(doc.text[p.start:p.end] == p.text for p in doc.parts)
