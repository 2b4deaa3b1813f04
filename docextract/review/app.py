"""The review page: a small Starlette app over a :class:`~docextract.review.store.ReviewStore`.

Served on 127.0.0.1 only. Every request must carry the run's token (``?token=`` or the
``X-Docextract-Token`` header): 401 without it, 403 with a wrong one. A Host header that is not a
loopback name is refused (a DNS-rebinding page would send its own). Only the documents named in the
results file can be read, by their id, never by a path. The page ships in the package (no CDN, no
build step) under a Content-Security-Policy of ``default-src 'self'``.
"""

from __future__ import annotations

import io
import json
import re
import secrets
import socket
from decimal import Decimal
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from docextract.errors import DocextractError
from docextract.review.render import page_frames, render_page
from docextract.review.store import ReviewedDocument, ReviewStore, field_paths, format_path, get_path

LOOPBACK_HOSTS = ["127.0.0.1", "localhost"]
TOKEN_HEADER = "x-docextract-token"
CSP = "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATIC = {"review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8", "favicon.svg": "image/svg+xml"}


def new_token() -> str:
    return secrets.token_urlsafe(24)


class _SecurityHeaders:
    """The same protective headers on every response, refusals included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TokenGuard:
    """401 without the token, 403 with a wrong one (compared in constant time)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":  # no websockets here
            return
        request = Request(scope)
        given = request.query_params.get("token") or request.headers.get(TOKEN_HEADER)
        if not given:
            response = PlainTextResponse("This review page needs its token: open the URL that `docextract review` printed.", 401)
        elif not secrets.compare_digest(given.encode(), self.token):
            response = PlainTextResponse("Wrong token: open the URL that `docextract review` printed.", 403)
        else:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)


def create_app(store: ReviewStore, token: str) -> Starlette:
    """The ASGI app of the review page for ``store``, guarded by ``token``."""
    static = resources.files("docextract.review") / "static"

    def index(request: Request) -> Response:
        html = (static / "index.html").read_text(encoding="utf-8").replace("{{TOKEN}}", token)
        return Response(html, media_type="text/html; charset=utf-8")

    def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return PlainTextResponse("not found", 404)
        return Response((static / name).read_bytes(), media_type=STATIC[name])

    def documents(request: Request) -> Response:
        store.refresh()
        return JSONResponse({
            "results": store.results.name,
            "corrections": store.corrections.name,
            "documents": [_summary(d) for d in store.queue()],
        })

    def document(request: Request) -> Response:
        store.refresh()
        doc = _find(store, request)
        return JSONResponse(_detail(store, doc)) if doc else _not_found()

    def page_image(request: Request) -> Response:
        doc = _find(store, request)
        page_no = request.path_params["page"]
        if doc is None:
            return _not_found()
        pages = doc.result.pages or [1]
        if page_no not in pages:
            shown = ", ".join(map(str, pages))
            return PlainTextResponse(f"{doc.source} has no page {page_no} among those read (page {shown}).", 404)
        try:
            image = render_page(store.document_file(doc), page_no, page_frames(doc.result).get(page_no))
        except (DocextractError, OSError) as exc:
            return PlainTextResponse(f"{doc.source}: page {page_no} cannot be shown: {exc}", 422)
        return Response(image.data, media_type=image.media_type)

    def edits(save: bool) -> Any:
        """``check`` shows the document as the edits would make it; ``save`` writes them."""

        async def endpoint(request: Request) -> Response:
            doc = _find(store, request)
            if doc is None:
                return _not_found()
            body = await _json_body(request)
            if isinstance(body, Response):
                return body
            if save:
                after, errors = await run_in_threadpool(store.save, doc.id, body["edits"], bool(body.get("accept")))
            else:
                after, errors = await run_in_threadpool(store.preview, doc.id, body["edits"])
            status = 422 if errors and save else 200
            return JSONResponse({"document": _detail(store, after), "errors": errors}, status_code=status)

        return endpoint

    def export(kind: str) -> Any:
        def endpoint(request: Request) -> Response:
            from docextract.output.export import results_to_csv, write_xlsx

            results = store.results_for_export()
            try:
                if kind == "csv":
                    text = results_to_csv(results, request.query_params.get("mode", "items"))
                    data, media = text.encode("utf-8"), "text/csv; charset=utf-8"
                else:
                    buf = io.BytesIO()
                    write_xlsx(results, buf)
                    data, media = buf.getvalue(), XLSX_TYPE
            except DocextractError as exc:
                return PlainTextResponse(str(exc), 422)
            name = f"{re.sub(r'[^A-Za-z0-9._-]+', '_', store.results.stem) or 'results'}.{kind}"  # a header is latin-1
            return Response(data, media_type=media, headers={"content-disposition": f'attachment; filename="{name}"'})

        return endpoint

    routes = [
        Route("/", index),
        Route("/static/{name}", asset),
        Route("/api/documents", documents),
        Route("/api/documents/{doc_id}", document),
        Route("/api/documents/{doc_id}/pages/{page:int}", page_image),
        Route("/api/documents/{doc_id}/check", edits(save=False), methods=["POST"]),
        Route("/api/documents/{doc_id}/save", edits(save=True), methods=["POST"]),
        Route("/export.csv", export("csv")),
        Route("/export.xlsx", export("xlsx")),
    ]
    middleware = [
        Middleware(_SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS),
        Middleware(_TokenGuard, token=token),
    ]
    return Starlette(routes=routes, middleware=middleware)


def _find(store: ReviewStore, request: Request) -> ReviewedDocument | None:
    try:
        return store.get(request.path_params["doc_id"])
    except KeyError:
        return None


def _not_found() -> Response:
    return PlainTextResponse("Not one of the documents of these results.", 404)


async def _json_body(request: Request) -> dict[str, Any] | Response:
    try:
        body = json.loads(await request.body())
    except ValueError:
        return PlainTextResponse("the body must be JSON", 400)
    if not isinstance(body, dict) or not isinstance(body.get("edits", {}), dict):
        return PlainTextResponse('the body must be {"edits": {"field": "value", ...}}', 400)
    edits = body.get("edits", {})
    if not all(isinstance(k, str) and isinstance(v, (str, int, float, bool)) or v is None for k, v in edits.items()):
        return PlainTextResponse("each edit maps a field path to the text typed in", 400)
    body["edits"] = {k: "" if v is None else v if isinstance(v, str) else json.dumps(v) for k, v in edits.items()}
    return body


# --------------------------------------------------------------------------------------------------
# what the page is sent


def _summary(doc: ReviewedDocument) -> dict[str, Any]:
    r = doc.result
    return {
        "id": doc.id,
        "source": r.source,
        "status": r.status.value,
        "needs_review": r.needs_review,
        "accepted": doc.accepted is not None,
        "corrected": len(doc.corrected),
        "min_confidence": round(doc.min_confidence, 4),
        "warnings": sum(1 for i in r.issues if i.severity != "info"),
    }


def _issue(issue: Any) -> dict[str, Any]:
    return issue.model_dump(exclude_none=True)


def _text(value: Any) -> str:
    """A value as typed in a field: amounts with their cents (JSON carries 10.4 for 10.40)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        exact = Decimal(str(value))
        return f"{exact:.2f}" if exact.as_tuple().exponent > -2 else str(exact)
    return json.dumps(value, ensure_ascii=False)


def _detail(store: ReviewStore, doc: ReviewedDocument) -> dict[str, Any]:
    r = doc.result
    data = r.data if isinstance(r.data, dict) else {}
    by_field: dict[str, list[str]] = {}
    for issue in r.issues:
        if issue.field and issue.stage != "review":
            by_field.setdefault(issue.field, []).append(issue.message)
    fields = []
    for loc in field_paths(data):
        path = format_path(loc)
        prov = r.provenance.get(path)
        value = get_path(data, loc)
        group = next((n for n, part in enumerate(loc) if isinstance(part, int)), None)
        fields.append({
            "path": path,
            "label": " ".join(str(p) for p in loc if isinstance(p, str)).replace("_", " "),
            "value": value,
            "text": _text(value),
            "confidence": prov.confidence if prov else None,
            "origin": prov.origin if prov else None,
            "source_text": prov.text if prov else None,
            "issues": by_field.get(path, []),
            "corrected": path in doc.corrected,
            "original": doc.corrected.get(path),
            "list": format_path(loc[:group]) if group is not None else None,
            "row": loc[group] if group is not None else None,
            "column": format_path(loc[group + 1:]) if group is not None else None,
        })
    frames = page_frames(r)
    boxes = [
        {"field": key, "page": p.page, "bbox": list(p.bbox), "confidence": p.confidence}
        for key, p in r.provenance.items() if p.bbox and p.page
    ]
    return {
        **_summary(doc),
        "schema": r.schema,
        "engine": r.engine,
        "error": r.error,
        "file_problem": store.file_problem(doc),
        "pages": [{"page": n, "frame": list(frames[n]) if n in frames else None} for n in (r.pages or [1])],
        "fields": fields,
        "boxes": boxes,
        "issues": [_issue(i) for i in r.issues],
        "accepted_at": doc.accepted,
    }


# --------------------------------------------------------------------------------------------------
# serving


def bind(port: int = 0) -> socket.socket:
    """A listening socket on 127.0.0.1 (``port`` 0: one the system picks); OSError if taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    return sock


def serve(app: ASGIApp, sock: socket.socket) -> None:
    """Serve until interrupted (Ctrl+C ends it cleanly)."""
    import uvicorn

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False,
                            date_header=False)
    uvicorn.Server(config).run(sockets=[sock])
