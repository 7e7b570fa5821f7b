"""Benchmark runs the service starts (routes: ``app.api.eval``): the request, its dataset checked, the run.

A run executes the same code as `privrag eval retrieval|pii|rag` (``app/evaluations.py``) and
writes its report where the command does, ``<home>/reports/<kind>/<run>/``, so ``GET /v1/eval/reports`` lists
it. One run at a time: a second one is refused with 409 until the first ends.
"""

from pathlib import Path
from typing import Any, Literal

from fastapi import HTTPException
from pydantic import BaseModel, Field

from app import evaluations
from app.container import Container
from app.eval_jobs import EvalJob, Task
from app.paths import UnsafePathError, allowed_roots, check_within

Kind = Literal["retrieval", "pii", "rag"]
Mode = Literal["dense", "sparse", "hybrid"]


class EvalRequest(BaseModel):
    dataset: str = Field(
        min_length=1,
        max_length=4096,
        description="on the server: a BEIR or XQuAD folder (retrieval), presidio-research JSON (pii), "
        "an XQuAD folder (rag)",
    )
    limit: int | None = Field(
        None, ge=0, le=100_000, description="first N queries / samples, N questions (rag); 0 or none = all"
    )
    corpus_limit: int | None = Field(
        None, ge=0, le=1_000_000, description="retrieval: first N documents plus every judged one"
    )
    split: str = Field("train", pattern=r"^[A-Za-z0-9_-]{1,32}$", description="retrieval: BEIR qrels split")
    modes: list[Mode] = Field(
        default_factory=lambda: list[Mode](["dense", "sparse", "hybrid"]), min_length=1, max_length=3
    )
    no_anonymize: bool = Field(False, description="retrieval: ingest and ask without pseudonymization")
    baseline: bool = Field(True, description="retrieval and pii: also score the baseline")


def dataset_roots(container: Container) -> list[Path]:
    """Where datasets may be read from: the ingestion roots plus ``eval.dataset_roots``."""
    settings = container.settings
    extra = [Path(r).expanduser().resolve() for r in settings.eval.dataset_roots]
    return [*allowed_roots(settings.ingest.allowed_roots, settings.home), *extra]


def _bad(message: str) -> HTTPException:
    return HTTPException(400, f"dataset: {message}")


def prepare(container: Container, kind: str, body: EvalRequest) -> tuple[Path, Task]:
    """The checked dataset path and the run to start; HTTPException 400 naming the field otherwise."""
    roots = dataset_roots(container)
    try:
        path = check_within(body.dataset.strip(), roots)
    except UnsafePathError:
        names = ", ".join(str(r) for r in roots)
        raise _bad(f"{body.dataset!r} is outside the folders datasets may be read from ({names})") from None
    if not path.exists():
        raise _bad(f"{path} does not exist")
    settings = container.settings
    limit = body.limit or None
    if kind == "pii":
        try:
            samples = evaluations.load_samples(path, limit)
        except ValueError as exc:
            raise _bad(f"not a presidio-research JSON file: {exc}") from exc

        def run_pii(job: EvalJob) -> dict[str, Any]:
            detector = container.detector  # the service's own detector, as `privrag eval pii` builds it
            return evaluations.evaluate_pii(
                settings, path, samples, detector, baseline=body.baseline, stage=job.say
            )

        return path, run_pii
    if kind == "retrieval":
        from eval.datasets import load_dataset
        from eval.retrieval import EvalOptions

        try:
            dataset = load_dataset(path, body.split, limit, body.corpus_limit or None)
        except (OSError, ValueError, KeyError) as exc:
            raise _bad(f"not a BEIR or XQuAD folder: {exc}") from exc

        def run_retrieval(job: EvalJob) -> dict[str, Any]:
            job.say(f"{len(dataset.docs)} documents, {len(dataset.queries)} queries")
            options = EvalOptions(
                modes=list(dict.fromkeys(body.modes)),
                anonymize=not body.no_anonymize,
                baseline=body.baseline,
                extra_metrics=("recall@5",) if dataset.extra.get("format") == "xquad" else (),
                log=job.say,
            )
            return evaluations.evaluate_retrieval(settings, dataset, options)

        return path, run_retrieval
    try:
        evaluations.check_rag_dataset(path)
    except ValueError as exc:
        raise _bad(str(exc)) from exc

    def run_rag(job: EvalJob) -> dict[str, Any]:
        job.say("ingesting the passages")

        def progress(done: int, total: int) -> None:
            job.progress(done, total)
            job.say(f"asking: {done}/{total} questions")

        return evaluations.evaluate_rag(settings, path, limit=limit, progress=progress)

    return path, run_rag
