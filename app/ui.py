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

from app.ui_pages.nav import main  # noqa: E402

main()
