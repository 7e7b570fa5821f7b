"""Walking folders: extensions, hidden entries and .privragignore patterns."""

from __future__ import annotations

from pathlib import Path

from ingest.discovery import SkippedFile, discover

EXTENSIONS = {".txt", ".md", ".jsonl"}
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


def tree(root: Path, files: list[str]) -> Path:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)
    return root


def names(root: Path, found: list[Path]) -> list[str]:
    return [p.relative_to(root.resolve()).as_posix() for p in found]


def test_folders_walked_sorted_with_hidden_and_other_types_skipped(tmp_path: Path) -> None:
    root = tree(tmp_path, ["b.md", "a.txt", "sub/c.txt", ".hidden.txt", ".git/d.txt", "e.png", "F.TXT"])
    result = discover([root], EXTENSIONS)
    assert names(root, result.files) == ["F.TXT", "a.txt", "b.md", "sub/c.txt"]
    assert result.missing == [] and result.ignored == 0
    skipped = [(Path(s.path).relative_to(root.resolve()).as_posix(), s.reason) for s in result.skipped]
    assert skipped == [(".git", "hidden"), (".hidden.txt", "hidden"), ("e.png", "unsupported")]


def test_ignore_file_patterns(tmp_path: Path) -> None:
    root = tree(
        tmp_path,
        ["questions.jsonl", "keep.md", "notes.tmp.txt", "drafts/x.md", "sub/questions.jsonl", "sub/drafts.md",
         "archive/2019/old.txt", "archive/2020/new.txt"],
    )  # fmt: skip
    (root / ".privragignore").write_text("# comment\n\nquestions.jsonl\n*.tmp.txt\ndrafts/\narchive/2019/*\n")
    result = discover([root], EXTENSIONS)
    assert names(root, result.files) == ["archive/2020/new.txt", "keep.md", "sub/drafts.md"]
    assert result.ignored == 5  # drafts/ counts once, as a folder
    assert sorted(Path(s.path).relative_to(root.resolve()).as_posix() for s in result.skipped) == [
        "archive/2019/old.txt", "drafts", "notes.tmp.txt", "questions.jsonl", "sub/questions.jsonl",
    ]  # fmt: skip
    assert {s.reason for s in result.skipped} == {"ignored"}  # the .privragignore file itself is not listed


def test_nested_ignore_file_applies_below_its_folder_only(tmp_path: Path) -> None:
    root = tree(tmp_path, ["a.md", "sub/a.md", "sub/b.md"])
    (root / "sub" / ".privragignore").write_text("a.md\n")
    assert names(root, discover([root], EXTENSIONS).files) == ["a.md", "sub/b.md"]


def rel(root: Path, skipped: list[SkippedFile]) -> list[str]:
    return sorted(Path(s.path).relative_to(root.resolve()).as_posix() for s in skipped)


def test_negation_takes_a_file_back_from_an_earlier_pattern_of_the_same_or_an_upper_file(
    tmp_path: Path,
) -> None:
    root = tree(tmp_path, ["a.txt", "keep.txt", "sub/b.txt", "sub/mine.txt", "sub/deep/c.txt"])
    (root / ".privragignore").write_text("*.txt\n!keep.txt\n")
    (root / "sub" / ".privragignore").write_text("!mine.txt\n")
    result = discover([root], EXTENSIONS)
    assert names(root, result.files) == ["keep.txt", "sub/mine.txt"]
    assert rel(root, result.skipped) == ["a.txt", "sub/b.txt", "sub/deep/c.txt"]
    assert result.ignored == 3


def test_a_file_inside_an_ignored_folder_cannot_be_taken_back(tmp_path: Path) -> None:
    root = tree(tmp_path, ["drafts/x.md", "drafts/keep.md", "a.md"])
    (root / ".privragignore").write_text("drafts/\n!drafts/keep.md\n")
    result = discover([root], EXTENSIONS)
    assert names(root, result.files) == ["a.md"]
    assert rel(root, result.skipped) == ["drafts"]  # the folder is named once, not walked


def test_trailing_slash_matches_folders_only_at_any_depth(tmp_path: Path) -> None:
    root = tree(tmp_path, ["build/a.md", "sub/build/b.md", "notes/build", "build.md"])  # notes/build: a file
    (root / ".privragignore").write_text("build/\n")
    result = discover([root], EXTENSIONS | {""})
    assert names(root, result.files) == ["build.md", "notes/build"]
    assert rel(root, result.skipped) == ["build", "sub/build"]


def test_anchored_patterns_match_from_the_ignore_files_folder_only(tmp_path: Path) -> None:
    root = tree(
        tmp_path,
        ["top.md", "sub/top.md", "archive/2019/a.txt", "archive/2019/x/b.txt", "archive/old.txt",
         "x/archive/2019/c.txt", "docs/a/b/report.md", "docs/report.md", "sub/inner/only.md", "sub/only.md"],
    )  # fmt: skip
    (root / ".privragignore").write_text("/top.md\narchive/*.txt\ndocs/**/report.md\n")
    (root / "sub" / ".privragignore").write_text("/only.md\n")
    result = discover([root], EXTENSIONS)
    assert names(root, result.files) == [
        "archive/2019/a.txt", "archive/2019/x/b.txt", "sub/inner/only.md", "sub/top.md",
        "x/archive/2019/c.txt",
    ]  # fmt: skip
    assert rel(root, result.skipped) == [
        "archive/old.txt", "docs/a/b/report.md", "docs/report.md", "sub/only.md", "top.md",
    ]  # fmt: skip


def test_named_files_are_taken_even_when_ignored_and_missing_paths_reported(tmp_path: Path) -> None:
    root = tree(tmp_path, ["questions.jsonl", "a.md"])
    (root / ".privragignore").write_text("questions.jsonl\n")
    result = discover([root / "questions.jsonl", root, root / "a.md", tmp_path / "nowhere"], EXTENSIONS)
    assert names(root, result.files) == ["questions.jsonl", "a.md"]  # no duplicates
    assert result.missing == [tmp_path / "nowhere"]
    assert result.skipped == []  # the ignored file was named: taken, not listed as skipped


def test_a_named_file_of_an_unsupported_type_is_skipped_and_named(tmp_path: Path) -> None:
    root = tree(tmp_path, ["a.md", "drawing.vsdx"])
    result = discover([root / "a.md", root / "drawing.vsdx"], EXTENSIONS)
    assert names(root, result.files) == ["a.md"]
    assert [(s.path, s.reason) for s in result.skipped] == [
        (str((root / "drawing.vsdx").resolve()), "unsupported")
    ]


def test_skipped_summary_counts_by_reason_and_lists_the_first_files() -> None:
    from ingest.discovery import skipped_summary

    skipped = [{"path": f"/d/{n}.bin", "reason": "unsupported"} for n in range(3)] + [
        {"path": "/d/.git", "reason": "hidden"}
    ]
    lines = skipped_summary(skipped, limit=2)
    assert lines == [
        "4 not taken: 1 hidden, 3 unsupported",
        "  SKIPPED /d/0.bin (unsupported)",
        "  SKIPPED /d/1.bin (unsupported)",
        "  ... and 2 more (all of them with --json)",
    ]
    assert skipped_summary([]) == []


def test_the_sample_questions_are_not_documents() -> None:
    found = discover([SAMPLE], EXTENSIONS | {".pdf", ".docx"})
    assert "questions.jsonl" not in {p.name for p in found.files}
    assert found.ignored == 1 and len(found.files) == 11  # .xlsx and .pptx not among these extensions
