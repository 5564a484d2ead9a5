"""Helpers for the dashboard tests: an app over a log, and signing in like a browser."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from teacher_dashboard.app import create_app
from teacher_dashboard.auth import Secrets, save_password

PASSWORD = "juf-en-meester"


def dashboard(db: Path) -> Flask:
    secrets: Secrets = save_password(db, PASSWORD)
    return create_app(db, secrets, throttle_step=0.0, testing=True)


def csrf_token(client: FlaskClient, url: str = "/login") -> str:
    page = client.get(url).get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, f"no CSRF token on {url}"
    return found.group(1)


def signed_in(app: Flask) -> FlaskClient:
    client = app.test_client()
    response = client.post("/login", data={"password": PASSWORD, "csrf_token": csrf_token(client)})
    assert response.status_code == 302
    return client
