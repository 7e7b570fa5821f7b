"""The privrag web UI (Streamlit). A client of the service's HTTP API; it never opens the store itself.

Run by ``privrag ui`` / ``privrag up`` as ``streamlit run app/ui.py -- --service URL``. The pages live in
``app/ui_pages/``: login, chat, admin, privacy & audit, evaluate; which ones a user sees follows their role.
"""

from __future__ import annotations

import os
import sys

# Streamlit runs this file as a script: make the project importable when started by path.
_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
# Streamlit puts this file's folder first on sys.path for each script run and removes it after. With several
# sessions (threads) at once, an import in one thread can skip an entry of sys.path while another thread's run
# shifts it (a package then reads as missing). A copy appended last (it shadows nothing; Streamlit removes
# only the first copy, the one it put in front) keeps the folder on sys.path: later runs leave sys.path alone.
_HERE = os.path.dirname(os.path.abspath(__file__))
if sys.path.count(_HERE) < 2:
    sys.path.append(_HERE)

from app.ui_pages.nav import main  # noqa: E402

main()
