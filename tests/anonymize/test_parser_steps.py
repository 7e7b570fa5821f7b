"""spaCy's entity recognizer run step by step with the GIL held: the same entities as spaCy's greedy parse."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from anonymize import parser_steps
from anonymize.detector import PiiDetector

TEXTS = [
    "",
    "   \n\n  ",
    "Hi",
    "Nguyen Thi Lan met Oluwaseun Adeyemi and Søren Kierkegaard in Lagos on 3 May 2021.",
    "Dear Dr. Priya Raman,\n\nThank you for the report on BRCA1 expression in HeLa cells.\n\nBest,\nTomás",
    "Acme Corp. signed with the Bank of Montreal; Keanu Reeves and Zhang Wei attended the meeting in Berlin.",
    "- Aroha Ngata (Wellington)\n- Dawit Bekele (Addis Ababa)\n- Marie-Claire Dubois (Lyon)\n",
    "the quick brown fox jumps over the lazy dog " * 40,
    "Invoice 2024-117 for Chidi Okafor, 14 Rue de Rivoli, Paris. Total: EUR 1,250.00 due 31/12/2024.",
    "Mr. Haruto Sato called Aiyana Redcloud about the Toyota Corolla recall, then flew to Osaka.",
]


@pytest.fixture(scope="module")
def nlp(detector: PiiDetector) -> Language:
    pipeline: Language = detector.analyzer.nlp_engine.nlp["en"]  # type: ignore[attr-defined]
    return pipeline


def _entities(doc: Doc) -> list[tuple[int, str, str]]:
    return [(token.i, token.ent_iob_, token.ent_type_) for token in doc]


@pytest.mark.parametrize("batch_size", [1, 3, 32])
def test_steps_find_the_same_entities_as_spacy(nlp: Language, batch_size: int) -> None:
    expected = [_entities(doc) for doc in nlp.pipe(TEXTS, batch_size=batch_size)]
    found = list(parser_steps.pipe(nlp, TEXTS, batch_size))
    assert [doc.text for doc in found] == TEXTS  # in order
    assert [_entities(doc) for doc in found] == expected
    assert any(doc.ents for doc in found)


def test_steps_run_greedy_entity_recognizers_only(nlp: Language) -> None:
    assert parser_steps.steps_apply(nlp.get_pipe("ner"))
    assert not parser_steps.steps_apply(nlp.tokenizer)


def test_engine_batches_give_spacys_entities(detector: PiiDetector) -> None:
    """The engine's batches (the detector's path) carry the entities and scores of Presidio's own batches."""
    engine = detector.analyzer.nlp_engine
    assert isinstance(engine, SpacyNlpEngine)

    def found(
        batches: Iterable[tuple[Any, ...]],
    ) -> list[tuple[str, list[tuple[int, int, str]], list[float]]]:
        return [
            (item[0], [(e.start_char, e.end_char, e.label_) for e in item[1].entities], item[1].scores)
            for item in batches
        ]

    ours = found(engine.process_batch(TEXTS, "en", batch_size=4))
    assert ours == found(SpacyNlpEngine.process_batch(engine, TEXTS, "en", batch_size=4))
    assert [text for text, *_ in ours] == TEXTS


def test_a_spacy_without_the_internals_runs_its_own_loop(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A spaCy upgrade that renames a parser internal the steps call falls back to spaCy's own greedy parse:
    the same entities, never an error at ingestion."""
    recognizer = nlp.get_pipe("ner")
    monkeypatch.setattr(parser_steps, "_INTERNALS", (*parser_steps._INTERNALS, "renamed_in_a_later_spacy"))
    assert not parser_steps.steps_apply(recognizer)
    expected = [_entities(doc) for doc in nlp.pipe(TEXTS, batch_size=4)]
    assert [_entities(doc) for doc in parser_steps.pipe(nlp, TEXTS, 4)] == expected
