#!/usr/bin/env python3
"""The district benchmark (issue #14): a generated district on PostgreSQL, timed end to end. Prints figures.

    Benchmarks/district/run.sh            # builds the release binary, full size: 50,000 students, 2,000 sections,
                                          # 10 million evidence rows (about 20 minutes on a 2-core machine)
    Benchmarks/district/run.sh --students 5000 --sections 200 --evidence 1000000     # a tenth, for a try

What it measures, each against a reference taken in the same run:
  1. import: `masterly import case` and `masterly import oneroster` of the generated files (generate.py);
  2. evidence: N rows written straight into evidence_events with one INSERT … SELECT (the log a district
     accumulates over years; not timed against anything), then
  3. recompute: `masterly recompute` building every mastery record from the log, and again when nothing changed,
     against a plain ordered scan of the same columns (COPY … TO /dev/null) — the floor any rebuild must pay;
  4. the gradebook page (35 students × 60 competencies) under mixed load — 50 evidence writes/s across the
     district and 5/s into the section being read — on one server and on two behind nginx, with wrk: requests/s
     and p99, beside /health's throughput in the same conditions.

Targets (issue #14; benchmarks, not tests): the page's p99 under 100 ms and at least 25 % of /health's
throughput, on one server and on two. Needs PostgreSQL's server binaries, nginx and wrk (apt-get).
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "Tests", "district"))
import district_check as district  # noqa: E402  (PostgreSQL, servers and nginx, shared with the CI check)

PASSWORD = "district-bench-1"


def run(*args, stdin=None, quiet=True):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MASTERLY_")}
    started = time.monotonic()
    out = subprocess.run(list(args), input=stdin, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit("failed: %s\n%s\n%s" % (" ".join(args), out.stdout[-2000:], out.stderr[-2000:]))
    if not quiet:
        print(out.stdout.strip())
    return out.stdout, time.monotonic() - started


def psql(postgres, sql):
    return run("psql", "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres", "-d", "district", "-At", "-c",
               sql)


def seconds(value):
    return "%.1f s" % value


class Figures:
    def __init__(self):
        self.lines = []

    def add(self, text):
        print("  " + text, flush=True)
        self.lines.append(text)


def generate_and_import(args, postgres, masterly, work, figures):
    run(sys.executable, os.path.join(HERE, "generate.py"), "--out", work, "--students", str(args.students),
        "--sections", str(args.sections), "--schools", str(args.schools), "--courses", str(args.courses))
    run(masterly, "migrate", "--database", postgres.url)
    _, case_time = run(masterly, "import", "case", os.path.join(work, "framework.json"), "--database", postgres.url)
    out, roster_time = run(masterly, "import", "oneroster", os.path.join(work, "oneroster"), "--database",
                           postgres.url)
    figures.add("import: framework %s; roster of %d students, %d sections %s (%s)"
                % (seconds(case_time), args.students, args.sections, seconds(roster_time),
                   " ".join(out.split())[:120]))
    # The README's "your own school" step: the first administrator (the sign-in page asks for one until then).
    run(masterly, "setup", "--database", postgres.url, "--username", "district-admin", "--name", "District Admin",
        stdin=PASSWORD + "\n")
    for number in range(1, args.courses + 1):
        run(masterly, "courses", "link", "crs-%02d" % number, "SDMF", "--database", postgres.url)


def write_evidence(args, postgres, figures):
    """About args.evidence rows over every enrolment × competency pair, scores 1–4, a school year of dates."""
    pairs = int(psql(postgres, "SELECT (SELECT count(*) FROM enrollments WHERE role = 'student') * "
                               "(SELECT count(*) FROM competencies)")[0].strip())
    per_pair = args.evidence / max(pairs, 1)
    whole, fraction = int(per_pair), per_pair - int(per_pair)
    started = time.monotonic()
    psql(postgres, """
        INSERT INTO evidence_events (id, action, student_id, competency_id, score, observed_at, recorded_at,
                                     recorded_by, source, section_id)
        SELECT 'bench-' || md5(e.section_id || e.person_id || c.id) || '-' || g, 'record', e.person_id, c.id,
               1 + abs(hashtext(e.person_id || c.id || g::text)) %% 4,
               1788220800 + g * 86400 * 7, 1788220800 + g * 86400 * 7, t.person_id, 'manual', e.section_id
        FROM enrollments e
        JOIN enrollments t ON t.section_id = e.section_id AND t.role = 'teacher'
        CROSS JOIN competencies c
        CROSS JOIN LATERAL generate_series(1, %d + CASE WHEN abs(hashtext(e.person_id || c.id)) %% 1000 < %d
                                                       THEN 1 ELSE 0 END) g
        WHERE e.role = 'student'
    """ % (whole, round(fraction * 1000)))
    psql(postgres, "ANALYZE")
    count = int(psql(postgres, "SELECT count(*) FROM evidence_events")[0].strip())
    size = psql(postgres, "SELECT pg_size_pretty(pg_total_relation_size('evidence_events'))")[0].strip()
    figures.add("evidence: %d rows on %d student × competency pairs written in %s (%s with indexes)"
                % (count, pairs, seconds(time.monotonic() - started), size))
    return count


def recompute(masterly, postgres, figures):
    out, first = run(masterly, "recompute", "--database", postgres.url)
    first_line = " ".join(out.split())
    out, second = run(masterly, "recompute", "--database", postgres.url)
    second_line = " ".join(out.split())
    started = time.monotonic()
    psql(postgres, "COPY (SELECT student_id, competency_id, sequence, action, observed_at, score "
                   "FROM evidence_events ORDER BY student_id, competency_id, sequence) TO '/dev/null'")
    scan = time.monotonic() - started
    figures.add("recompute from nothing: %s (%s)" % (seconds(first), first_line))
    figures.add("recompute, nothing to change: %s (%s)" % (seconds(second), second_line))
    figures.add("plain ordered scan of the same columns: %s — recompute costs %.1f× the scan"
                % (seconds(scan), second / max(scan, 1e-9)))


def sign_in_browser(address, username):
    """A cookie header for a signed-in browser session (the CSRF-protected sign-in form)."""
    import http.client
    c = http.client.HTTPConnection(*address)
    c.request("GET", "/login")
    r = c.getresponse()
    body = r.read().decode()
    cookies = [h.split(";")[0] for k, h in r.getheaders() if k.lower() == "set-cookie"]
    token = re.search(r'name="_csrf" value="([^"]*)"', body).group(1)
    data = urllib.parse.urlencode({"_csrf": token, "username": username, "password": PASSWORD})
    c.request("POST", "/login", body=data, headers={"Cookie": "; ".join(cookies),
                                                     "Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    cookies += [h.split(";")[0] for k, h in r.getheaders() if k.lower() == "set-cookie"]
    return "; ".join(cookies)


class Writers(district.Workers):
    """Evidence at a steady rate: `district_rate`/s by many teachers across the district, `section_rate`/s by the
    reader's teacher into the section being read."""

    def __init__(self, address, district_tokens, section_token, section, district_rate, section_rate):
        self.address, self.running = address, True
        self.targets = []  # (token, student, competency, section)
        for token in district_tokens:
            _, _, body, _ = district.request(address, "GET", "/api/v1/sections", token)
            for item in body["sections"]:
                counts = district.gradebook_counts(address, token, item["id"])
                self.targets += [(token, s, c) for (s, c) in counts]
        _, _, body, _ = district.request(address, "GET", "/api/v1/sections/%s/gradebook" % section, section_token)
        self.section_targets = [(section_token, c["studentId"], c["competencyId"]) for c in body["cells"]]
        self.plan = [(self.targets, district_rate), (self.section_targets, section_rate)]
        self.done, self.failed, self.lock = 0, 0, threading.Lock()
        self.threads = []
        for targets, rate in self.plan:
            for index in range(4):
                self.threads.append(threading.Thread(target=self.write, args=(targets, rate / 4.0, index)))

    def write(self, targets, rate, index):
        rng = random.Random(index)
        interval = 1.0 / rate
        next_at = time.monotonic() + rng.random() * interval
        while self.running:
            pause = next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            next_at += interval
            token, student, competency = rng.choice(targets)
            status, _, _, _ = district.request(self.address, "POST", "/api/v1/evidence", token,
                                               {"studentId": student, "competencyId": competency,
                                                "score": rng.choice([1, 2, 3, 4])})
            with self.lock:
                if status == 201:
                    self.done += 1
                else:
                    self.failed += 1



def wrk(address, path, header, duration, connections):
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", "%ds" % duration, "--latency",
           "-H", "Accept-Encoding: gzip"]
    if header:
        cmd += ["-H", header]
    out = subprocess.run(cmd + ["http://%s:%d%s" % (address[0], address[1], path)], capture_output=True,
                         text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", out)
    p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p99_ms, int(bad.group(1)) if bad else 0


def mixed_load(args, servers, balancer, masterly, postgres, figures):
    teachers = ["tch%04d" % n for n in range(1, min(41, args.sections // 5) + 1)]
    for username in teachers:
        run(masterly, "users", "password", username, "--database", postgres.url, stdin=PASSWORD + "\n")
    tokens = {}
    for username in teachers:
        status, _, body, _ = district.request(balancer, "POST", "/api/v1/sessions",
                                              body={"username": username, "password": PASSWORD})
        tokens[username] = body["token"]
    _, _, body, _ = district.request(balancer, "GET", "/api/v1/sections", tokens["tch0001"])
    section = sorted(body["sections"], key=lambda s: s["name"])[0]["id"]
    cookie = sign_in_browser(balancer, "tch0001")
    page = "/sections/%s" % section
    for name, address in (("one server", servers[0].base), ("two servers behind nginx", balancer)):
        with Writers(balancer, [tokens[t] for t in teachers[1:]], tokens["tch0001"], section,
                     args.district_rate, args.section_rate) as writers:
            time.sleep(2)
            health = wrk(address, "/health", None, args.duration, 16)
            gradebook = wrk(address, page, "Cookie: " + cookie, args.duration, 16)
        figures.add("%s, while %d evidence/s were written (%d failed): gradebook page %.0f req/s, p99 %.1f ms "
                    "(%.0f%% of /health's %.0f req/s, p99 %.1f ms)%s"
                    % (name, writers.done / writers.elapsed, writers.failed, gradebook[0], gradebook[1],
                       100 * gradebook[0] / health[0], health[0], health[1],
                       "; %d non-2xx" % gradebook[2] if gradebook[2] else ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--masterly", required=True, help="the release binary")
    parser.add_argument("--pg-bin", required=True)
    parser.add_argument("--out", default="build-bench/district")
    parser.add_argument("--students", type=int, default=50000)
    parser.add_argument("--sections", type=int, default=2000)
    parser.add_argument("--schools", type=int, default=20)
    parser.add_argument("--courses", type=int, default=20)
    parser.add_argument("--evidence", type=int, default=10_000_000)
    parser.add_argument("--district-rate", type=float, default=50)
    parser.add_argument("--section-rate", type=float, default=5)
    parser.add_argument("--duration", type=int, default=15, help="seconds of each wrk run")
    args = parser.parse_args()
    for tool in ("nginx", "wrk", "psql"):
        if not shutil.which(tool):
            sys.exit("needs %s (apt-get install %s)" % (tool, {"psql": "postgresql-client"}.get(tool, tool)))
    masterly = os.path.abspath(args.masterly)
    os.makedirs(args.out, exist_ok=True)
    root = tempfile.mkdtemp(prefix="masterly-district-bench-")
    os.chmod(root, 0o755)
    postgres = district.Postgres(args.pg_bin, root)
    figures = Figures()
    servers, nginx = [], None
    print("district benchmark on %d cores: %d students, %d sections, %d evidence rows"
          % (os.cpu_count(), args.students, args.sections, args.evidence), flush=True)
    try:
        postgres.init()
        generate_and_import(args, postgres, masterly, os.path.join(root, "files"), figures)
        write_evidence(args, postgres, figures)
        recompute(masterly, postgres, figures)
        servers = [district.Server(name, masterly, postgres.url, args.out, "serve") for name in ("A", "B")]
        for server in servers:
            server.start()
        for server in servers:
            if not district.wait_ready(server.base, 120, "server %s" % server.name):
                sys.exit("server %s did not start (see %s)" % (server.name, args.out))
        nginx, balancer = district.start_nginx(root, servers, args.out)
        mixed_load(args, servers, balancer, masterly, postgres, figures)
    finally:
        district.stop_everything(servers, nginx, postgres, root, args.out)
    with open(os.path.join(args.out, "figures.txt"), "w") as f:
        f.write("\n".join(figures.lines) + "\n")
    print("figures written to %s/figures.txt" % args.out)


if __name__ == "__main__":
    main()
