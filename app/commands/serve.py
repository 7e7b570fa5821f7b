"""`privrag serve` (the service), `privrag ui` (the Streamlit web UI) and `privrag up` (both)."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.commands.base import EXIT_OK, EXIT_PARTIAL, CliError
from app.settings import Settings

ROOT = Path(__file__).resolve().parent.parent.parent


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
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
    return EXIT_OK


def ui_command(settings: Settings, service_url: str, port: int) -> list[str]:
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


def run_ui(args: argparse.Namespace, settings: Settings) -> int:
    url = args.service or f"http://{settings.service.host}:{settings.service.port}"
    return subprocess.call(ui_command(settings, url, args.port or settings.service.ui_port))


def _wait_healthy(service: subprocess.Popen[bytes], url: str, timeout: float = 300) -> None:
    from app.client import ServiceClient

    client = ServiceClient(url)
    deadline = time.time() + timeout
    while not client.healthy():
        if service.poll() is not None:
            raise CliError(f"the service exited with status {service.returncode}")
        if time.time() > deadline:
            service.terminate()
            raise CliError(f"the service did not become healthy within {timeout:.0f} s")
        time.sleep(0.5)
    client.close()


def run_up(args: argparse.Namespace, settings: Settings) -> int:
    """Start the service (ingesting the sample into an empty home first) and the web UI."""
    base = [sys.executable, "-m", "app.cli", "--home", str(settings.home)]
    if args.config:
        base += ["--config", args.config]
    if args.sample:
        code = subprocess.call(base + ["ingest", args.sample, "--if-empty"])
        if code not in (EXIT_OK, EXIT_PARTIAL):
            raise CliError(f"ingesting the sample {args.sample} failed (exit {code})")
    port = settings.service.port
    url = f"http://{settings.service.host}:{port}"
    service = subprocess.Popen(base + ["serve"])
    _wait_healthy(service, url)
    ui = subprocess.Popen(ui_command(settings, url, settings.service.ui_port))
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

    def stop_and_exit(*_: object) -> None:
        stop()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop_and_exit)
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
    return EXIT_OK
