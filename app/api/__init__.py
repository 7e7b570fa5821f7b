"""The HTTP service's routes, one ``APIRouter`` per feature, each with its response models (``schemas``).

``app.service.create_app`` builds the ``ServiceState`` (``deps``) once and includes the routers; a route reads
what it needs through FastAPI dependencies, never through module globals.
"""
