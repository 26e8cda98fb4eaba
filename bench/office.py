"""A served copy of the example year for bench/serve_bench.py: the folder in a temp directory
with extra meetings and editor accounts, `hanji serve` on a free loopback port, and a small
HTTP client holding one login session over one kept-alive connection (standard library only).
"""
import http.client, json, os, re, shutil, signal, socket, subprocess, tempfile, time

PASSWORD = "pw-pw-pw-pw"


def with_field(text, key, value):
    """`text` (a record's YAML) with the top-level `key:` line's value replaced, its comment kept."""
    pattern = re.compile(rf"^{key}:[ \t]*(.*?)([ \t]+#.*)?$", re.M)
    found = pattern.search(text)
    if not found:
        raise ValueError(f"no top-level `{key}:` line in the record")
    comment = found.group(2) or ""
    return text[:found.start()] + f"{key}: {value}{comment}" + text[found.end():]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Office:
    """`hanji serve` over a temp copy of `folder`; use as a context manager (it always stops the
    server and removes the copy, also when the benchmark fails)."""

    def __init__(self, hanji, folder, meetings=(), editors=()):
        self.hanji, self.source, self.meetings, self.editors = hanji, folder, meetings, editors
        self.tmp = self.process = self.log = None

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start(self):
        self.tmp = tempfile.mkdtemp(prefix="hanji-serve-bench-")
        self.folder = os.path.join(self.tmp, "year")
        shutil.copytree(self.source, self.folder)
        template = open(os.path.join(self.folder, "minutes-14.yaml"), encoding="utf-8").read()
        for number in self.meetings:
            with open(self.path(f"minutes-{number}.yaml"), "w", encoding="utf-8") as out:
                out.write(with_field(template, "number", str(number)))
        for name in self.editors:
            subprocess.run([self.hanji, "user", "add", name, "--folder", self.folder, "--role", "editor"],
                           input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        self.port = free_port()
        # The server's output goes to a file: a pipe nobody reads could fill and stop it.
        self.log = open(os.path.join(self.tmp, "serve.log"), "w+")
        # Started outside the checkout, as in an office: it must find its layouts by itself.
        self.process = subprocess.Popen([self.hanji, "serve", self.folder, "--port", str(self.port)],
                                        stdout=self.log, stderr=subprocess.STDOUT, cwd=self.tmp)
        deadline = time.monotonic() + 30
        while True:
            try:
                if Client(self.port).request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"hanji serve did not start: {self.server_output()}")
            time.sleep(0.05)

    def path(self, name):
        return os.path.join(self.folder, name)

    def server_output(self):
        if not self.log:
            return ""
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-2000:]

    def __exit__(self, *_):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log:
            self.log.close()
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)


class Client:
    """One connection to the server; after `login`, one session (its cookie and CSRF token)."""

    def __init__(self, port):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = self.csrf = None

    def request(self, method, path, body=None, headers=None):
        """(status, headers with lower-case names, body bytes). A request that changes nothing is
        sent again once on a new connection if the kept-alive one was closed under it; a save is
        not (it may have been written)."""
        sent = dict(headers or {})
        if self.cookie:
            sent["Cookie"] = f"hanji_session={self.cookie}"
            sent["X-Hanji-CSRF"] = self.csrf
        if isinstance(body, str):
            body = body.encode()
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=sent)
                answer = self.connection.getresponse()
                data = answer.read()
                return answer.status, {k.lower(): v for k, v in answer.getheaders()}, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.connection.close()
                if attempt == 2 or method == "PUT":
                    raise

    def login(self, name, password=PASSWORD):
        status, headers, body = self.request("POST", "/api/login", json.dumps({"name": name, "password": password}),
                                             {"Content-Type": "application/json"})
        if status != 200:
            raise RuntimeError(f"login as {name}: {status} {body[:200]!r}")
        self.cookie = re.match(r"hanji_session=([^;]*)", headers["set-cookie"]).group(1)
        self.csrf = json.loads(body)["csrf"]
        return self

    def close(self):
        self.connection.close()
