"""Sending files to the workbench as a browser's multipart form does (for tests/test_web_import.py and
tests/test_web_security.py)."""
from __future__ import annotations

import urllib.request
import uuid

from webbench import Client, Reply


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """The body and Content-Type of a multipart/form-data form: files are {field: (file name, bytes)}."""
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    for name, (filename, data) in files.items():
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n")
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload(client: Client, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> Reply:
    body, kind = multipart(fields, files)
    return client._open(urllib.request.Request(client.base + path, data=body, headers={"Content-Type": kind}))
