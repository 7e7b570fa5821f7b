"""PII detection and pseudonymization (Presidio and privrag's own recognizers and steps).

Importing any module of this package first sets the offline environment (``anonymize.offline``): Presidio's
e-mail and URL recognizers build tldextract's extractor when Presidio is imported, and an extractor built
before the environment was set downloads the public suffix list on its first use.
"""

from anonymize.offline import go_offline

go_offline()
