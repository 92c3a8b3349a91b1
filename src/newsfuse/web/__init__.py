"""The web app and REST API over the store: ``create_app(store) -> FastAPI``.

Pages (Jinja2, rendered on the server, working with JavaScript off) and ``/api/v1`` read the
:class:`~newsfuse.store.Store` only; nothing is kept between requests but the Store object
(its connection pool), so articles another process adds show on the next request. Briefs are
read as stored, never fused per request. ``newsfuse serve`` runs it with uvicorn.
"""

from newsfuse.web.app import create_app

__all__ = ["create_app"]
