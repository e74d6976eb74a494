"""The daily brief: its sections from our own stories, its three renderings, and delivery over real SMTP."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.brief import make_brief, to_html, to_markdown, to_text, write_brief
from eventwire.cli import cli
from eventwire.errors import ConfigError
from eventwire.mailer import parse_smtp, send, subscriber_messages
from eventwire.serve import free_port
from eventwire.store import Store
from eventwire.store.subscriptions import subscribe, subscriptions, unsubscribe

from .serve.stories import DAY, build_store

FOLLOWED = ["RUS", "USA", "UKR", "NATO"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("brief") / "stories.duckdb")


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    with Store(db, read_only=True) as s:
        yield s


def section(brief: Any, title: str) -> list[str]:
    return [line.text for s in brief.sections if s.title == title for line in s.lines]


def test_the_brief_finds_the_shifts_of_the_day(store: Store) -> None:
    brief = make_brief(store, DAY, actors=FOLLOWED)
    assert brief.events >= 3 and brief.documents == 1
    assert any(t.startswith("RUS–USA:") for t in section(brief, "Escalations"))
    assert any(t.startswith("RUS–UKR:") for t in section(brief, "De-escalations"))
    assert any(t.startswith("NATO–RUS:") for t in section(brief, "New dyads"))
    assert not any(t.startswith("RUS–UKR:") for t in section(brief, "New dyads"))
    assert any("Jens Stoltenberg (NATO)" in t and "heavy price" in t for t in section(brief, "Key quotes"))
    stories = section(brief, "Top stories")
    assert stories and stories[0].startswith("NATO criticises Russia")


@pytest.mark.parametrize(("actors", "absent"), [(["UKR", "RUS"], "USA"), (["NATO", "RUS"], "UKR")])
def test_the_brief_keeps_to_the_followed_actors(store: Store, actors: list[str], absent: str) -> None:
    brief = make_brief(store, DAY, actors=actors)
    dyads = [t.split(":")[0] for title in ("Escalations", "De-escalations", "New dyads")
             for t in section(brief, title)]
    assert dyads and all(absent not in d for d in dyads)


def test_every_line_links_to_its_evidence(store: Store) -> None:
    brief = make_brief(store, DAY)
    lines = [line for s in brief.sections for line in s.lines]
    assert lines and all(line.doc_id and line.sent is not None for line in lines)
    docs = {r["doc_id"]: r for r in store.rows("SELECT doc_id, text FROM documents")}
    assert all(line.doc_id in docs for line in lines)
    md = to_markdown(brief, link_base="http://127.0.0.1:8000")
    assert f"(http://127.0.0.1:8000/#doc={lines[0].doc_id}&sent={lines[0].sent})" in md


@pytest.mark.parametrize(("render", "heading"), [(to_markdown, "# What you need to know: 2021-12-22"),
                                                 (to_text, "WHAT YOU NEED TO KNOW: 2021-12-22"),
                                                 (to_html, "<h1>What you need to know: 2021-12-22</h1>")])
def test_renderings_carry_every_section(store: Store, render: Any, heading: str) -> None:
    out = render(make_brief(store, DAY), None, "footer line")
    assert heading in out and "footer line" in out
    for title in ("Top stories", "Escalations", "De-escalations", "New dyads", "Key quotes"):
        assert (title.upper() if render is to_text else title) in out


def test_an_empty_day_says_so(store: Store) -> None:
    brief = make_brief(store, "2020-01-01")
    assert brief.events == 0
    assert "No stories with events on this day." in to_text(brief)


def test_write_brief_writes_three_files(store: Store, tmp_path: Path) -> None:
    paths = write_brief(make_brief(store, DAY), tmp_path / "out")
    assert [p.name for p in paths] == ["brief-2021-12-22.md", "brief-2021-12-22.html", "brief-2021-12-22.txt"]
    assert all(p.read_text(encoding="utf-8").strip() for p in paths)


@pytest.mark.parametrize(("value", "expected"), [("127.0.0.1:2525", ("127.0.0.1", 2525)),
                                                 ("mail.example.org", ("mail.example.org", 25))])
def test_parse_smtp(value: str, expected: tuple[str, int]) -> None:
    assert parse_smtp(value) == expected


@pytest.mark.parametrize("value", ["host:", ":25", "host:99999", "host:port"])
def test_parse_smtp_refuses(value: str) -> None:
    with pytest.raises(ConfigError, match="host:port"):
        parse_smtp(value)


@pytest.fixture
def smtp() -> Iterator[tuple[str, list[Any]]]:
    """A real aiosmtpd server on 127.0.0.1; yields 'host:port' and the envelopes it received."""
    from aiosmtpd.controller import Controller

    received: list[Any] = []

    class Keep:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
            received.append(envelope)
            return "250 OK"

    controller = Controller(Keep(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield f"127.0.0.1:{controller.port}", received
    finally:
        controller.stop()


def parts(envelope: Any) -> tuple[Any, str, str]:
    msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    return msg, plain, html


def test_the_cli_mails_the_brief_as_multipart_alternative(db: str, smtp: tuple[str, list[Any]]) -> None:
    where, received = smtp
    result = CliRunner().invoke(cli, ["brief", "--db", db, "--date", "2021-12-22", "--actors", "RUS,USA,UKR,NATO",
                                      "--smtp", where, "--to", "analyst@example.org", "--from", "brief@example.org"])
    assert result.exit_code == 0, result.output
    assert len(received) == 1 and received[0].rcpt_tos == ["analyst@example.org"]
    msg, plain, html = parts(received[0])
    assert msg.get_content_type() == "multipart/alternative"
    assert str(msg["Subject"]).strip().startswith("eventwire brief 2021-12-22 (RUS, USA, UKR, NATO):")
    assert "ESCALATIONS" in plain and "<h2>Escalations</h2>" in html
    assert "eventwire unsubscribe analyst@example.org" in plain and "unsubscribe analyst@example.org" in html
    unsubscribe = "<mailto:brief@example.org?subject=unsubscribe%20analyst%40example.org>"
    assert str(msg["List-Unsubscribe"]).strip() == unsubscribe


def test_each_subscriber_gets_the_brief_for_their_actors(db: str, tmp_path: Path,
                                                         smtp: tuple[str, list[Any]]) -> None:
    copy = tmp_path / "subs.duckdb"
    copy.write_bytes(Path(db).read_bytes())
    runner = CliRunner()
    for address, actors in (("ua@example.org", "UKR,RUS"), ("nato@example.org", "NATO"), ("gone@example.org", "USA")):
        assert runner.invoke(cli, ["subscribe", address, "--db", str(copy), "--actors", actors]).exit_code == 0
    assert runner.invoke(cli, ["unsubscribe", "gone@example.org", "--db", str(copy)]).exit_code == 0
    again = runner.invoke(cli, ["unsubscribe", "gone@example.org", "--db", str(copy)])
    assert again.exit_code == 1 and "not subscribed" in again.output
    where, received = smtp
    result = runner.invoke(cli, ["brief", "--db", str(copy), "--date", "2021-12-22", "--smtp", where,
                                 "--from", "brief@example.org"])
    assert result.exit_code == 0, result.output
    by_rcpt = {e.rcpt_tos[0]: parts(e) for e in received}
    assert set(by_rcpt) == {"ua@example.org", "nato@example.org"}
    assert "(UKR, RUS)" in str(by_rcpt["ua@example.org"][0]["Subject"])
    assert "(NATO)" in str(by_rcpt["nato@example.org"][0]["Subject"])
    for address, (_msg, plain, _html) in by_rcpt.items():
        assert f"eventwire unsubscribe {address} --db subs.duckdb" in plain


def test_subscriptions_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        assert subscriptions(s) == [] and unsubscribe(s, "x@example.org") is False
        subscribe(s, " X@Example.org ", "rus, nato")
        subscribe(s, "x@example.org", ["UKR"])  # a second subscribe replaces the actors
        assert [(r["email"], r["actors"]) for r in subscriptions(s)] == [("x@example.org", ["UKR"])]
        with pytest.raises(ConfigError, match="not an email"):
            subscribe(s, "nobody", None)
        with pytest.raises(ConfigError, match="not an actor code"):
            subscribe(s, "y@example.org", "RUS;--")
        assert subscriber_messages(s, DAY, "brief@example.org")[0]["To"] == "x@example.org"


def test_sending_to_a_closed_port_is_a_mail_error(store: Store) -> None:
    from eventwire.mailer import MailError, addressed_messages

    messages = addressed_messages(make_brief(store, DAY), ["a@example.org"], "brief@example.org")
    with pytest.raises(MailError, match="could not send"):
        send(messages, f"127.0.0.1:{free_port()}", timeout=5)
