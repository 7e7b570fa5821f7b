"""What an answer carries across module borders: its text, its citations, its checks and timings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Citation:
    n: int
    doc_id: str
    source: str
    chunk_id: str
    text: str
    title: str = ""
    page: int | None = None
    score: float = 0.0
    inferred: bool = False
    flagged: bool = False  # the source looked like a prompt injection at ingestion
    highlight: list[int] | None = None  # [start, end] of the passage that best supports the answer
    section: str = ""  # where in the file when not a page: "slide 3", "Staff, rows 2-51"
    # How the source came to be cited: "model" wrote [n]; "repointed": the model cited another source, privrag
    # moved the marker to this one (it holds the answer's words); "matched": the model cited nothing, privrag
    # matched this source by its words and added the marker; "closest": the answer was withheld, this is the
    # passage closest to the question
    origin: str = "model"


@dataclass
class Answer:
    answer: str
    citations: list[Citation]
    revealed: bool
    # The question as kept on disk (conversations, feedback, audit): pseudonymized within the asker's scope,
    # names the detector missed masked (retrieval.questions). Never an oracle of other groups' values.
    question_pseudonymized: str
    refused: bool = False
    # The checked answer before any reveal (placeholders in place): what a conversation keeps
    answer_pseudonymized: str = ""
    revealed_surrogates: list[str] = field(default_factory=list)  # the distinct surrogates shown as values
    invalid_citations: list[int] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # The draft's grounding: support, coverage, verified (yes/no/None), withheld (replaced by a refusal)
    checks: dict = field(default_factory=dict)
    # Before generation: best cosine, best question-term coverage, whether the sources were relevant enough
    relevance: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return asdict(self)
