"""The web app and REST API over the store: ``create_app(store) -> FastAPI``.

Pages (Jinja2, rendered on the server, working with JavaScript off) and ``/api/v1`` read the
:class:`~newsfuse.store.Store` only. What they render is kept (``views.PageCache``) and served
while the store says it is current (``Store.generation``, then the event's ``Store.version``),
so articles another process adds show on the next request. Briefs are read as stored, never
fused per request; an add's briefs are fused after its answer (``writes.Writer``).
``newsfuse serve`` runs it with uvicorn, in one or several processes (``app_from_env``).
"""

from newsfuse.web.app import create_app

__all__ = ["create_app"]
