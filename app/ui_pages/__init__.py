"""The web UI's pages; ``app/ui.py`` is the Streamlit entry script that routes to them."""
