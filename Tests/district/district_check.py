#!/usr/bin/env python3
"""A district in miniature: one PostgreSQL, two `masterly` servers behind nginx, load on both, faults injected.

    python3 Tests/district/district_check.py --masterly .build/debug/masterly --pg-bin /usr/lib/postgresql/15/bin \
        --out build-e2e/district

Starts its own PostgreSQL cluster (so it may stop, freeze and restart it), two servers at once on the empty
database (both migrate at once: one seeds the demo school, the other only serves), and nginx in front. Then:

1. consistency: writers post evidence on the same few student x competency pairs through both servers at once;
   after each acknowledged write, the other server's gradebook must already count it; at the end every pair
   counts exactly the acknowledged writes (no lost update) on both servers;
2. faults, under steady load through nginx: a server killed (SIGKILL) and restarted, PostgreSQL frozen
   (SIGSTOP: a database that stops answering without closing anything) longer than the servers' deadline, and
   PostgreSQL restarted. Every request must end within the deadline plus a margin (none hangs); every failure
   must be a 503 with Retry-After (a 502 only for a request in flight on the killed server) and happen only while
   a fault lasts; afterwards both servers are ready again and answer a burst on every pooled connection;
3. `masterly recompute` reports 0 changed;
4. SIGTERM: both servers exit within their drain bound.

Standard library only. Exits 1 with the first problems found; the last line is a one-line summary for CI.
"""

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

DEADLINE = 3  # seconds: the servers' --database-deadline
MARGIN = DEADLINE + 2  # beyond the deadline: a request may wait up to one deadline for a connection, then use it
PASSWORD = "masterly-demo"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Problems:
    def __init__(self):
        self.lock = threading.Lock()
        self.items = []

    def add(self, text):
        with self.lock:
            if len(self.items) < 200:
                self.items.append(text)
            print("PROBLEM: " + text, flush=True)


PROBLEMS = Problems()


def check(condition, text):
    if not condition:
        PROBLEMS.add(text)
    return condition


class Postgres:
    """A throwaway cluster this script may stop, freeze and restart."""

    def __init__(self, pg_bin, root):
        self.bin, self.root = pg_bin, root
        self.data = os.path.join(root, "data")
        self.port = free_port()
        self.log = os.path.join(root, "server.log")
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *args):
        subprocess.run(self.as_postgres + list(args), check=True, stdout=subprocess.DEVNULL)

    def init(self):
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self.run(os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8")
        self.start()
        self.run(os.path.join(self.bin, "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "district")

    def start(self):
        self.run(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o",
                 "-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
                 % (self.port, self.root), "start")

    def stop(self):
        self.run(os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop")

    def processes(self):
        with open(os.path.join(self.data, "postmaster.pid")) as f:
            postmaster = int(f.readline())
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(postmaster)], capture_output=True, text=True).stdout
        return [postmaster] + [int(p) for p in out.split()]

    def freeze(self):
        pids = self.processes()
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        return pids

    @staticmethod
    def thaw(pids):
        for pid in pids:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass

    @property
    def url(self):
        return "postgres://postgres@127.0.0.1:%d/district" % self.port


class Server:
    def __init__(self, name, masterly, database, out, command):
        self.name, self.masterly, self.database, self.out, self.command = name, masterly, database, out, command
        self.port = free_port()
        self.process = None

    def start(self, command=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith("MASTERLY_")}
        log = open(os.path.join(self.out, "%s.log" % self.name), "a")
        self.process = subprocess.Popen(
            [self.masterly, command or self.command, "--port", str(self.port), "--database", self.database,
             "--database-deadline", str(DEADLINE), "--trust-proxy", "true", "--log-format", "json",
             "--log-level", "warning"],
            stdout=log, stderr=log, env=env)

    def kill(self):
        self.process.kill()
        self.process.wait()

    @property
    def base(self):
        return ("127.0.0.1", self.port)


def request(address, method, path, token=None, body=None, timeout=DEADLINE + MARGIN):
    """(status, headers, parsed body or None, seconds); status 0 for a connection failure, -1 for a timeout."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(*address, timeout=timeout)
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return response.status, dict(response.getheaders()), parsed, time.monotonic() - started
    except socket.timeout:
        return -1, {}, None, time.monotonic() - started
    except (ConnectionError, OSError, http.client.HTTPException):
        return 0, {}, None, time.monotonic() - started
    finally:
        connection.close()


def wait_ready(address, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _, _, _ = request(address, "GET", "/ready", timeout=5)
        if status == 200:
            return True
        time.sleep(0.3)
    PROBLEMS.add("%s was not ready within %ds" % (what, seconds))
    return False


def start_nginx(root, servers, out):
    port = free_port()
    config = os.path.join(root, "nginx.conf")
    upstreams = "\n".join("    server 127.0.0.1:%d max_fails=0;" % s.port for s in servers)
    with open(config, "w") as f:
        f.write("""
daemon off;
worker_processes 1;
pid %(root)s/nginx.pid;
error_log %(out)s/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log %(out)s/nginx-access.log;
  client_body_temp_path %(root)s/body;
  proxy_temp_path %(root)s/proxy;
  fastcgi_temp_path %(root)s/fastcgi;
  uwsgi_temp_path %(root)s/uwsgi;
  scgi_temp_path %(root)s/scgi;
  upstream masterly {
%(upstreams)s
    keepalive 16;
  }
  server {
    listen 127.0.0.1:%(port)d;
    location / {
      proxy_pass http://masterly;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id $request_id;
      proxy_connect_timeout 2s;
      proxy_read_timeout %(read)ds;
      proxy_next_upstream error timeout;
    }
  }
}
""" % {"root": root, "out": os.path.abspath(out), "upstreams": upstreams, "port": port, "read": DEADLINE + MARGIN})
    process = subprocess.Popen(["nginx", "-c", config, "-p", root], stdout=subprocess.DEVNULL,
                               stderr=open(os.path.join(out, "nginx-start.log"), "w"))
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, ("127.0.0.1", port)
        except OSError:
            time.sleep(0.1)
    raise SystemExit("nginx did not start (see %s/nginx-start.log)" % out)


def sign_in(address):
    status, _, body, _ = request(address, "POST", "/api/v1/sessions", body={"username": "teacher", "password": PASSWORD})
    if status not in (200, 201) or not body:
        raise SystemExit("could not sign in as teacher through %s: %s %s" % (address, status, body))
    return body["token"]


def gradebook_counts(address, token, section):
    status, _, body, _ = request(address, "GET", "/api/v1/sections/%s/gradebook" % section, token)
    if status != 200:
        return None
    return {(c["studentId"], c["competencyId"]): c["evidenceCount"] for c in body["cells"]}


def now_iso():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def consistency(servers, token, section, pairs):
    """Writers on the same pairs through both servers; each acknowledged write read back on the other server."""
    before = gradebook_counts(servers[0].base, token, section)
    acknowledged = {pair: 0 for pair in pairs}
    lock = threading.Lock()
    stale = []

    def writer(index):
        rng = random.Random(index)
        for n in range(30):
            pair = rng.choice(pairs)
            here, there = servers[(index + n) % 2], servers[(index + n + 1) % 2]
            status, _, _, _ = request(here.base, "POST", "/api/v1/evidence", token,
                                      {"studentId": pair[0], "competencyId": pair[1], "score": rng.choice([1, 2, 3, 4]),
                                       "observedAt": now_iso(), "comment": "district check"})
            if not check(status == 201, "consistency: evidence through %s answered %s" % (here.name, status)):
                continue
            with lock:
                acknowledged[pair] += 1
                expected = before[pair] + acknowledged[pair]
            counts = gradebook_counts(there.base, token, section)
            if counts is None or counts[pair] < expected:
                stale.append((pair, expected, counts and counts[pair]))

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(not stale, "consistency: %d reads on the other server missed an acknowledged write, e.g. %s"
          % (len(stale), stale[:3]))
    lost = 0
    for server in servers:
        after = gradebook_counts(server.base, token, section)
        for pair in pairs:
            if after[pair] != before[pair] + acknowledged[pair]:
                lost += 1
                PROBLEMS.add("consistency: %s counts %d evidence on %s, expected %d"
                             % (server.name, after[pair], pair, before[pair] + acknowledged[pair]))
    writes = sum(acknowledged.values())
    print("consistency: %d acknowledged writes on %d pairs from 8 writers through 2 servers; %d stale reads, "
          "%d wrong counts" % (writes, len(pairs), len(stale), lost), flush=True)
    return writes


class Workers:
    """Threads (`self.threads`, looping while `self.running`) started on entering a `with` and joined on leaving
    it; `elapsed` is how long they ran."""

    running = True
    threads = []

    def __enter__(self):
        self.started = time.monotonic()
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for t in self.threads:
            t.join()
        self.elapsed = time.monotonic() - self.started


class Load(Workers):
    """Steady reads and writes through nginx, every answer recorded with its time."""

    def __init__(self, balancer, token, section, pairs):
        self.balancer, self.token, self.section, self.pairs = balancer, token, section, pairs
        self.results = []  # (start, end, status, retry_after, kind)
        self.lock = threading.Lock()
        self.running = True
        self.threads = [threading.Thread(target=self.run, args=(i,)) for i in range(6)]

    def run(self, index):
        rng = random.Random(100 + index)
        while self.running:
            start = time.monotonic()
            if index % 2 == 0:
                pair = rng.choice(self.pairs)
                status, headers, _, _ = request(
                    self.balancer, "POST", "/api/v1/evidence", self.token,
                    {"studentId": pair[0], "competencyId": pair[1], "score": 3, "observedAt": now_iso()})
                kind = "write"
            else:
                status, headers, _, _ = request(
                    self.balancer, "GET", "/api/v1/sections/%s/gradebook" % self.section, self.token)
                kind = "read"
            with self.lock:
                self.results.append((start, time.monotonic(), status, headers.get("Retry-After"), kind))
            if status != 200 and status != 201:
                time.sleep(0.05)



def faults(servers, postgres, balancer, token, section, pairs, masterly):
    windows = []  # (name, start, end, allowed statuses)

    with Load(balancer, token, section, pairs) as load:
        time.sleep(2)
        # A server killed outright, restarted 3 s later.
        start = time.monotonic()
        servers[0].kill()
        time.sleep(3)
        servers[0].start("serve")
        wait_ready(servers[0].base, 60, "server A after its restart")
        windows.append(("server A killed", start, time.monotonic() + 1, {502, 503}))
        time.sleep(2)
        # PostgreSQL frozen past the deadline: nothing closes, nothing answers.
        start = time.monotonic()
        pids = postgres.freeze()
        time.sleep(DEADLINE + 3)
        Postgres.thaw(pids)
        windows.append(("PostgreSQL frozen", start, time.monotonic() + DEADLINE + 2, {503}))
        time.sleep(DEADLINE + 3)
        # PostgreSQL stopped and started again.
        start = time.monotonic()
        postgres.stop()
        time.sleep(2)
        postgres.start()
        windows.append(("PostgreSQL restarted", start, time.monotonic() + 3, {503}))
        time.sleep(5)
    results = load.results

    hung = [r for r in results if r[2] == -1 or r[1] - r[0] > DEADLINE + MARGIN]
    check(not hung, "faults: %d requests hung past %ds (deadline %ds + margin)" % (len(hung), DEADLINE + MARGIN,
                                                                                    DEADLINE))
    failed = [r for r in results if r[2] not in (200, 201)]
    outside, wrong = [], []
    for r in failed:
        inside = [w for w in windows if w[1] <= r[1] and r[0] <= w[2]]
        if not inside:
            outside.append(r)
        elif r[2] not in set().union(*(w[3] for w in inside)):
            wrong.append((r, [w[0] for w in inside]))
        elif r[2] == 503 and r[3] is None:
            wrong.append((r, "503 without Retry-After"))
    check(not outside, "faults: %d requests failed outside any fault, e.g. statuses %s"
          % (len(outside), sorted({r[2] for r in outside})))
    check(not wrong, "faults: %d failures were not 503 with Retry-After, e.g. %s" % (len(wrong), wrong[:3]))
    ok = len(results) - len(failed)
    print("faults: %d requests under load (%d answered, %d failed only during the faults, all 503/502 as allowed: "
          "%s); none past %ds" % (len(results), ok, len(failed), "yes" if not (outside or wrong) else "NO",
                                  DEADLINE + MARGIN), flush=True)

    # Afterwards: both ready, and every pooled connection works (a burst larger than the pool).
    for server in servers:
        wait_ready(server.base, 30, "server %s after the faults" % server.name)
        burst = []
        lock = threading.Lock()

        def one():
            status, _, _, _ = request(server.base, "GET", "/api/v1/sections/%s/gradebook" % section, token)
            with lock:
                burst.append(status)

        threads = [threading.Thread(target=one) for _ in range(24)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(all(s == 200 for s in burst), "faults: after recovery server %s answered a burst with %s"
              % (server.name, sorted(set(burst))))


def recompute(masterly, database):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MASTERLY_")}
    out = subprocess.run([masterly, "recompute", "--database", database], capture_output=True, text=True, env=env)
    first = (out.stdout.strip().splitlines() or ["(nothing)"])[0]
    check(out.returncode == 0 and first == "0 changed", "recompute after the run: %s %s" % (first, out.stderr[-300:]))
    print("recompute: " + " ".join(out.stdout.split()), flush=True)


def sigterm(servers):
    bound = DEADLINE + 5 + 3
    for server in servers:
        start = time.monotonic()
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=bound)
            print("SIGTERM: server %s exited in %.1fs (rc %s)" % (server.name, time.monotonic() - start,
                                                                 server.process.returncode), flush=True)
        except subprocess.TimeoutExpired:
            PROBLEMS.add("SIGTERM: server %s still running after %ds" % (server.name, bound))
            server.kill()


def stop_everything(servers, nginx, postgres, root, out):
    """Stops what a run started (whatever got started) and removes its folder, keeping PostgreSQL's log."""
    for server in servers:
        if server.process and server.process.poll() is None:
            server.kill()
    if nginx:
        nginx.terminate()
        nginx.wait()
    try:
        postgres.stop()
    except Exception:
        pass
    if os.path.exists(postgres.log):
        shutil.copy(postgres.log, os.path.join(out, "postgres.log"))
    shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--masterly", required=True)
    parser.add_argument("--pg-bin", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    masterly = os.path.abspath(args.masterly)
    os.makedirs(args.out, exist_ok=True)
    root = tempfile.mkdtemp(prefix="masterly-district-")
    os.chmod(root, 0o755)
    postgres = Postgres(args.pg_bin, root)
    servers, nginx = [], None
    started = time.monotonic()
    try:
        postgres.init()
        # Two servers on an empty database at once: both migrate (one waits for the other's lock).
        servers = [Server("A", masterly, postgres.url, args.out, "demo"),
                   Server("B", masterly, postgres.url, args.out, "serve")]
        for server in servers:
            server.start()
        for server in servers:
            wait_ready(server.base, 240, "server %s at start" % server.name)
            check(server.process.poll() is None, "server %s exited at start (rc %s)" % (server.name,
                                                                                       server.process.returncode))
        if PROBLEMS.items:
            raise SystemExit(1)
        # The demo is seeded once A answers /api/v1/sessions with a token.
        deadline = time.monotonic() + 240
        token = None
        while token is None and time.monotonic() < deadline:
            status, _, body, _ = request(servers[0].base, "POST", "/api/v1/sessions",
                                         body={"username": "teacher", "password": PASSWORD})
            token = body.get("token") if status in (200, 201) and body else None
            time.sleep(0.5)
        print("start: two servers migrated one database at once and are ready (%.0fs)" % (time.monotonic() - started),
              flush=True)
        nginx, balancer = start_nginx(root, servers, args.out)
        token = sign_in(balancer)
        status, _, sections, _ = request(servers[1].base, "GET", "/api/v1/sections", token)
        check(status == 200, "a token issued through nginx works on server B directly (%s)" % status)
        section = sections["sections"][0]["id"]
        counts = gradebook_counts(servers[1].base, token, section)
        students = sorted({s for s, _ in counts})[:3]
        competencies = sorted({c for _, c in counts})[:2]
        pairs = [(s, c) for s in students for c in competencies]
        consistency(servers, token, section, pairs)
        faults(servers, postgres, balancer, token, section, pairs, masterly)
        recompute(masterly, postgres.url)
        sigterm(servers)
    finally:
        stop_everything(servers, nginx, postgres, root, args.out)
    elapsed = time.monotonic() - started
    if PROBLEMS.items:
        print("district FAILED in %.0fs: %d problems; first: %s" % (elapsed, len(PROBLEMS.items), PROBLEMS.items[0]))
        sys.exit(1)
    print("district ok in %.0fs: two servers behind nginx stayed consistent and alive through a killed server, a "
          "frozen and a restarted PostgreSQL; recompute 0 changed" % elapsed)


if __name__ == "__main__":
    main()
