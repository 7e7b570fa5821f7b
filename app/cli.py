"""The ``privrag`` command line. With --json, stdout carries exactly one JSON object; logs go to stderr."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from app.settings import Settings, load_settings

EXIT_PARTIAL = 3
ROOT = Path(__file__).resolve().parent.parent


class CliError(Exception):
    """A failure to report to the user as one clear line (and a JSON error object with --json)."""


def emit(args: argparse.Namespace, data: dict, human: str) -> None:
    if args.json:
        sys.stdout.write(json.dumps(data, default=str) + "\n")
    else:
        print(human)


def stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


def _container(settings: Settings):  # type: ignore[no-untyped-def]
    from app.container import Container

    return Container(settings)


def _service(settings: Settings, user: str | None = None):  # type: ignore[no-untyped-def]
    from app.client import find_service

    client = find_service(settings.home)
    if client is not None and client.token and client.request_status("GET", "/v1/me") == 401:
        from app import cli_token  # the token expired or its admin's password changed: issue a new one

        container = _container(settings)
        try:
            client.token = cli_token.ensure(container)
        finally:
            container.close()
    if client is not None and user:
        client.act_as = user
    return client


# --- setup ---------------------------------------------------------------------------------------


def cmd_setup(args: argparse.Namespace, settings: Settings) -> int:
    """Create the home, the vault key, the first admin and the CLI token; assemble the chat model."""
    container = _container(settings)
    _ = container.vault  # creates the key file (0600)
    result: dict[str, Any] = {"home": str(settings.home), "admin_created": False}
    users = container.users
    if users.count() == 0:
        password = secrets.token_urlsafe(12)
        users.add("admin", "admin", ["all"], password)
        secret = settings.home / "admin-password.txt"
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")
        container.audit.record("setup", "user_added", name="admin", role="admin")
        result.update(admin_created=True, admin_password_file=str(secret))
    from app import cli_token

    cli_token.ensure(container)  # kept when it still works; expired or revoked ones are replaced
    if not args.no_model and settings.llm.backend == "llama_cpp" and not settings.llm.model_path:
        from app.models import CHAT_MODELS, assemble

        path = assemble(CHAT_MODELS[settings.llm.model], settings.home / "models")
        result["model"] = str(path)
    container.close()
    human = f"privrag home: {settings.home}"
    if result["admin_created"]:
        human += f"\nFirst admin: user 'admin', password in {result['admin_password_file']}"
    emit(args, result, human)
    return 0


# --- ingestion -----------------------------------------------------------------------------------


def _groups(raw: str | None) -> list[str]:
    return [g.strip() for g in (raw or "").split(",") if g.strip()]


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    paths = [str(Path(p).expanduser().resolve()) for p in args.paths]
    groups = _groups(args.groups)
    shard = _shard(args.shard)
    client = _service(settings)
    if client is not None and args.rebuild:
        raise CliError("--rebuild: stop the service first (it owns the index), then run this again")
    if shard is not None and (client is not None or args.rebuild):
        raise CliError(
            "--shard runs in this process on a shared store and database: not with --rebuild, and not on a "
            "home whose service is running (use a worker home with the same [store] and [database])"
        )
    if shard is not None and settings.anonymize.enabled and settings.anonymize.surrogate_numbers != "keyed":
        raise CliError(
            '--shard with anonymization needs [anonymize] surrogate_numbers = "keyed" (or '
            "PRIVRAG_ANONYMIZE__SURROGATE_NUMBERS=keyed) on every shard: sequential surrogate numbers depend "
            "on the order values are first seen, so shards would number them differently from one run"
        )
    if client is not None:
        job = client.ingest(paths, groups, args.sync)
        report = _follow_job(client, job["id"], quiet=args.json)
    else:
        container = _container(settings)
        try:
            if args.if_empty and container.catalog.all():
                emit(
                    args,
                    {
                        "files": 0,
                        "ingested": 0,
                        "unchanged": 0,
                        "failed": [],
                        "chunks": 0,
                        "seconds": 0.0,
                        "skipped": [],
                        "note": "home already has documents",
                    },
                    "home already has documents",
                )
                return 0
            if args.rebuild:
                container.ingestor.rebuild()
                container.audit.record("cli", "index_rebuilt", components=container.components())
            local = _ingest_local(container, paths, groups, args.sync, quiet=args.json, shard=shard)
            report = local.to_json()
            shard_detail = {"shard": str(shard)} if shard else {}
            report.update(shard_detail)
            container.audit.record(
                "cli", "ingest", files=report["files"], chunks=report["chunks"], **shard_detail
            )
        finally:
            container.close()
    failed = report.get("failed", [])
    human = (
        f"{report['files']} files: {report['ingested']} ingested, {report['unchanged']} unchanged, "
        f"{len(failed)} failed; {report['chunks']} chunks in {report['seconds']:.1f} s"
    )
    if shard is not None and report.get("shards_finished"):
        last = report["shards_finished"] >= shard.count
        human += f"\nshard {shard}: {report['shards_finished']} of {shard.count} shards finished" + (
            f"; swept {report.get('swept', 0)} chunks for the whole run" if last else "; the last one sweeps"
        )
    for failure in failed:
        human += f"\n  FAILED {failure['path']}: {failure['error']}"
    from ingest.discovery import skipped_summary

    human += "".join(f"\n{line}" for line in skipped_summary(report.get("skipped", [])))
    emit(args, report, human)
    return EXIT_PARTIAL if failed else 0


def _shard(raw: str | None):  # type: ignore[no-untyped-def]
    from ingest.sharding import Shard, ShardError

    try:
        return Shard.parse(raw) if raw is not None else None
    except ShardError as exc:
        raise CliError(str(exc)) from exc


def _ingest_local(container, paths: list[str], groups: list[str], sync: bool, quiet: bool, shard=None):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    ingestor = container.ingestor
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.fields[files]} files"),
        TextColumn("{task.fields[chunks]} chunks, {task.fields[rate]:.1f} chunks/s"),
        TimeRemainingColumn(),  # from the bytes done, so large files count for what they are
        TextColumn("{task.fields[current]}"),
        console=stderr_console(),
        disable=quiet,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None, files="0/?", chunks=0, rate=0.0, current="")

        def update(p) -> None:  # type: ignore[no-untyped-def]
            progress.update(
                task,
                total=p.bytes_total or None,
                completed=p.bytes_done,
                files=f"{p.files_done}/{p.files_total}" + (f" ({p.failed} failed)" if p.failed else ""),
                chunks=p.chunks,
                rate=p.chunks_per_s,
                current=Path(p.current).name if p.current else "",
            )

        return ingestor.run(paths, groups, sync, update, shard=shard)


def _follow_job(client, job_id: str, quiet: bool) -> dict:  # type: ignore[no-untyped-def]
    console = stderr_console()
    while True:
        job = client.job(job_id)
        if job["status"] in ("done", "failed"):
            break
        if not quiet:
            eta = job.get("eta_seconds")
            console.print(
                f"job {job_id}: {job['files_done']}/{job['files_total']} files, {job['chunks']} chunks, "
                f"{job.get('chunks_per_s', 0.0):.1f} chunks/s"
                + (f", ETA {eta:.0f} s" if eta is not None else ""),
                end="\r",
            )
        time.sleep(0.5)
    if job["status"] == "failed":
        raise CliError(f"ingestion job {job_id} failed: {job['error']}")
    return job["report"]


def cmd_delete(args: argparse.Namespace, settings: Settings) -> int:
    client = _service(settings)
    if client is not None:
        from app.client import ServiceError

        try:
            result = client.delete(args.doc)
        except ServiceError as exc:
            raise CliError(str(exc)) from exc
    else:
        container = _container(settings)
        try:
            from app.operations import delete_document

            result = delete_document(container, "cli", args.doc)
            if result is None:
                raise CliError(f"document {args.doc!r} is not in the index")
        finally:
            container.close()
    emit(args, result, f"deleted {result['source']} ({result['chunks']} chunks)")
    return 0


# --- answering -----------------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    client = _service(settings, user=args.user)
    answer: dict = {}
    streamed = not args.json and sys.stdout.isatty()
    if client is not None:
        for event in client.ask_stream(args.question, reveal=args.reveal):
            if event["type"] == "token" and streamed:
                print(event["text"], end="", flush=True)
            if event["type"] == "done":
                answer = event["answer"]
    else:
        container = _container(settings)
        try:
            user = container.users.get(args.user) if args.user else None
            if args.user and user is None:
                raise CliError(f"--user: user {args.user!r} does not exist")
            if args.reveal and user is not None and not user.can("reveal"):
                raise CliError(f"--reveal: role {user.role!r} may not reveal values")
            groups = user.access_groups if user else None
            from app.operations import answer_and_audit

            # the console acting as --user: audited with "cli" as the actor and the user as the subject
            actor = dataclasses.replace(user, acting_admin="cli") if user else "cli"
            for event in answer_and_audit(container, actor, groups, args.question, args.reveal):
                if event["type"] == "token" and streamed:
                    print(event["text"], end="", flush=True)
                if event["type"] == "done":
                    answer = event["answer"]
        finally:
            container.close()
    human = "" if streamed else answer["answer"]
    if answer.get("citations"):
        human += "\n\nSources:\n" + "\n".join(
            f"  [{c['n']}] {c['source']}"
            + (f" p.{c['page']}" if c.get("page") else "")
            + (f" ({c['section']})" if c.get("section") else "")
            for c in answer["citations"]
        )
    emit(args, answer, ("\n" if streamed else "") + human)
    return 0


# --- users and audit -----------------------------------------------------------------------------


def cmd_users(args: argparse.Namespace, settings: Settings) -> int:
    client = _service(settings)
    if args.users_command == "add":
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else secrets.token_urlsafe(12)
        groups = _groups(args.groups)
        if client is not None:
            created = client.add_user(args.name, args.role, groups, password)
        else:
            from app.stores.users import UserError
            from app.user_operations import add_user

            container = _container(settings)
            try:
                user = add_user(container, "cli", args.name, args.role, groups, password)
            except UserError as exc:
                raise CliError(str(exc)) from exc
            finally:
                container.close()
            created = {"name": user.name, "role": user.role, "groups": user.groups}
        if not args.password_stdin:
            created["password"] = password
        human = f"user {created['name']} ({created['role']}) added"
        if "password" in created:
            human += f"; password: {password}"
        emit(args, created, human)
        return 0
    if client is not None:
        users = client.users()
    else:
        container = _container(settings)
        users = [{"name": u.name, "role": u.role, "groups": u.groups} for u in container.users.list()]
        container.close()
    emit(
        args, {"users": users}, "\n".join(f"{u['name']}\t{u['role']}\t{','.join(u['groups'])}" for u in users)
    )
    return 0


def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    client = _service(settings)
    if client is not None:
        result = client.audit_verify()
    else:
        container = _container(settings)
        result = container.audit.verify().__dict__
        container.close()
    emit(
        args,
        result,
        f"audit chain {'OK' if result['ok'] else 'BROKEN at row ' + str(result['first_bad_row'])}"
        + (f" ({result['reason']})" if result.get("reason") else "")
        + f" ({result['rows']} rows)",
    )
    return 0 if result["ok"] else 1


def cmd_audit_export(args: argparse.Namespace, settings: Settings) -> int:
    """Read-only: SQLite allows this beside a running service (the database is not locked like the store)."""
    from app.stores.audit import to_ocsf

    container = _container(settings)
    try:
        rows = sorted(container.audit.rows(), key=lambda r: r["id"])
    finally:
        container.close()
    lines = [json.dumps(to_ocsf(r)) for r in rows]
    if args.out:
        Path(args.out).write_text("".join(line + "\n" for line in lines))
    elif not args.json:
        print("\n".join(lines))
    emit(args, {"rows": len(lines), "out": args.out}, f"{len(lines)} audit rows written to {args.out}")
    return 0


# --- service processes ---------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from app.client import service_file
    from app.container import Container
    from app.service import create_app

    host = args.host or settings.service.host
    port = args.port or settings.service.port
    container = Container(settings)
    app = create_app(container)
    info = service_file(settings.home)
    info.write_text(json.dumps({"url": f"http://{host}:{port}", "pid": os.getpid()}))
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        info.unlink(missing_ok=True)
        container.close()
    return 0


def _ui_command(settings: Settings, service_url: str, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app" / "ui.py"),
        "--server.port",
        str(port),
        "--server.address",
        settings.service.host,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
        "--global.developmentMode",
        "false",
        "--",
        "--service",
        service_url,
    ]


def cmd_ui(args: argparse.Namespace, settings: Settings) -> int:
    url = args.service or f"http://{settings.service.host}:{settings.service.port}"
    return subprocess.call(_ui_command(settings, url, args.port or settings.service.ui_port))


def cmd_up(args: argparse.Namespace, settings: Settings) -> int:
    """Start the service (ingesting the sample into an empty home first) and the web UI."""
    from app.client import ServiceClient

    base = [sys.executable, "-m", "app.cli", "--home", str(settings.home)]
    if args.config:
        base += ["--config", args.config]
    if args.sample:
        code = subprocess.call(base + ["ingest", args.sample, "--if-empty"])
        if code not in (0, EXIT_PARTIAL):
            raise CliError(f"ingesting the sample {args.sample} failed (exit {code})")
    port = settings.service.port
    url = f"http://{settings.service.host}:{port}"
    service = subprocess.Popen(base + ["serve"])
    client = ServiceClient(url)
    deadline = time.time() + 300
    while not client.healthy():
        if service.poll() is not None:
            raise CliError(f"the service exited with status {service.returncode}")
        if time.time() > deadline:
            service.terminate()
            raise CliError("the service did not become healthy within 300 s")
        time.sleep(0.5)
    ui = subprocess.Popen(_ui_command(settings, url, settings.service.ui_port))
    password_file = settings.home / "admin-password.txt"
    print(
        f"\nprivrag is up.\n  Web UI:  http://{settings.service.host}:{settings.service.ui_port}\n"
        f"  Service: {url}\n  Log in as 'admin' with the password in {password_file}\n"
        "  Stop with Ctrl-C.",
        flush=True,
    )

    def stop(*_: object) -> None:
        for proc in (ui, service):
            if proc.poll() is None:
                proc.terminate()

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    try:
        while service.poll() is None and ui.poll() is None:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        stop()
        for proc in (ui, service):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


# --- parser --------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    def options(default: object) -> argparse.ArgumentParser:
        common = argparse.ArgumentParser(add_help=False, argument_default=default)
        common.add_argument("--home", help="state directory (default $PRIVRAG_HOME or ./.privrag)")
        common.add_argument("--config", help="config file (default $PRIVRAG_CONFIG or <home>/privrag.toml)")
        common.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
        return common

    # Subcommands get SUPPRESS defaults: their parser must not reset options given before them.
    common = options(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(prog="privrag", parents=[options(None)], description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("setup", parents=[common], help="create the home, first admin and models")
    p.add_argument("--no-model", action="store_true", help="do not assemble the chat model")
    p.set_defaults(func=cmd_setup)

    p = sub.add_parser("serve", parents=[common], help="run the service")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("ui", parents=[common], help="run the web UI")
    p.add_argument("--service", help="service URL")
    p.add_argument("--port", type=int)
    p.set_defaults(func=cmd_ui)

    p = sub.add_parser("up", parents=[common], help="run the service and the web UI")
    p.add_argument("--sample", help="ingest this folder first when the home has no documents")
    p.set_defaults(func=cmd_up)

    p = sub.add_parser("ingest", parents=[common], help="ingest files and folders")
    p.add_argument("paths", nargs="+")
    p.add_argument("--groups", help="access groups, comma-separated")
    p.add_argument("--sync", action="store_true", help="remove documents whose files are gone")
    p.add_argument("--if-empty", action="store_true", help="only when the home has no documents yet")
    p.add_argument(
        "--rebuild",
        action="store_true",
        help="drop the whole index first (e.g. after changing the embedding model, chunker or anonymizer)",
    )
    p.add_argument(
        "--shard",
        metavar="I/N",
        help="only the files of shard I of N (1-based, by a hash of each file's path relative to PATH): "
        "N workers with the same store and database ingest everything once",
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("delete", parents=[common], help="delete one document")
    p.add_argument("doc", metavar="DOC_ID_OR_PATH")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("ask", parents=[common], help="ask a question")
    p.add_argument("question")
    p.add_argument("--user", help="ask as this user (their groups and permissions)")
    p.add_argument("--reveal", action="store_true", help="show real values (needs the reveal permission)")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("users", parents=[common], help="manage users")
    users_sub = p.add_subparsers(dest="users_command", required=True)
    q = users_sub.add_parser("add", parents=[common])
    q.add_argument("name")
    q.add_argument("--role", required=True)
    q.add_argument("--groups")
    q.add_argument("--password-stdin", action="store_true")
    q.set_defaults(func=cmd_users)
    q = users_sub.add_parser("list", parents=[common])
    q.set_defaults(func=cmd_users)

    p = sub.add_parser("audit", parents=[common], help="audit log")
    audit_sub = p.add_subparsers(dest="audit_command", required=True)
    q = audit_sub.add_parser("verify", parents=[common])
    q.set_defaults(func=cmd_audit)
    q = audit_sub.add_parser("export", parents=[common], help="the audit log as OCSF-style JSON lines")
    q.add_argument("--out", help="write the JSON lines here (default: stdout, unless --json)")
    q.set_defaults(func=cmd_audit_export)
    p = sub.add_parser(
        "eval", parents=[common], help="benchmarks of retrieval, PII detection, answers, leakage"
    )
    eval_groups = p.add_subparsers(dest="eval_command", required=True)
    p = sub.add_parser("bench", parents=[common], help="speed benchmarks against a side-by-side baseline")
    bench_groups = p.add_subparsers(dest="bench_command", required=True)
    from app.commands import register_all

    register_all({"top": sub, "eval": eval_groups, "bench": bench_groups, "users": users_sub}, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    from app import log_scrub

    log_scrub.install()  # no secret or raw PII value in any log line
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.home, args.config)
        return args.func(args, settings)
    except CliError as exc:
        if args.json:
            sys.stdout.write(json.dumps({"error": str(exc)}) + "\n")
        print(f"privrag: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a clear one-line message instead of a traceback
        if args.json:
            sys.stdout.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n")
        print(f"privrag: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
