"""The nlp stage: plain records out, offsets into the document text, only coded parts parsed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import ModelError
from eventwire.nlp import available_models, check_model, load_model, parse
from eventwire.records import Document, Part, PartKind, Token


def _doc(text: str, kinds: list[PartKind]) -> Document:
    parts, pos = [], 0
    for line, kind in zip(text.split("\n"), kinds, strict=True):
        parts.append(Part(kind, pos, pos + len(line), line))
        pos += len(line) + 1
    return Document("t", text, tuple(parts))


def test_offsets_point_into_the_document_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Envoys Meet in Oslo\nBy A. Writer\nThe envoys met in Oslo on Monday. They agreed to talk again."
    parsed = parse(_doc(text, [PartKind.TITLE, PartKind.BYLINE, PartKind.BODY]), nlp)
    for tok in parsed.tokens:
        assert isinstance(tok, Token)
        assert text[tok.start : tok.end] == tok.text
    for sent in parsed.sentences:
        assert text[sent.start : sent.end] == sent.text
    for ent in parsed.entities:
        assert text[ent.start : ent.end] == ent.text


def test_only_coded_parts_are_parsed(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Envoys Meet in Oslo\nBy A. Writer\nThe envoys met in Oslo on Monday."
    parsed = parse(_doc(text, [PartKind.TITLE, PartKind.BYLINE, PartKind.BODY]), nlp)
    assert "Writer" not in {t.text for t in parsed.tokens}
    assert [s.part for s in parsed.sentences] == [PartKind.TITLE, PartKind.BODY]


def test_token_indices_are_document_wide(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Talks resumed.\nThe two ministers met again on Friday."
    parsed = parse(_doc(text, [PartKind.BODY, PartKind.BODY]), nlp)
    assert [t.i for t in parsed.tokens] == list(range(len(parsed.tokens)))
    for t in parsed.tokens:
        s = parsed.sentences[t.sent]
        assert s.token_start <= t.head < s.token_end
        assert t.left <= t.i <= t.right


def test_a_runaway_paragraph_is_cut_not_fatal(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The council met and talked. " * 2000
    parsed = parse(_doc(text.strip(), [PartKind.BODY]), nlp)
    assert parsed.tokens[-1].end <= len(text)
    assert len(parsed.sentences) > 100


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="no_such_pipeline"):
        load_model("no_such_pipeline")


@pytest.mark.parametrize("name", ["no_such_pipeline", "no/such/folder", "..", "json"])
def test_check_model_refuses_what_load_model_cannot_load(name: str) -> None:
    with pytest.raises(ModelError, match="cannot load spaCy pipeline"):
        check_model(name)


def test_check_model_reads_the_meta_without_loading_the_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def no_load(*args: object, **kwargs: object) -> None:
        raise AssertionError("check_model loaded the pipeline")

    monkeypatch.setattr(spacy, "load", no_load)
    assert check_model() == available_models()[0]
    assert check_model(available_models()[0]) == available_models()[0]


def test_check_model_wants_a_parser_and_ner_in_a_pipeline_folder(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "pipeline": ["tok2vec", "tagger", "ner"]}))
    with pytest.raises(ModelError, match=r"lacks \['parser'\]"):
        check_model(str(tmp_path))
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "pipeline": ["parser", "ner"]}))
    assert check_model(str(tmp_path)) == str(tmp_path)
    (tmp_path / "meta.json").write_text("{not json")
    with pytest.raises(ModelError, match="no readable meta.json"):
        check_model(str(tmp_path))


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Chile and Peru Sign Fishing Accord", "Chile and Peru signed an accord.",
         "Chile and Peru sign fishing accord"),
        ("Envoys Meet in Oslo", "The envoys met in Oslo.", "Envoys meet in Oslo"),
        ("UN Chief Visits Kabul", "The UN chief flew to Kabul.", "UN chief visits Kabul"),
        ("Rebels seize town in north", "Rebels seized the town.", "Rebels seize town in north"),  # already prose
    ],
)
def test_title_case_headlines_are_parsed_as_prose(title: str, body: str, expected: str) -> None:
    from eventwire.nlp import _WORD, sentence_case

    assert sentence_case(title, set(_WORD.findall(body))) == expected


def test_a_sentence_cased_headline_keeps_its_written_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile and Peru Sign Fishing Accord\nChile and Peru signed a fishing accord on Monday."
    parsed = parse(_doc(text, [PartKind.TITLE, PartKind.BODY]), nlp)
    title_tokens = [t for t in parsed.tokens if parsed.sentences[t.sent].part is PartKind.TITLE]
    assert [t.text for t in title_tokens] == ["Chile", "and", "Peru", "Sign", "Fishing", "Accord"]
    assert any(t.lemma == "sign" and t.pos == "VERB" for t in title_tokens)


@pytest.mark.parametrize(("text", "form", "lemma"), [
    ("The miners staged a sit-in outside the ministry.", "staged", "stage"),
    ("The two clans have waged a feud for a decade.", "waged", "wage"),
    ("The envoy hoped the talks would resume soon.", "hoped", "hope"),
    ("Police cordoned off the square before dawn.", "cordoned", "cordon"),
])
def test_verb_forms_spacy_lemmatizes_wrongly_get_their_lemma(nlp, text: str, form: str, lemma: str) -> None:  # type: ignore[no-untyped-def]
    parsed = parse(_doc(text, [PartKind.BODY]), nlp)
    tok = next(t for t in parsed.tokens if t.text == form)
    if tok.tag.startswith("VB"):
        assert tok.lemma == lemma
    else:  # the table is for verbs only: a form parsed as a noun keeps spaCy's lemma
        pytest.skip(f"spaCy tagged {form!r} {tok.tag} here")


def test_a_noun_form_in_the_verb_table_keeps_its_own_lemma(nlp) -> None:  # type: ignore[no-untyped-def]
    parsed = parse(_doc("The agency cut the bank's credit rating on Friday.", [PartKind.BODY]), nlp)
    rating = next(t for t in parsed.tokens if t.text == "rating")
    assert (rating.pos, rating.lemma) == ("NOUN", "rating")  # the verb "rating" would be "rate"


def test_a_malformed_verb_lemma_row_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from eventwire.errors import KnowledgeError
    from eventwire.knowledge import lemmas as nlp_module

    bad = tmp_path / "verb_lemmas.tsv"
    bad.write_text("form\tlemma\nstaged\n", encoding="utf-8")
    monkeypatch.setattr(nlp_module, "data_path", lambda name: bad)
    nlp_module.verb_lemmas.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="row 2"):
            nlp_module.verb_lemmas()
    finally:
        nlp_module.verb_lemmas.cache_clear()


@pytest.mark.parametrize(("text", "written", "head"), [
    # pre-tokenized text writes clitics apart; parsed whole, "’ s" marks its noun's owner
    ("Kenya ’ s health ministry sent a team of doctors to the clinic.", "’ s", "Kenya"),
    ("The officials said the rules won ’ t change before the vote.", "n ’ t", "change"),
])
def test_a_clitic_written_apart_is_parsed_whole(nlp, text: str, written: str, head: str) -> None:  # type: ignore[no-untyped-def]
    parsed = parse(_doc(text, [PartKind.BODY]), nlp)
    found = [t for t in parsed.tokens if text[t.start : t.end] == written]
    assert len(found) == 1, [t.text for t in parsed.tokens]  # one token, spanning what is written
    assert found[0].text == "".join(written.split())  # read as prose writes it
    assert parsed.tokens[found[0].head].text == head
    if written == "’ s":
        assert parsed.tokens[found[0].head].dep == "poss"  # "Kenya" owns "ministry"
    else:
        assert found[0].dep == "neg"
    assert not any(t.text in ("s", "t") for t in parsed.tokens)


@pytest.mark.parametrize(("text", "written"), [
    ("Around 2 , 000 workers went on strike.", ["2 , 000"]),
    ("The fund gave 1 . 5 million euros and 1 , 250 , 000 dollars.", ["1 . 5", "1 , 250 , 000"]),
    ("Paris lifted its ban on the U . K . on Friday.", ["U . K ."]),
    ("Sen . Joan Ortiz met Gov . Paul Lee on Dec . 10 in Ohio.", ["Sen .", "Gov .", "Dec ."]),
])
def test_numbers_and_abbreviations_written_apart_are_one_token(nlp, text: str, written: list[str]) -> None:  # type: ignore[no-untyped-def]
    parsed = parse(_doc(text, [PartKind.BODY]), nlp)
    spans = [text[t.start : t.end] for t in parsed.tokens]
    assert all(w in spans for w in written), spans
    assert len(parsed.sentences) == 1, [s.text for s in parsed.sentences]  # no period read as an end


def test_a_quote_mark_or_a_year_before_a_period_is_left_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.nlp import rejoin_split_tokens

    # a closing quote, a plural possessive, a clitic already whole, a year that ends a sentence and a
    # lone capital that may end one ("Plan B .") are left as written
    for text in ["the workers ' union", "called it ' sabotage ' today", "Russia’s army", "the ’ sixties",
                 "It began in 2010 . 5 people died.", "They chose Plan B . The rest left."]:
        assert rejoin_split_tokens(nlp, text) is None
    # each rejoined token keeps the span it is written in
    doc, spans = rejoin_split_tokens(nlp, "Kenya ’ s army and Peru ’ s navy") or (None, [])
    assert doc is not None and [t.text for t in doc] == ["Kenya", "’s", "army", "and", "Peru", "’s", "navy"]
    assert spans[1] == (6, 9) and spans[5] == (24, 27)
