"""A GOV.UK Notify stand-in for benchmarks/notify.sh, following Notify's documented API as the test
suite's fake (Tests/Support/FakeNotify.swift) does: each request's HS256 token is checked (signature
with the key's secret, iss the service id, iat within 30 seconds), 429 beyond PER_MINUTE requests in
any 60 seconds, 201 with an id, lookups by reference, templates by id. GET /_counts (no token) says
how many messages each recipient got, how many requests came and how many were refused for the rate.

Usage: python3 fake_notify.py PORT PER_MINUTE SERVICE_ID SECRET
"""
import base64
import collections
import hashlib
import hmac
import json
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PORT, PER_MINUTE, SERVICE, SECRET = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
TEMPLATES = {
    "11111111-1111-4111-8111-111111111111": ("email", "((subject))", "((body))"),
    "22222222-2222-4222-8222-222222222222": ("sms", None, "((body))"),
    "33333333-3333-4333-8333-333333333333": ("letter", "((subject))", "((body)) ((reference))"),
}
lock = threading.Lock()
messages = []
by_reference = collections.defaultdict(list)
recent = collections.deque()
counts = {"requests": 0, "rate_limited": 0}


def b64(data):
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def token_problem(header):
    if not header or not header.startswith("Bearer "):
        return 401, "Unauthorized: authentication token must be provided"
    try:
        head, payload, signature = header[7:].split(".")
        expected = hmac.new(SECRET.encode(), f"{head}.{payload}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, b64(signature)):
            return 403, "Invalid token: signature, api token not found"
        claims = json.loads(b64(payload))
    except Exception:
        return 403, "Invalid token: signature, api token not found"
    if claims.get("iss") != SERVICE:
        return 403, "Invalid token: service not found"
    if abs(time.time() - float(claims.get("iat", 0))) > 30:
        return 403, "Error: Your system clock must be accurate to within 30 seconds"
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def error(self, status, kind, message):
        self.answer(status, {"status_code": status, "errors": [{"error": kind, "message": message}]})

    def do_GET(self):
        if self.path == "/_counts":
            with lock:
                per = collections.Counter(m["to"] for m in messages)
                return self.answer(200, dict(counts, messages=len(messages), recipients=len(per),
                                             most_to_one=max(per.values(), default=0)))
        problem = token_problem(self.headers.get("Authorization"))
        if problem:
            return self.error(problem[0], "AuthError", problem[1])
        if self.path.startswith("/v2/notifications?"):
            reference = parse_qs(urlsplit(self.path).query).get("reference", [""])[0]
            with lock:
                found = list(by_reference.get(reference, []))
            return self.answer(200, {"notifications": found, "links": {}})
        if self.path.startswith("/v2/template/"):
            template = TEMPLATES.get(self.path.rsplit("/", 1)[1])
            if not template:
                return self.error(404, "NoResultFound", "No result found")
            return self.answer(200, {"id": self.path.rsplit("/", 1)[1], "type": template[0],
                                     "subject": template[1], "body": template[2], "version": 1})
        self.error(404, "NoResultFound", "No result found")

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        problem = token_problem(self.headers.get("Authorization"))
        if problem:
            return self.error(problem[0], "AuthError", problem[1])
        kind = self.path.rsplit("/", 1)[1]
        now = time.time()
        with lock:
            counts["requests"] += 1
            while recent and now - recent[0] >= 60:
                recent.popleft()
            if len(recent) >= PER_MINUTE:
                counts["rate_limited"] += 1
                return self.error(429, "RateLimitError",
                                  f"Exceeded rate limit for key type LIVE of {PER_MINUTE} requests per 60 seconds")
            recent.append(now)
            template = TEMPLATES.get(body.get("template_id", ""))
            if not template or template[0] != kind:
                return self.error(400, "BadRequestError", "Template not found")
            to = body.get("email_address") or body.get("phone_number") or \
                body.get("personalisation", {}).get("address_line_1", "")
            message = {"id": str(uuid.uuid4()), "reference": body.get("reference"), "type": kind,
                       "status": "created", "to": to}
            messages.append(message)
            by_reference[message["reference"]].append(message)
        self.answer(201, {"id": message["id"], "reference": message["reference"], "content": {}, "template": {}})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a sender killed mid-request: what it sent, if anything, is already counted


Server(("127.0.0.1", PORT), Handler).serve_forever()
