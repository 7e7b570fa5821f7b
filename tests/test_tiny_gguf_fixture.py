"""The tiny random-weight GGUF fixture loads and chats through llama-cpp-python."""

from __future__ import annotations

import hashlib

import pytest

llama_cpp = pytest.importorskip("llama_cpp")
pytest.importorskip("gguf")

from tests.fixtures.tiny_gguf import make_tiny_gguf  # noqa: E402

MESSAGES = [{"role": "system", "content": "hi"}, {"role": "user", "content": "hello"}]


def _load(path):
    return llama_cpp.Llama(model_path=str(path), n_ctx=512, verbose=False, seed=0)


@pytest.fixture(scope="module")
def tiny_path(tmp_path_factory):
    return make_tiny_gguf(tmp_path_factory.mktemp("tiny_gguf") / "tiny.gguf")


@pytest.fixture(scope="module")
def llm(tiny_path):
    return _load(tiny_path)


def test_file_is_small_and_deterministic(tiny_path, tmp_path):
    size = tiny_path.stat().st_size
    assert 100_000 < size < 1_000_000
    again = make_tiny_gguf(tmp_path / "again.gguf")
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(tiny_path.read_bytes()).digest()


def test_loads_with_chatml_template(tiny_path):
    model = _load(tiny_path)
    assert model.metadata["general.architecture"] == "llama"
    assert "<|im_start|>" in model.metadata["tokenizer.chat_template"]
    assert model.n_ctx() == 512
    # special tokens are recognised as single tokens; byte-level BPE round-trips arbitrary UTF-8
    text = "<|im_start|>user\nhello the wörld ✓<|im_end|>"
    ids = model.tokenize(text.encode(), add_bos=False, special=True)
    assert ids[0] == model.tokenize(b"<|im_start|>", add_bos=False, special=True)[0]
    assert len(model.tokenize(b"<|im_end|>", add_bos=False, special=True)) == 1
    assert model.detokenize(ids, special=True).decode("utf-8") == text
    assert model.token_eos() == ids[-1]


def test_streaming_chat_yields_content(llm):
    chunks = list(llm.create_chat_completion(messages=MESSAGES, stream=True, max_tokens=16, temperature=0))
    contents = [c["choices"][0]["delta"].get("content") for c in chunks]
    assert any(isinstance(s, str) and s for s in contents)
    text = "".join(s for s in contents if s)
    text.encode("utf-8")  # valid str, no lone surrogates
    assert chunks[-1]["choices"][0]["finish_reason"] in ("length", "stop")


def test_non_streamed_chat_returns_choices(llm):
    out = llm.create_chat_completion(messages=MESSAGES, max_tokens=16, temperature=0)
    assert isinstance(out, dict)
    assert out["choices"]
    content = out["choices"][0]["message"]["content"]
    assert isinstance(content, str) and content
    assert out["usage"]["completion_tokens"] > 0


def test_greedy_output_is_reproducible(tiny_path, llm):
    def run(model):
        out = model.create_chat_completion(messages=MESSAGES, max_tokens=16, temperature=0)
        return out["choices"][0]["message"]["content"]

    first = run(llm)
    assert run(_load(tiny_path)) == first
    assert run(llm) == first
    streamed = "".join(
        c["choices"][0]["delta"].get("content") or ""
        for c in llm.create_chat_completion(messages=MESSAGES, stream=True, max_tokens=16, temperature=0)
    )
    assert streamed == first


def test_sampled_output_is_printable_ascii(llm):
    out = llm.create_chat_completion(messages=MESSAGES, max_tokens=32, temperature=1.0, seed=7)
    content = out["choices"][0]["message"]["content"]
    assert content and content.isascii() and content.isprintable()
