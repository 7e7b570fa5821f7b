"""Where a CLI command's work happens: the running service (HTTP) or the home itself (a local Container).

``base.Backend`` is the one protocol every command is written against; ``open_backend`` (``choose.py``)
picks the service when one runs on the home, else the local implementation.
"""
