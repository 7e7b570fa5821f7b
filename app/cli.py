"""The ``privrag`` command line: argument parsing and dispatch. With --json, stdout carries exactly one JSON
object; logs go to stderr.

Each command lives in ``app/commands/`` and is written once against ``app.backend.base.Backend``: the
running service of the home when there is one, else the home itself.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from anonymize.offline import go_offline
from app.backend.base import BackendError
from app.commands import ask, audit, ingest, serve, setup, users
from app.commands.base import EXIT_FAILED, EXIT_USAGE
from app.settings import load_settings


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
    p.set_defaults(func=setup.run)

    p = sub.add_parser("serve", parents=[common], help="run the service")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.set_defaults(func=serve.run_serve)

    p = sub.add_parser("ui", parents=[common], help="run the web UI")
    p.add_argument("--service", help="service URL")
    p.add_argument("--port", type=int)
    p.set_defaults(func=serve.run_ui)

    p = sub.add_parser("up", parents=[common], help="run the service and the web UI")
    p.add_argument("--sample", help="ingest this folder first when the home has no documents")
    p.set_defaults(func=serve.run_up)

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
    p.set_defaults(func=ingest.run_ingest)

    p = sub.add_parser("delete", parents=[common], help="delete one document")
    p.add_argument("doc", metavar="DOC_ID_OR_PATH")
    p.set_defaults(func=ingest.run_delete)

    p = sub.add_parser("ask", parents=[common], help="ask a question")
    p.add_argument("question")
    p.add_argument("--user", help="ask as this user (their groups and permissions)")
    p.add_argument("--reveal", action="store_true", help="show real values (needs the reveal permission)")
    p.set_defaults(func=ask.run)

    p = sub.add_parser("users", parents=[common], help="manage users")
    users_sub = p.add_subparsers(dest="users_command", required=True)
    q = users_sub.add_parser("add", parents=[common])
    q.add_argument("name")
    q.add_argument("--role", required=True)
    q.add_argument("--groups")
    q.add_argument("--password-stdin", action="store_true")
    q.set_defaults(func=users.run_add)
    q = users_sub.add_parser("list", parents=[common])
    q.set_defaults(func=users.run_list)

    p = sub.add_parser("audit", parents=[common], help="audit log")
    audit_sub = p.add_subparsers(dest="audit_command", required=True)
    q = audit_sub.add_parser("verify", parents=[common])
    q.set_defaults(func=audit.run_verify)
    q = audit_sub.add_parser("export", parents=[common], help="the audit log as OCSF-style JSON lines")
    q.add_argument("--out", help="write the JSON lines here (default: stdout, unless --json)")
    q.set_defaults(func=audit.run_export)
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
    go_offline()  # anonymize/offline.py: the one place for the offline environment
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    from app import log_scrub

    log_scrub.install()  # no secret or raw PII value in any log line
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.home, args.config)
        return args.func(args, settings)
    except BackendError as exc:  # CliError too: bad input or a refused request, in one line
        if args.json:
            sys.stdout.write(json.dumps({"error": str(exc)}) + "\n")
        print(f"privrag: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a clear one-line message instead of a traceback
        if args.json:
            sys.stdout.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"}) + "\n")
        print(f"privrag: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
