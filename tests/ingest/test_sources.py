"""Sources: JSONL, HTML, feeds, folders, stdin and URLs → Documents, or Failures with a reason."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.ingest import Failure, Fields, SourceOptions, canonical_url, open_source, read_sources
from eventwire.ingest.sources import sniff_format
from eventwire.records import Document, PartKind

STORY = ("The foreign minister of Freedonia met his Sylvanian counterpart in Geneva on Monday and said "
         "both sides agreed to resume talks on the disputed border.")
GERMAN = ("Der Außenminister traf am Montag in Genf seinen Amtskollegen und sagte, beide Seiten hätten "
          "vereinbart, die Gespräche über die umstrittene Grenze wieder aufzunehmen.")
PAGE = f"""<!DOCTYPE html><html><head><title>Freedonia and Sylvania agree to talks</title>
<meta property="article:published_time" content="2021-12-21T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Freedonia and Sylvania agree to talks</h1>
<p>{STORY}</p><p>{STORY.replace("Monday", "Tuesday")}</p><p>{STORY.replace("Geneva", "Vienna")}</p></article>
<footer>Copyright 2021 Example News</footer></body></html>"""
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example wire</title>
<item><title>Talks resume</title><link>http://example.org/a?utm_source=rss</link>
<pubDate>Tue, 21 Dec 2021 10:00:00 GMT</pubDate><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
<item><title>Border calm</title><link>http://example.org/b</link>
<description>{STORY.replace("Geneva", "Oslo")}</description></item>
</channel></rss>"""


def _items(paths: list[str | Path], **options: object) -> list[Document | Failure]:
    return list(read_sources(paths, SourceOptions(**options)))  # type: ignore[arg-type]


def _jsonl(tmp_path: Path, lines: list[str], name: str = "c.jsonl") -> Path:
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


@pytest.mark.parametrize(("url", "canonical"), [
    ("HTTPS://WWW.Example.org:443/World/story/?utm_source=x&b=2&a=1#top", "https://example.org/World/story?a=1&b=2"),
    ("http://example.org", "http://example.org/"),
    ("http://example.org:8080/a?fbclid=1", "http://example.org:8080/a"),
    ("not a url", "not a url"),
])
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_different_pages_keep_different_urls() -> None:
    assert canonical_url("https://example.org/a?id=1") != canonical_url("https://example.org/a?id=2")


@pytest.mark.parametrize(("data", "fmt"), [
    (b'{"text": "x"}\n', "jsonl"),
    (b"\xef\xbb\xbf<?xml version='1.0'?><rss><channel/></rss>", "feed"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    (b"Freedonia and Sylvania agree to talks\n", "text"),
    (b"<3 is a heart, says the minister.", "text"),
])
def test_sniff_format(data: bytes, fmt: str) -> None:
    assert sniff_format(data) == fmt


def test_jsonl_records_bad_lines_and_duplicates(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": STORY, "date": "2021-12-22", "title": "Talks"}),
             "{broken", json.dumps({"id": "b"}), json.dumps([1, 2]),
             json.dumps({"id": "c", "text": STORY, "date": "someday"}),
             json.dumps({"id": "a", "text": STORY, "date": "2021-12-22", "title": "Talks"})]
    items = _items([_jsonl(tmp_path, lines)])
    docs = [i for i in items if isinstance(i, Document)]
    fails = {i.source.rsplit(":", 1)[1]: i for i in items if isinstance(i, Failure)}
    assert [d.source.rsplit("#", 1)[1] for d in docs] == ["a", "c", "a"]
    assert docs[0].doc_id == docs[2].doc_id != docs[1].doc_id
    assert docs[0].published and docs[0].published.isoformat() == "2021-12-22"
    assert docs[0].published_source == "metadata" and docs[0].title == "Talks"
    assert docs[1].published is None and "not a date" in docs[1].warnings[0]
    assert set(fails) == {"2", "3", "4"}
    assert "not JSON" in fails["2"].reason and "--text-field" in fails["3"].reason and "list" in fails["4"].reason


def test_jsonl_field_mapping(tmp_path: Path) -> None:
    rec = {"key": "k1", "body": STORY, "when": "2021-12-20", "headline": "Talks", "link": "https://example.org/k1"}
    fields = Fields(text="body", date="when", id="key", title="headline", url="link")
    [doc] = _items([_jsonl(tmp_path, [json.dumps(rec)])], fields=fields)
    assert isinstance(doc, Document)
    assert (doc.title, doc.url, str(doc.published)) == ("Talks", "https://example.org/k1", "2021-12-20")
    assert doc.doc_id == _items([_jsonl(tmp_path, [json.dumps({**rec, "body": STORY + " More."})], "d.jsonl")],
                                fields=fields)[0].doc_id  # type: ignore[union-attr]


def test_truncated_gzip_keeps_complete_records(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "text": STORY.replace("Monday", f"day {i}")}) for i in range(40)]
    path = tmp_path / "t.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode())[:-30])
    items = _items([path])
    assert isinstance(items[-1], Failure) and items[-1].kind == "truncated gzip"
    assert 0 < sum(isinstance(i, Document) for i in items) < 40


def test_oversized_jsonl_record_is_skipped_not_read(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "big", "text": STORY * 200}), json.dumps({"id": "ok", "text": STORY})]
    items = _items([_jsonl(tmp_path, lines)], max_bytes=2000)
    assert isinstance(items[0], Failure) and items[0].kind == "too large"
    assert isinstance(items[1], Document) and items[1].source.endswith("#ok")


def test_html_page_gives_text_title_and_date(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(PAGE, encoding="utf-8")
    [doc] = _items([tmp_path / "p.html"])
    assert isinstance(doc, Document)
    assert doc.title == "Freedonia and Sylvania agree to talks"
    assert doc.parts[0].kind is PartKind.TITLE and "Vienna" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert (str(doc.published), doc.published_source) == ("2021-12-21", "metadata")


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("s.html", b"<html><script>" + b"var x = 1;" * 300 + b"</script></html>", "no article text found"),
    ("e.html", b"<!DOCTYPE r [<!ENTITY a 'aaaa'>]><html><body><p>&a;</p></body></html>", "declares XML entities"),
    ("e.xml", b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aa'><!ENTITY b '&a;&a;'>]><rss><channel><item>"
              b"<title>&b;</title></item></channel></rss>", "declares XML entities"),
    ("n.xml", b"<?xml version='1.0'?><catalog><book>Talks</book></catalog>", "not a feed"),
])
def test_pages_and_feeds_refused_with_a_reason(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    (tmp_path / name).write_bytes(data)
    [failure] = _items([tmp_path / name])
    assert isinstance(failure, Failure) and failure.kind == kind and failure.source.endswith(name)


def test_rss_items_become_documents(tmp_path: Path) -> None:
    (tmp_path / "f.rss").write_text(RSS, encoding="utf-8")
    docs = _items([tmp_path / "f.rss"])
    assert [d.title for d in docs] == ["Talks resume", "Border calm"]  # type: ignore[union-attr]
    first = docs[0]
    assert isinstance(first, Document)
    assert first.url == "http://example.org/a" and str(first.published) == "2021-12-21"
    assert "<p>" not in first.text and "Geneva" in first.text


def test_truncated_feed_keeps_items_and_reports(tmp_path: Path) -> None:
    cut = RSS.index("<item><title>Border")
    (tmp_path / "f.xml").write_text(RSS[: cut + 40], encoding="utf-8")
    items = _items([tmp_path / "f.xml"])
    assert isinstance(items[0], Document) and items[0].title == "Talks resume"
    assert isinstance(items[-1], Failure) and items[-1].kind == "malformed feed"


def test_folder_is_searched_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text(STORY)
    (tmp_path / "a" / "two.html").write_text(PAGE)
    (tmp_path / "a" / "skip.docx").write_text(STORY)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text(STORY)
    docs = _items([tmp_path])
    assert sorted(Path(d.source or "").name for d in docs) == ["one.txt", "two.html"]


def test_non_english_is_skipped_with_the_language_named(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN * 3)
    (tmp_path / "en.txt").write_text(STORY)
    items = _items([tmp_path / "de.txt", tmp_path / "en.txt"])
    assert isinstance(items[0], Failure) and items[0].kind == "not English" and "German" in items[0].reason
    assert isinstance(items[1], Document)
    assert all(isinstance(i, Document) for i in _items([tmp_path / "de.txt"], english_only=False))


def test_stdin_is_sniffed() -> None:
    lines = "\n".join(json.dumps({"id": str(i), "text": STORY.replace("Monday", f"day {i}")}) for i in range(3))
    source = open_source("-", SourceOptions(stdin=io.BytesIO(lines.encode())))
    assert [d.source for d in source] == ["<stdin>#0", "<stdin>#1", "<stdin>#2"]  # type: ignore[union-attr]


def test_forced_format_and_unknown_format(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE)
    [doc] = _items([tmp_path / "page.txt"], format="text")
    assert isinstance(doc, Document) and "<article>" in doc.text
    with pytest.raises(ConfigError, match="pdf"):
        SourceOptions(format="pdf")


def test_missing_path_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    [failure] = _items([tmp_path / "nope.txt"])
    assert isinstance(failure, Failure) and "no such file" in failure.reason
