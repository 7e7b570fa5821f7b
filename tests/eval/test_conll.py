"""CoNLL-2003 column files as PII samples: offsets, labels, MISC, documents and halves (invented text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.evaluations import load_samples
from eval import conll, pii

# Three invented documents in CoNLL-2003's column format (TOKEN POS CHUNK NER).
TINY = """-DOCSTART- -X- -X- O

Maria NNP B-NP B-PER
Okafor-Lind NNP I-NP I-PER
joined VBD B-VP O
Acme NNP B-NP B-ORG
Mining NNP I-NP I-ORG
in IN B-PP O
Oslo NNP B-NP B-LOC
. . O O

She PRP B-NP O
speaks VBZ B-VP O
Norwegian JJ B-NP B-MISC
. . O O

-DOCSTART- -X- -X- O

Tan NNP B-NP B-PER
Wei NNP I-NP I-PER
won VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

Lagos NNP B-NP B-LOC
Kano NNP I-NP B-LOC
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    return path


def _values(sample: pii.Sample) -> list[tuple[str, str]]:
    return [(sample.text[s.start : s.end], s.entity_type) for s in sample.spans]


def test_documents_sentences_and_offsets(tiny: Path) -> None:
    assert conll.looks_like_conll(tiny)
    documents = conll.read_documents(tiny)
    assert [len(d) for d in documents] == [2, 1, 1]
    samples = conll.to_samples(documents)
    assert samples[0].text == "Maria Okafor-Lind joined Acme Mining in Oslo .\nShe speaks Norwegian ."
    assert _values(samples[0]) == [
        ("Maria Okafor-Lind", "PERSON"),
        ("Acme Mining", "ORGANIZATION"),
        ("Oslo", "LOCATION"),
    ]
    # MISC is kept aside, not scored.
    assert [samples[0].text[s.start : s.end] for s in samples[0].ignored] == ["Norwegian"]
    assert _values(samples[1]) == [("Tan Wei", "PERSON")]
    # B- after I- of the same type starts a new span.
    assert _values(samples[2]) == [("Lagos", "LOCATION"), ("Kano", "LOCATION")]


def test_texts_hold_at_most_n_sentences_of_one_document(tiny: Path) -> None:
    samples = conll.to_samples(conll.read_documents(tiny), sentences_per_text=1)
    assert [s.text for s in samples] == [
        "Maria Okafor-Lind joined Acme Mining in Oslo .",
        "She speaks Norwegian .",
        "Tan Wei won .",
        "Lagos Kano",
    ]
    assert [samples[1].text[x.start : x.end] for x in samples[1].ignored] == ["Norwegian"]


def test_halves_split_by_document(tiny: Path) -> None:
    dev = conll.load_conll(tiny, "dev")
    score = conll.load_conll(tiny, "score")
    assert [s.text.split()[0] for s in dev] == ["Maria", "Lagos"]
    assert [s.text.split()[0] for s in score] == ["Tan"]
    assert len(conll.load_conll(tiny, "all")) == 3
    with pytest.raises(ValueError, match="half"):
        conll.half([], "train")


def test_documents_without_docstart_split_at_datelines(tmp_path: Path) -> None:
    lines = []
    for city in ("OSLO", "LIMA"):
        lines += ["NEWS NN O O", "HEADLINE NN O O", "", f"{city} NNP B-NP B-LOC", "2001-02-03 CD O O", ""]
        lines += ["Body NN O O", "text NN O O", ""]
    path = tmp_path / "nodoc.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    documents = conll.read_documents(path)
    assert [len(d) for d in documents] == [3, 3]
    assert documents[1][1].tokens == ["LIMA", "2001-02-03"]


def test_bad_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("Maria NNP B-NP B-PER\nOslo NNP B-NP B-CITY\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt: line 2"):
        conll.read_documents(path)


def test_predictions_over_misc_are_not_false_positives(tiny: Path) -> None:
    samples = conll.load_conll(tiny, "dev")[:1]
    text = samples[0].text
    at = text.index
    predictions = [
        [
            pii.Span(at("Maria"), at("Maria") + len("Maria Okafor-Lind"), "PERSON"),
            pii.Span(at("Norwegian"), at("Norwegian") + 9, "NRP"),
            pii.Span(at("Norwegian"), at("Norwegian") + 9, "PERSON"),
            pii.Span(at("Oslo"), at("Oslo") + 4, "PERSON"),  # a real false positive
        ]
    ]
    result = pii.score(samples, predictions)
    person = result.per_entity["PERSON"]
    assert (person.true_positives, person.predicted, person.support) == (1, 2, 1)
    assert result.ignored_predictions == 2


def test_the_command_reads_either_format(tiny: Path, tmp_path: Path) -> None:
    assert len(load_samples(tiny, half="score")) == 1
    presidio = tmp_path / "p.json"
    presidio.write_text('[{"full_text": "Jane Doe", "spans": []}]', encoding="utf-8")
    assert not conll.looks_like_conll(presidio)
    assert len(load_samples(presidio)) == 1
    assert len(load_samples(presidio, half="dev")) == 1
    assert load_samples(presidio, half="score") == []


def test_presidio_files_split_by_sample_parity_and_limit_applies_within(tmp_path: Path) -> None:
    presidio = tmp_path / "p.json"
    rows = [{"full_text": f"text {i}", "spans": []} for i in range(5)]
    presidio.write_text(json.dumps(rows), encoding="utf-8")
    texts = [s.text for s in load_samples(presidio)]
    dev = [s.text for s in load_samples(presidio, half="dev")]
    score = [s.text for s in load_samples(presidio, half="score")]
    assert dev == texts[0::2] and score == texts[1::2] and not set(dev) & set(score)
    assert [s.text for s in load_samples(presidio, limit=1, half="score")] == ["text 1"]
    with pytest.raises(ValueError, match="half"):
        load_samples(presidio, half="train")
