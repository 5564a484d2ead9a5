"""Gegevens: import a pupil's export, export a pupil in any format of the registry
(game/journal/exports.py), delete a pupil with all their data (AVG), and the school's
learning platform for xAPI exports (set once, kept in the log)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from game.journal import admin, transfer
from game.journal.exports import EXPORTS, export_pupil
from game.journal.store import JournalError
from game.journal.xapi import DEFAULT_BASE
from teacher_dashboard import access_log, db, downloads, queries
from teacher_dashboard.i18n import t
from teacher_dashboard.names import ContentNames

bp = Blueprint("data", __name__)
IMPORT_SUFFIXES = (".db", *(f.suffix for f in EXPORTS.values() if f.importable))
"""What the import takes: the formats the registry says read back, and a plain .db."""


@bp.route("/data")
def index() -> str:
    return render_template("data.html", pupils=queries.pupils(db.log()),
                           formats=list(EXPORTS.values()), importable=IMPORT_SUFFIXES,
                           xapi=admin.log_settings(db.log()), default_base=DEFAULT_BASE)


@bp.route("/data/import", methods=["POST"])
def import_file() -> ResponseReturnValue:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        access_log.import_refused("no file")
        flash(t("import_nothing"), "problem")
        return redirect(url_for("data.index"))
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        access_log.import_refused(f"not an export ({suffix or 'no suffix'})")
        flash(t("import_wrong_type", name=upload.filename), "problem")
        return redirect(url_for("data.index"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        upload.save(path)
        try:
            result = transfer.import_file(path, db.writable_path())
        except JournalError as exc:
            message = str(exc).replace(str(path), upload.filename)
            access_log.import_refused(str(exc).replace(str(path), f"upload{suffix}"))
            flash(t("import_failed", message=message), "problem")
            return redirect(url_for("data.index"))
    flash(t("import_done", name=upload.filename, pupils=result.pupils,
            sessions=result.sessions, events=result.events))
    return redirect(url_for("data.index"))


@bp.route("/data/export")
def export() -> Response:
    """One pupil's data as a download, in a format of the export registry."""
    pupil_id = request.args.get("pupil", "")
    fmt = EXPORTS.get(request.args.get("format", "csv"))
    if fmt is None or queries.pupil(db.log(), pupil_id) is None:
        abort(404, t("unknown_pupil", pupil=pupil_id))
    if fmt.name == "xapi" and admin.XAPI_HOME not in admin.log_settings(db.log()):
        abort(409, t("xapi_home_first"))  # else one pseudonym at two schools is one learner
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"export{fmt.suffix}"
        export_pupil(db.path(), pupil_id, out, fmt.name, names=ContentNames)
        body = out.read_bytes()
    name = "".join(ch if ch.isprintable() and ch not in '/\\"' else "_" for ch in pupil_id)
    return downloads.attachment(body, fmt.mimetype, f"{name}{fmt.suffix}")


@bp.route("/data/delete", methods=["POST"])
def delete() -> ResponseReturnValue:
    pupil_id = request.form.get("pupil", "")
    if request.form.get("confirm", "").strip() != pupil_id:
        flash(t("delete_confirm_mismatch", pupil=pupil_id), "problem")
        return redirect(url_for("data.index"))
    gone = admin.delete_pupil(db.writable_path(), pupil_id)
    flash(t("deleted", pupil=gone.pupil, sessions=gone.sessions, events=gone.events))
    if not gone.purged:
        flash(t("delete_not_purged"), "problem")
    return redirect(url_for("data.index"))


@bp.route("/data/xapi", methods=["POST"])
def xapi_settings() -> ResponseReturnValue:
    """The school's learning platform (the pupils' accounts live there) and, optionally,
    the base of the activity ids: set once, kept in the log, used by every xAPI export."""
    home = request.form.get("home", "").strip()
    base = request.form.get("base", "").strip()
    if not web_address(home) or (base and not web_address(base, secure=True)):
        flash(t("xapi_bad_address"), "problem")
        return redirect(url_for("data.index"))
    admin.set_setting(db.writable_path(), admin.XAPI_HOME, home)
    admin.set_setting(db.writable_path(), admin.XAPI_BASE, base)
    flash(t("xapi_saved", home=home))
    return redirect(url_for("data.index"))


def web_address(text: str, *, secure: bool = False) -> bool:
    """An absolute http(s) address with a host (https only when `secure`)."""
    parts = urlsplit(text)
    schemes = ("https",) if secure else ("https", "http")
    return parts.scheme in schemes and bool(parts.hostname) and len(text) <= 300 \
        and text.isprintable() and " " not in text
