#!/usr/bin/env python3
"""Hostile-input suite for a running `masterly demo`.

    python Tests/security/hostile_inputs.py --url http://127.0.0.1:PORT [--roles student,teacher] [--budget 280]

Point it at a throwaway demo (it writes to the database and may crash the server):
    masterly demo --port PORT --database /tmp/hostile.sqlite

What it does, per role (student, guardian, teacher, coach, admin), each with its own signed-in session:
  1. crawl:      breadth-first over same-origin GET links from `/` (and GET forms with their default values),
                 bounded per role and per path pattern; collects every <form> (action, fields, hidden values,
                 select options); every page must answer < 500 and be free of injected markup.
  2. injection:  posts every form (deduplicated by action pattern + field names) with markup payloads (each with
                 a unique marker: <hostile-tag-N>, data-hostile-N, /*hostile-N*/, 'hostile-N'), odd text
                 (quotes, NUL, bidi overrides, unicode, CR/LF, invalid UTF-8, 1 MB once per form), in all free
                 fields at once and one field at a time (the others sane), hidden ids and selects replaced.
                 Every response, and the page a post redirects to, must be < 500 and free of injected markup;
                 after every post /health must answer 200.
  3. api:        POST /api/v1/sessions and POST /api/v1/evidence with nasty values in each field: 4xx, never 5xx.
  4. re-crawl:   every role's pages again; the parsed DOM (html5lib, as a browser parses it) must hold no element
                 or attribute carrying a marker, no <meta http-equiv=refresh>, no on* event-handler attribute and
                 no javascript: URL.
  5. numbers:    the same forms with huge integers, non-finite numbers and odd dates, all fields and one at a time,
                 hidden ids, selects and ids in the action path replaced (the crash-prone part, hence last).
  6. re-crawl again (5xx and markup), if the server is still alive.

A server that stops answering (connection refused / reset) is a failure: the run stops there and reports the
request that killed it. Ends with a summary, one line per finding with its exact reproduction, the run time,
and a final line `N passed, M failed` (checks); exits 1 when M > 0 (2 on a usage or connection error at start).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
import time
import urllib.parse as up
from dataclasses import dataclass, field

import html5lib
import requests

ROLES = ["student", "guardian", "teacher", "coach", "admin"]
PASSWORD = "masterly-demo"
TIMEOUT = 30  # seconds for one request

# ----------------------------------------------------------------------------------------------- payloads

# Markup: {n} becomes a fresh marker number for every field of every post, so a marker found later in a DOM
# names the exact post and field that put it there.
MARKUP = [
    ("meta-refresh", '"><meta http-equiv="refresh" content="1;url=/x" data-hostile-{n}="1">'),
    ("svg-onload", "'><svg data-hostile-{n} onload=alert(1)>"),
    ("script", "<script>/*hostile-{n}*/alert(1)</script>"),
    ("tag", "<hostile-tag-{n}>x</hostile-tag-{n}>"),
    ("attr-dq", '" data-hostile-{n}="x'),
    ("attr-sq", "' data-hostile-{n}='x"),
    ("attr-unquoted", "x data-hostile-{n}=x"),
    ("rawtext-breakout", "</textarea></title></style></script></noscript>--><hostile-tag-{n}>"),
    ("img-onerror", "<img src=x data-hostile-{n} onerror=alert(1)>"),
    ("js-url", "javascript:alert('hostile-{n}')"),
]
# The subset tried one field at a time (the others sane), so that validation of another field cannot hide it.
MARKUP_PER_FIELD = ["attr-dq", "attr-sq", "attr-unquoted", "tag", "rawtext-breakout", "svg-onload", "js-url"]

ODD_TEXT = [
    ("quotes", "'\"`;--\\"),
    ("nul", "a\u0000b"),
    ("bidi", "\u202egnp.exe\u202c"),
    ("unicode", "Zoë 🎓 中文 עברית \u0301\ufdfd"),
    ("zero-width", "\ufeff\u200b\u2060"),
    ("empty", ""),
    ("blank", "   \t "),
    ("crlf", "a\r\nSet-Cookie: hostile=1"),
    ("invalid-utf8", b"\xff\xfe\xc3("),
    ("template", "{{7*7}}${7*7}<%= 7*7 %>"),
    ("sql", "' OR '1'='1' --"),
    ("path", "../../../../etc/passwd"),
    ("long-line", "W" * 5000),
]
ONE_MB = "A" * (1024 * 1024)

NUMBERS = [
    ("int64-max", "9223372036854775807"),
    ("int64-min", "-9223372036854775808"),
    ("int64-max+1", "9223372036854775808"),
    ("huge-int", "99999999999999999999999"),
    ("nan", "nan"),
    ("NaN", "NaN"),
    ("inf", "inf"),
    ("-inf", "-inf"),
    ("Infinity", "Infinity"),
    ("1e309", "1e309"),
    ("-1e309", "-1e309"),
    ("int32-max+1", "2147483648"),
    ("minus-one", "-1"),
    ("zero", "0"),
    ("tiny", "1e-400"),
    ("hex", "0x1F"),
    ("padded", " 7 "),
    ("long-fraction", "4.99999999999999999999999"),
]
# The subset tried one field at a time.
NUMBERS_PER_FIELD = ["int64-max", "int64-min", "huge-int", "nan", "inf", "-inf", "1e309", "minus-one"]

DATES = [
    ("feb-30", "2026-02-30"),
    ("year-zero", "0000-00-00"),
    ("year-99999", "99999-12-31"),
    ("negative-year", "-0001-01-01"),
    ("bad-time", "25:61"),
    ("huge-year", "9223372036854775807-01-01"),
]
DATE_TYPES = {"date", "time", "datetime-local", "month", "week"}

HIDDEN_VALUES = [
    ("markup", "\"><hostile-tag-{n}>"),
    ("int64-max", "9223372036854775807"),
    ("traversal", "../../x"),
    ("empty", ""),
    ("nan", "nan"),
]
SELECT_VALUES = [("markup", "\"><hostile-tag-{n}>"), ("int64-max", "9223372036854775807"),
                 ("huge-int", "99999999999999999999999"), ("nan", "nan"), ("inf", "inf"), ("-inf", "-inf"),
                 ("1e309", "1e309"), ("minus-one", "-1"), ("empty", "")]
PATH_ID_VALUES = [("int64-max", "9223372036854775807"), ("markup", "<hostile-tag-{n}>"), ("nul", "a\u0000b"),
                  ("dotdot", "..")]

FREE_TYPES = {"text", "textarea", "search", "url", "email", "number", "date", "time", "datetime-local", "month",
              "week", "tel", "password", "color", "range"}
TEXT_TYPES = {"text", "textarea", "search", "url", "email", "tel", "password"}

MARKER_RE = re.compile(r"hostile-(?:tag-)?(\d+)", re.I)


def shown(value, limit=70):
    """A payload as it appears in a report line."""
    if value is None:
        return "(default)"
    if isinstance(value, bytes):
        return "bytes(" + value.hex() + ")"
    if len(value) >= 1024 * 1024:
        return "<1 MB of %r>" % value[0]
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…'(%d chars)" % len(value)


# ----------------------------------------------------------------------------------------------- results


class ServerDead(Exception):
    pass


@dataclass
class Origin:
    role: str
    method: str
    path: str
    field: str
    payload: str
    repro: str = ""


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.findings = collections.OrderedDict()  # key -> [line, count]
        self.notes = []

    def ok(self):
        self.passed += 1

    def fail(self, key, line):
        self.failed += 1
        if key in self.findings:
            self.findings[key][1] += 1
        else:
            self.findings[key] = [line, 1]
            print("  FINDING: " + line, flush=True)


R = Results()
MARKERS: dict[int, Origin] = {}
_next_marker = [0]
_pending: list[Origin] = []  # minted since the last submission: they learn its reproduction


def marker_payload(template, origin_factory):
    if "{n}" not in template:
        return template
    _next_marker[0] += 1
    n = _next_marker[0]
    MARKERS[n] = origin_factory()
    _pending.append(MARKERS[n])
    return template.replace("{n}", str(n))


# ----------------------------------------------------------------------------------------------- HTML


def local(name):
    if not isinstance(name, str):
        return ""
    return name.rsplit("}", 1)[-1].lower()


def parse(html_text):
    return html5lib.parse(html_text, namespaceHTMLElements=False)


SUSPECT_RE = re.compile(r"hostile|javascript|http-equiv|&#|[\s/\"']on[^\s/>=\"']*\s*=", re.I)


def suspect(text):
    """False only when the raw page cannot hold any of the problems dom_problems looks for (saves parsing)."""
    return SUSPECT_RE.search(text) is not None


def dom_problems(doc):
    """Injected markup in a parsed page: [(description, marker number or None)]."""
    problems = []
    for el in doc.iter():
        tag = local(el.tag)
        if not tag:
            continue  # comment
        m = MARKER_RE.search(tag)
        if tag.startswith("hostile"):
            problems.append(("element <%s>" % tag, int(m.group(1)) if m else None))
        if tag == "script" and el.text and MARKER_RE.search(el.text):
            problems.append(("<script> holding %s" % MARKER_RE.search(el.text).group(0),
                             int(MARKER_RE.search(el.text).group(1))))
        own = None
        for attr in el.attrib:
            mm = MARKER_RE.search(local(attr))
            if mm:
                own = int(mm.group(1))
        for attr, value in el.attrib.items():
            name = local(attr)
            value = value or ""
            if "hostile" in name:
                mm = MARKER_RE.search(name)
                problems.append(("attribute %s on <%s>" % (name, tag), int(mm.group(1)) if mm else None))
            elif name.startswith("on"):
                problems.append(("event-handler attribute %s=%s on <%s>" % (name, shown(value, 30), tag), own))
            elif name in ("href", "src", "action", "formaction", "xlink:href", "data", "poster") and \
                    re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                mm = MARKER_RE.search(value)
                problems.append(("javascript: URL in %s on <%s>" % (name, tag), int(mm.group(1)) if mm else own))
        if tag == "meta" and (el.get("http-equiv") or "").strip().lower() == "refresh":
            problems.append(("<meta http-equiv=refresh>", own))
    return problems


@dataclass
class Field:
    name: str
    kind: str  # csrf hidden free select radio checkbox file submit
    type: str
    value: str = ""
    options: list = field(default_factory=list)
    checked: bool = False
    multiple: bool = False
    attrs: dict = field(default_factory=dict)


@dataclass
class Form:
    role: str
    method: str
    action: str  # path + optional query
    enctype: str
    fields: list
    source: str  # page it was found on
    key: tuple = ()

    @property
    def free(self):
        return [f for f in self.fields if f.kind == "free"]

    @property
    def hidden(self):
        return [f for f in self.fields if f.kind == "hidden"]

    @property
    def choices(self):
        return [f for f in self.fields if f.kind in ("select", "radio")]

    @property
    def files(self):
        return [f for f in self.fields if f.kind == "file"]


def element_text(el):
    return "".join(el.itertext())


def extract_forms(doc, page_path, role, base):
    """Every <form> of a page, one Form per named submit button (or one when it has none)."""
    forms = []
    by_id = {}
    for el in doc.iter():
        if local(el.tag) in ("input", "select", "textarea", "button") and el.get("form"):
            by_id.setdefault(el.get("form"), []).append(el)
    for form in doc.iter("form"):
        method = (form.get("method") or "get").strip().lower()
        action = form.get("action")
        target = up.urlsplit(up.urljoin(base + page_path, action if action is not None else page_path))
        if target.netloc != up.urlsplit(base).netloc:
            continue
        action_path = target.path + ("?" + target.query if target.query and method == "post" else "")
        enctype = (form.get("enctype") or "").lower()
        controls = [e for e in form.iter() if local(e.tag) in ("input", "select", "textarea", "button")
                    and (not e.get("form") or e.get("form") == form.get("id"))]
        if form.get("id") in by_id:
            controls += [e for e in by_id[form.get("id")] if e not in controls]
        fields, submits = [], []
        radios_seen = set()
        for e in controls:
            name = e.get("name")
            tag = local(e.tag)
            if not name or e.get("disabled") is not None:
                continue
            if tag == "textarea":
                fields.append(Field(name, "free", "textarea", element_text(e), attrs=dict(e.attrib)))
            elif tag == "select":
                options = [(o.get("value") if o.get("value") is not None else element_text(o).strip(),
                            o.get("selected") is not None) for o in e.iter("option")]
                fields.append(Field(name, "select", "select", options=options,
                                    multiple=e.get("multiple") is not None))
            elif tag == "button":
                if (e.get("type") or "submit").lower() == "submit":
                    submits.append(Field(name, "submit", "submit", e.get("value") or "", attrs=dict(e.attrib)))
            else:
                t = (e.get("type") or "text").lower()
                value = e.get("value") or ""
                if name == "_csrf":
                    fields.append(Field(name, "csrf", t, value))
                elif t == "hidden":
                    fields.append(Field(name, "hidden", t, value))
                elif t == "radio":
                    existing = next((f for f in fields if f.kind == "radio" and f.name == name), None)
                    if existing is None:
                        existing = Field(name, "radio", t)
                        fields.append(existing)
                    existing.options.append((value or "on", e.get("checked") is not None))
                    radios_seen.add(name)
                elif t == "checkbox":
                    fields.append(Field(name, "checkbox", t, value or "on", checked=e.get("checked") is not None))
                elif t == "file":
                    fields.append(Field(name, "file", t))
                elif t in ("submit", "image"):
                    submits.append(Field(name, "submit", t, value, attrs=dict(e.attrib)))
                elif t in ("button", "reset"):
                    continue
                else:
                    fields.append(Field(name, "free", t if t in FREE_TYPES else "text", value,
                                        attrs=dict(e.attrib)))
        variants = submits or [None]
        for submit in variants:
            fs = list(fields) + ([submit] if submit else [])
            act = action_path
            if submit is not None and submit.attrs.get("formaction"):
                t2 = up.urlsplit(up.urljoin(base + page_path, submit.attrs["formaction"]))
                act = t2.path + ("?" + t2.query if t2.query else "")
            forms.append(Form(role, method, act, enctype, fs, page_path))
    for f in forms:
        f.key = (f.method, path_pattern(f.action.split("?")[0]),
                 tuple(sorted({(norm(x.name), x.kind) for x in f.fields if x.kind != "submit"})),
                 tuple(x.value for x in f.fields if x.kind == "submit"))
    return forms


def norm(name):
    """criterion-3 -> criterion-#, score-p-student-1-2 -> score-p-student-#-#: a field that repeats per row."""
    return re.sub(r"\d+(?:\.\d+)?", "#", name)


def representatives(fields):
    """One field per normalized name (a form's 6 criterion-N fields are tried one at a time only once)."""
    seen, out = set(), []
    for f in fields:
        if norm(f.name) not in seen:
            seen.add(norm(f.name))
            out.append(f)
    return out


def path_pattern(path):
    """/students/p-1/competencies/c-1 -> /students/{}/competencies/{}: odd segments and segments with digits."""
    parts = path.split("/")[1:]
    out = []
    for i, seg in enumerate(parts):
        out.append("{}" if (i % 2 == 1 or re.search(r"\d", seg)) and seg else seg)
    return "/" + "/".join(out)


# ----------------------------------------------------------------------------------------------- client


class Role:
    def __init__(self, name, base):
        self.name = name
        self.base = base
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "masterly-hostile-inputs"
        self.csrf = ""
        self.forms = collections.OrderedDict()  # key -> Form
        self.pages = []  # crawled paths, in order
        self.signed_in = False
        self.discovering = False  # while fuzzing: forms on response pages join the list
        self.parsed_patterns = set()  # response-page patterns already searched for new forms


class Runner:
    def __init__(self, args):
        self.base = args.url.rstrip("/")
        self.netloc = up.urlsplit(self.base).netloc
        self.args = args
        self.started = time.monotonic()
        self.posts = 0
        self.skipped_posts = 0
        self.last_request = "(none yet)"
        self.health = requests.Session()
        self.stats = collections.defaultdict(collections.Counter)  # form key -> status counts

    # -- low level

    def elapsed(self):
        return time.monotonic() - self.started

    def over_budget(self):
        return self.elapsed() > self.args.budget

    def request(self, role, method, path, what, **kw):
        self.last_request = what
        kw.setdefault("timeout", TIMEOUT)
        kw.setdefault("allow_redirects", False)
        try:
            return role.session.request(method, self.base + path, **kw)
        except requests.exceptions.ConnectionError as error:
            self.alive_or_die(what, error)
            R.fail(("conn", what.split(" ")[0], path_pattern(path.split("?")[0])),
                   "connection failed (%s) but /health still answers: %s" % (type(error).__name__, what))
            return None
        except requests.exceptions.Timeout:
            self.alive_or_die(what, "timeout")
            R.fail(("timeout", what.split(" ")[0], path_pattern(path)),
                   "no answer within %ds (server alive): %s" % (TIMEOUT, what))
            return None

    def alive_or_die(self, what, error=None):
        try:
            r = self.health.get(self.base + "/health", timeout=TIMEOUT)
        except requests.exceptions.RequestException as e:
            raise ServerDead("the server stopped answering (%s) right after: %s" %
                             (type(error).__name__ if isinstance(error, Exception) else error or type(e).__name__,
                              what))
        return r.status_code

    def check_health(self, what):
        status = self.alive_or_die(what)
        if status != 200:
            R.fail(("health", status), "/health answered %d right after: %s" % (status, what))
            return False
        return True

    def update_csrf(self, role, doc):
        for el in doc.iter("input"):
            if el.get("name") == "_csrf" and el.get("value"):
                role.csrf = el.get("value")
                return

    # -- sign in

    def sign_in(self, role):
        r = self.request(role, "GET", "/login", "GET /login")
        if r is None or r.status_code != 200:
            R.fail(("signin", role.name), "GET /login answered %s for %s" % (getattr(r, "status_code", None), role.name))
            return False
        doc = parse(r.text)
        self.update_csrf(role, doc)
        r = self.request(role, "POST", "/login", "POST /login as %s" % role.name,
                         data={"_csrf": role.csrf, "username": role.name, "password": PASSWORD})
        ok = r is not None and r.status_code in (302, 303) and "/login" not in r.headers.get("location", "")
        if ok:
            R.ok()
            role.signed_in = True
        else:
            R.fail(("signin", role.name), "could not sign in as %s (POST /login answered %s)" %
                   (role.name, getattr(r, "status_code", None)))
        return ok

    # -- pages

    def discover(self, role, path, doc):
        """Forms that appear only after a submission (a saved flex day's session forms, a grouping to save)."""
        for form in extract_forms(doc, path, role.name, self.base):
            if form.key not in role.forms and len(role.forms) < self.args.max_forms and not self.skip_form(form):
                role.forms[form.key] = form
                if self.args.verbose:
                    print("    new form %s %s on %s" % (form.method.upper(), form.action, path), flush=True)

    def scan(self, role, path, text, context, doc=None):
        """One check: the page holds no injected markup. Parses only when needed (discovery, suspect text)."""
        need_forms = role.discovering and path_pattern(path.split("?")[0]) not in role.parsed_patterns
        if doc is None and not need_forms and not suspect(text):
            R.ok()
            return None
        if need_forms:
            role.parsed_patterns.add(path_pattern(path.split("?")[0]))
        doc = doc if doc is not None else parse(text)
        self.update_csrf(role, doc)
        if role.discovering:
            self.discover(role, path, doc)
        problems = dom_problems(doc)
        if not problems:
            R.ok()
            return doc
        for desc, n in problems:
            origin = MARKERS.get(n) if n is not None else None
            if origin:
                key = ("inject", origin.role, origin.method, path_pattern(origin.path.split("?")[0]),
                       origin.field, desc.split(" ")[0])
                line = ("markup injection: %s found on %s (as %s, %s) — put there by %s %s field %r = %s as %s; "
                        "repro: %s" % (desc, path, role.name, context, origin.method, origin.path, origin.field,
                                       shown(origin.payload, 90), origin.role, origin.repro))
            else:
                key = ("inject-unknown", path_pattern(path.split("?")[0]), desc.split(" ")[0])
                line = "markup on %s (as %s, %s): %s (no marker: not traceable to a post)" % (
                    path, role.name, context, desc)
            R.fail(key, line)
        return doc

    def get_page(self, role, path, context, need_doc=False):
        """GET a page: one check for the status (< 500), one for the DOM when it is HTML. Returns (resp, doc)."""
        r = self.request(role, "GET", path, "GET %s as %s" % (path, role.name))
        if r is None:
            return None, None
        if r.status_code >= 500:
            R.fail(("5xx", "GET", path_pattern(path.split("?")[0]), r.status_code),
                   "GET %s answered %d (as %s, %s); repro: sign in as %s, GET %s" %
                   (path, r.status_code, role.name, context, role.name, path))
            return r, None
        R.ok()
        if "html" in r.headers.get("content-type", "") and r.text:
            return r, self.scan(role, path, r.text, context, doc=parse(r.text) if need_doc else None)
        return r, None

    def crawl(self, role, context, collect):
        """Breadth-first crawl from /; returns the number of pages."""
        queue = collections.deque(["/"])
        seen = {"/"}
        per_pattern = collections.Counter()
        pages = 0
        while queue and pages < self.args.max_pages:
            path = queue.popleft()
            r, doc = self.get_page(role, path, context, need_doc=True)
            pages += 1
            if r is not None and r.status_code in (301, 302, 303, 307, 308):
                loc = r.headers.get("location", "")
                if up.urlsplit(up.urljoin(self.base + path, loc)).path == "/login":
                    R.fail(("signed-out", role.name), "%s was signed out (GET %s redirected to /login)" %
                           (role.name, path))
                    return pages
                self.enqueue(path, loc, queue, seen, per_pattern)
            if doc is None:
                continue
            for a in doc.iter():
                if local(a.tag) in ("a", "area") and a.get("href"):
                    self.enqueue(path, a.get("href"), queue, seen, per_pattern)
            for form in extract_forms(doc, path, role.name, self.base):
                if collect and form.key not in role.forms and len(role.forms) < self.args.max_forms:
                    if not self.skip_form(form):
                        role.forms[form.key] = form
                if form.method == "get":  # follow GET forms with their default values
                    pairs = self.pairs(role, form, {})
                    query = up.urlencode(pairs)
                    self.enqueue(path, form.action.split("?")[0] + ("?" + query if query else ""),
                                 queue, seen, per_pattern)
        return pages

    def enqueue(self, page, href, queue, seen, per_pattern):
        target = up.urlsplit(up.urljoin(self.base + page, href))
        if target.netloc != self.netloc or target.scheme not in ("http", "https"):
            return
        path = target.path or "/"
        if path in ("/logout", "/login") or path.startswith("/static/") or path.startswith("/api/"):
            return
        full = path + ("?" + target.query if target.query else "")
        if full in seen:
            return
        key = (path_pattern(path), tuple(sorted(k for k, _ in up.parse_qsl(target.query, keep_blank_values=True))))
        if per_pattern[key] >= self.args.per_pattern:
            return
        per_pattern[key] += 1
        seen.add(full)
        queue.append(full)

    def skip_form(self, form):
        path = form.action.split("?")[0]
        if path in ("/logout", "/login"):
            return True
        return bool(self.args.exclude and re.search(self.args.exclude, path))

    # -- posting

    @staticmethod
    def sane(f):
        if f.value:
            return f.value
        t = f.type
        today = dt.date.today()
        if t in ("number", "range"):
            lo, hi = f.attrs.get("min"), f.attrs.get("max")
            if lo not in (None, ""):
                return lo
            if hi not in (None, ""):
                try:
                    return "1" if float(hi) >= 1 else hi
                except ValueError:
                    return "1"
            return "1"
        return {"date": today.isoformat(), "time": "09:00", "datetime-local": today.isoformat() + "T09:00",
                "month": today.strftime("%Y-%m"), "week": today.strftime("%G-W%V"), "email": "hostile@example.com",
                "url": "https://example.com/", "color": "#336699", "tel": "555-0100"}.get(t, "hostile check")

    def pairs(self, role, form, overrides):
        """The body of a form as (name, value) pairs: sane values, then overrides by field name."""
        out = []
        for f in form.fields:
            if f.name in overrides and f.kind not in ("file",):
                if f.kind == "checkbox" and overrides[f.name] is None:
                    continue
                out.append((f.name, overrides[f.name]))
                continue
            if f.kind == "csrf":
                out.append((f.name, role.csrf or f.value))
            elif f.kind in ("hidden", "submit"):
                out.append((f.name, f.value))
            elif f.kind == "free":
                out.append((f.name, self.sane(f)))
            elif f.kind in ("select", "radio"):
                chosen = [v for v, sel in f.options if sel]
                if not chosen:
                    valid = [v for v, _ in f.options if v != ""] or [v for v, _ in f.options]
                    chosen = valid[:1]
                for v in (chosen if f.multiple else chosen[:1]):
                    out.append((f.name, v))
            elif f.kind == "checkbox" and (f.checked or f is self.first_of_group(form, f)):
                out.append((f.name, f.value))
        return out

    @staticmethod
    def first_of_group(form, f):
        """A group of same-name checkboxes none of which is checked (e.g. "the competencies it is about"):
        the first one is ticked, since such groups are usually required. A lone checkbox keeps its state
        (it may be "remove this")."""
        group = [x for x in form.fields if x.kind == "checkbox" and x.name == f.name]
        if len(group) < 2 or any(x.checked for x in group):
            return None
        return group[0]

    def refresh(self, role, form):
        """Fetch the page a form was found on again (fresh CSRF token; the form may have changed)."""
        r = self.request(role, "GET", form.source, "GET %s as %s" % (form.source, role.name))
        if r is not None and r.status_code < 300 and "html" in r.headers.get("content-type", ""):
            doc = parse(r.text)
            self.update_csrf(role, doc)
            for fresh in extract_forms(doc, form.source, role.name, self.base):
                if fresh.key == form.key:
                    form.fields, form.action = fresh.fields, fresh.action
                    break

    def repro(self, role, form, path, pairs, file_payload):
        """Sign-in, page and body; fields with the same value are listed together (markers numbered apart)."""
        groups = collections.OrderedDict()
        for k, v in pairs:
            shown_value = "<the page's _csrf>" if k == "_csrf" else shown(v, 90)
            generic = MARKER_RE.sub(lambda m: m.group(0).replace(m.group(1), "N"), shown_value)
            groups.setdefault(generic, []).append((k, shown_value))
        parts = []
        for generic, items in groups.items():
            if len(items) == 1:
                parts.append("%s=%s" % items[0])
            else:
                parts.append("each of %s=%s" % (",".join(k for k, _ in items), generic))
        body = "&".join(parts)
        if form.files:
            body += " + file %s=%s" % (form.files[0].name, shown(file_payload, 60))
        return "sign in as %s, open %s, %s %s with %s" % (role.name, form.source, form.method.upper(), path, body)

    def submit(self, role, form, overrides, label, fields_desc, payload, file_payload=None, path=None):
        """Send one form submission; checks: status < 500, server alive, response/redirect target clean."""
        if self.over_budget():
            self.skipped_posts += 1
            return
        path = path or form.action
        pairs = self.pairs(role, form, overrides)
        method = form.method.upper()
        repro = self.repro(role, form, path, pairs, file_payload)
        what = "%s %s as %s (%s: %s = %s)" % (method, path, role.name, label, fields_desc, shown(payload))
        for origin in _pending:  # markers minted for this post learn its reproduction
            origin.repro = origin.repro or repro
        _pending.clear()
        self.posts += 1
        for attempt in (0, 1):
            if method == "GET":
                query = up.urlencode(pairs)
                r = self.request(role, "GET", path.split("?")[0] + ("?" + query if query else ""), what)
            elif form.files:
                files = [(k, (None, v if isinstance(v, bytes) else v.encode("utf-8"))) for k, v in pairs]
                for f in form.files:
                    content = file_payload if file_payload is not None else b"hostile,check\n"
                    files.append((f.name, ("hostile.csv", content if isinstance(content, bytes)
                                           else content.encode("utf-8"), "text/csv")))
                r = self.request(role, "POST", path, what, files=files)
            else:
                r = self.request(role, "POST", path, what, data=up.urlencode(pairs),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
            if r is not None and r.status_code == 403 and attempt == 0 and "csrf" in r.text.lower():
                self.refresh(role, form)  # token rotated: once more with the page's fresh token
                pairs = self.pairs(role, form, overrides)
                continue
            break
        alive = self.check_health(what)
        if r is None:
            return
        self.stats[form.key][r.status_code] += 1
        if self.args.verbose:
            print("    %d %s" % (r.status_code, what[:200]), flush=True)
        bad = r.status_code >= 500
        if bad:
            R.fail(("5xx", method, path_pattern(path.split("?")[0]), fields_desc, r.status_code, label.split("/")[0]),
                   "%s %s answered %d as %s — %s = %s (%s); repro: %s" %
                   (method, path, r.status_code, role.name, fields_desc, shown(payload), label, repro))
        if not bad and alive:
            R.ok()
        if r.status_code in (301, 302, 303, 307, 308):
            target = up.urlsplit(up.urljoin(self.base + path, r.headers.get("location", "")))
            if target.netloc == self.netloc and target.path not in ("/login", "/logout"):
                self.get_page(role, target.path + ("?" + target.query if target.query else ""),
                              "after " + what)
        elif "html" in r.headers.get("content-type", "") and r.text:
            self.scan(role, path, r.text, "response to " + what)

    def origin_factory(self, role, form, field_name, template, path=None):
        return lambda: Origin(role.name, form.method.upper(), path or form.action, field_name, template)

    def fill(self, role, form, names, template, path=None):
        """Overrides putting `template` (marker minted per field) into each of `names`."""
        return {name: marker_payload(template, self.origin_factory(role, form, name, template, path))
                if isinstance(template, str) else template for name in names}

    def fuzz_injection(self, role, form):
        free = [f.name for f in form.free]
        self.refresh(role, form)
        if not free and not form.hidden and not form.choices and not form.files:
            self.submit(role, form, {}, "plain", "(no fields)", "")
            return
        if free or form.files:
            for name, template in MARKUP + ODD_TEXT:
                ov = self.fill(role, form, free, template)
                fp = None
                if form.files:
                    fp = marker_payload(template, self.origin_factory(role, form, "(file)", template)) \
                        if isinstance(template, str) else template
                self.submit(role, form, ov, "all-fields/" + name, "all free fields", template, file_payload=fp)
            self.submit(role, form, {n: ONE_MB for n in free}, "all-fields/1MB", "all free fields", ONE_MB,
                        file_payload=ONE_MB if form.files else None)
        if len(free) > 1:
            for fname in [f.name for f in representatives(form.free) if f.type in TEXT_TYPES][: self.args.max_fields]:
                for name, template in MARKUP:
                    if name in MARKUP_PER_FIELD:
                        self.submit(role, form, self.fill(role, form, [fname], template), "one-field/" + name,
                                    fname, template)
        if form.hidden:
            names = [f.name for f in form.hidden]
            self.submit(role, form, self.fill(role, form, names, HIDDEN_VALUES[0][1]), "hidden/markup",
                        "hidden " + ",".join(names), HIDDEN_VALUES[0][1])
        if form.choices:
            names = [f.name for f in form.choices]
            self.submit(role, form, self.fill(role, form, names, SELECT_VALUES[0][1]), "select/markup",
                        "choices " + ",".join(names), SELECT_VALUES[0][1])

    def fuzz_numbers(self, role, form):
        free = [f.name for f in form.free]
        self.refresh(role, form)
        if free:
            for name, value in NUMBERS:
                self.submit(role, form, {n: value for n in free}, "all-fields/" + name, "all free fields", value)
            dates = [f.name for f in representatives(form.free) if f.type in DATE_TYPES]
            for fname in dates:
                for name, value in DATES:
                    self.submit(role, form, {fname: value}, "one-field/" + name, fname, value)
        if len(free) > 1:
            for fname in [f.name for f in representatives(form.free)][: self.args.max_fields]:
                for name, value in NUMBERS:
                    if name in NUMBERS_PER_FIELD:
                        self.submit(role, form, {fname: value}, "one-field/" + name, fname, value)
        if form.hidden:
            names = [f.name for f in form.hidden]
            for name, value in HIDDEN_VALUES[1:]:
                self.submit(role, form, {n: value for n in names}, "hidden/" + name, "hidden " + ",".join(names),
                            value)
        for f in representatives(form.choices)[: self.args.max_fields]:  # one select / radio group at a time, the others valid
            for name, value in SELECT_VALUES[1:]:
                self.submit(role, form, {f.name: value}, "select/" + name, f.name, value)
        # ids in the action path
        path, _, query = form.action.partition("?")
        segments = path.split("/")
        for i, seg in enumerate(segments):
            if not seg or path_pattern("/" + "/".join(segments[1:i + 1])).split("/")[-1] != "{}":
                continue
            for name, template in PATH_ID_VALUES:
                value = marker_payload(template, self.origin_factory(role, form, "path segment %d" % i, template))
                new = segments[:i] + [up.quote(value, safe="")] + segments[i + 1:]
                new_path = "/".join(new) + ("?" + query if query else "")
                self.submit(role, form, {}, "path-id/" + name, "path segment %d (%s)" % (i, seg), value,
                            path=new_path)

    # -- JSON API

    def api(self):
        s = requests.Session()
        base = self.base

        def call(method, path, what, expect_reject, **kw):
            self.last_request = what
            try:
                r = s.request(method, base + path, timeout=TIMEOUT, **kw)
            except requests.exceptions.ConnectionError as error:
                self.alive_or_die(what, error)
                R.fail(("api-conn", path, what), "%s: connection failed but server alive" % what)
                return None
            except requests.exceptions.Timeout:
                self.alive_or_die(what, "timeout")
                R.fail(("api-timeout", path, what), "%s: no answer within %ds" % (what, TIMEOUT))
                return None
            alive = self.check_health(what)
            if r.status_code >= 500:
                R.fail(("api-5xx", path, what.split(" = ")[0]), "%s answered %d; repro: %s" %
                       (what, r.status_code, what))
            elif expect_reject and r.status_code < 400:
                R.fail(("api-accepted", path, what.split(" = ")[0]),
                       "%s was accepted (%d) but must be rejected with 4xx; repro: %s" % (what, r.status_code, what))
            elif alive:
                R.ok()
            return r

        r = call("POST", "/api/v1/sessions", "POST /api/v1/sessions as teacher", False,
                 json={"username": "teacher", "password": PASSWORD})
        if r is None or not 200 <= r.status_code < 300:
            R.fail(("api-signin",), "POST /api/v1/sessions as teacher answered %s" % getattr(r, "status_code", None))
            return
        s.headers["Authorization"] = "Bearer " + r.json()["token"]
        sections = s.get(base + "/api/v1/sections", timeout=TIMEOUT).json()
        sections = sections.get("sections", sections) if isinstance(sections, dict) else sections
        grid = s.get(base + "/api/v1/sections/%s/gradebook" % sections[0]["id"], timeout=TIMEOUT).json()
        cell = grid["cells"][0]
        good = {"studentId": cell["studentId"], "competencyId": cell["competencyId"], "score": 3,
                "observedAt": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace(
                    "+00:00", "Z"),
                "comment": "hostile-suite baseline"}
        r = call("POST", "/api/v1/evidence", "POST /api/v1/evidence baseline %s" % json.dumps(good), False, json=good)
        if r is not None and not 200 <= r.status_code < 300:
            R.notes.append("the valid evidence baseline answered %d: %s" % (r.status_code, r.text[:200]))

        # (label, raw JSON text for the value, must be rejected per field ("all" or a set of fields))
        ids = {"studentId", "competencyId", "taskId"}
        values = [
            ("int64-max", "9223372036854775807", ids | {"score", "observedAt", "comment"}),
            ("int64-min", "-9223372036854775808", ids | {"score", "observedAt", "comment"}),
            ("huge-int", "99999999999999999999999", ids | {"score", "observedAt", "comment"}),
            ("1e309", "1e309", ids | {"score", "observedAt", "comment"}),
            ("NaN-token", "NaN", "all"),
            ("Infinity-token", "Infinity", "all"),
            ("-Infinity-token", "-Infinity", "all"),
            ("string-nan", '"nan"', ids | {"score", "observedAt"}),
            ("string-inf", '"inf"', ids | {"score", "observedAt"}),
            ("string-huge", '"9223372036854775807"', ids | {"score", "observedAt"}),
            ("negative", "-1", ids | {"score", "comment"}),
            ("true", "true", "all"),
            ("array", "[1,2]", "all"),
            ("object", '{"$gt": ""}', "all"),
            ("null", "null", {"studentId", "competencyId"}),
            ("empty-string", '""', ids | {"score", "observedAt"}),
            ("nul", json.dumps("a\u0000b"), ids | {"score", "observedAt", "comment"}),
            ("bidi", json.dumps("\u202egnp.exe"), ids | {"score", "observedAt", "comment"}),
            ("unicode", json.dumps("Zoë 🎓 中文"), ids | {"score", "observedAt"}),
            ("traversal", '"../../etc/passwd"', ids | {"score", "observedAt"}),
            ("bad-date", '"2026-02-30T25:61:00Z"', {"observedAt"} | ids | {"score"}),
            ("far-future", '"99999-01-01T00:00:00Z"', {"observedAt"} | ids | {"score"}),
            ("far-past", '"-0001-01-01T00:00:00Z"', {"observedAt"} | ids | {"score"}),
            ("epoch-huge", "1e300", ids | {"observedAt", "score", "comment"}),
        ]
        for fname in ["studentId", "competencyId", "score", "observedAt", "taskId", "comment"]:
            for label, raw, reject in values:
                must = reject == "all" or fname in reject
                body = json.dumps({**good, fname: "__HOSTILE__"}).replace('"__HOSTILE__"', raw)
                call("POST", "/api/v1/evidence", "POST /api/v1/evidence with %s = %s (%s)" % (fname, raw, label),
                     must, data=body.encode(), headers={"Content-Type": "application/json"})
            for label, template in MARKUP[:4] + [("1MB", ONE_MB)]:
                value = marker_payload(template, lambda f=fname, t=template: Origin(
                    "teacher (API)", "POST", "/api/v1/evidence", f, t,
                    "POST /api/v1/evidence as teacher with %s = %s" % (f, shown(t, 90))))
                must = fname != "comment" or label == "1MB"
                body = json.dumps({**good, fname: value})
                call("POST", "/api/v1/evidence", "POST /api/v1/evidence with %s = %s (%s)" % (
                    fname, shown(template, 60), label), must, data=body.encode(),
                     headers={"Content-Type": "application/json"})
        # bodies that are not the right shape at all
        for label, body in [("not-json", b"{\"studentId\": "), ("array", b"[]"), ("invalid-utf8", b"{\"comment\": \"\xff\"}"),
                            ("deep-nesting", b"[" * 5000 + b"]" * 5000), ("empty", b"")]:
            call("POST", "/api/v1/evidence", "POST /api/v1/evidence with body %s" % label, True, data=body,
                 headers={"Content-Type": "application/json"})
        # sign-in with nasty values (an unknown user, so no real account gets throttled)
        s2 = requests.Session()
        for label, body in [("nul", {"username": "hostile-nobody\u0000", "password": "x"}),
                            ("huge", {"username": "hostile-nobody", "password": ONE_MB}),
                            ("markup", {"username": "<hostile-tag-0>", "password": "x"}),
                            ("number", {"username": 9223372036854775807, "password": 1e308}),
                            ("null", {"username": None, "password": None})]:
            self.last_request = "POST /api/v1/sessions (%s)" % label
            try:
                r = s2.post(base + "/api/v1/sessions", json=body, timeout=TIMEOUT)
            except requests.exceptions.ConnectionError as error:
                self.alive_or_die(self.last_request, error)
                continue
            self.check_health(self.last_request)
            if r.status_code >= 500 or r.status_code < 400:
                R.fail(("api-session", label), "POST /api/v1/sessions with %s values answered %d (want 4xx)" %
                       (label, r.status_code))
            else:
                R.ok()

    # -- run

    def run(self):
        roles = [Role(name, self.base) for name in self.args.roles.split(",")]
        phase = lambda title: print("\n== %s (%.0fs)" % (title, self.elapsed()), flush=True)
        try:
            phase("1. sign in and crawl")
            for role in roles:
                if self.sign_in(role):
                    n = self.crawl(role, "crawl", collect=True)
                    print("  %-8s %3d pages, %2d forms" % (role.name, n, len(role.forms)), flush=True)
            phase("2. markup and odd text in every form")
            for role in roles:
                if role.signed_in:
                    before = self.posts
                    role.discovering = True
                    done = 0
                    while done < len(role.forms):  # grows while it runs (forms found on response pages)
                        self.fuzz_injection(role, list(role.forms.values())[done])
                        done += 1
                    role.discovering = False
                    print("  %-8s %4d submissions" % (role.name, self.posts - before), flush=True)
            if not self.args.no_api:
                phase("3. JSON API")
                self.api()
            phase("4. re-crawl: injected markup in any page")
            for role in roles:
                if role.signed_in:
                    n = self.crawl(role, "re-crawl", collect=False)
                    print("  %-8s %3d pages" % (role.name, n), flush=True)
            phase("5. huge and non-finite numbers, odd dates, replaced ids")
            for role in roles:
                if role.signed_in:
                    before = self.posts
                    role.discovering = True
                    done = 0
                    while done < len(role.forms):
                        self.fuzz_numbers(role, list(role.forms.values())[done])
                        done += 1
                    role.discovering = False
                    print("  %-8s %4d submissions" % (role.name, self.posts - before), flush=True)
            phase("6. final re-crawl")
            for role in roles:
                if role.signed_in:
                    n = self.crawl(role, "final re-crawl", collect=False)
                    print("  %-8s %3d pages" % (role.name, n), flush=True)
        except ServerDead as dead:
            R.fail(("dead",), "SERVER DOWN: %s — the run stopped here" % dead)
        self.report(roles)

    def report(self, roles):
        print("\n== summary")
        forms = sum(len(r.forms) for r in roles)
        print("forms fuzzed: %d (%s)" % (forms, ", ".join("%s %d" % (r.name, len(r.forms)) for r in roles)))
        print("submissions: %d, markers minted: %d" % (self.posts, len(MARKERS)))
        for role in roles:
            for key, form in role.forms.items():
                counts = self.stats.get(key)
                if counts:
                    accepted = sum(v for k, v in counts.items() if k < 400)
                    print("  %-8s %-4s %-55s %4d sent, %4d accepted, %s" % (
                        role.name, form.method.upper(), key[1], sum(counts.values()), accepted,
                        " ".join("%d×%d" % (v, k) for k, v in sorted(counts.items()))))
        if self.skipped_posts:
            print("skipped %d submissions: the time budget (%ss) ran out" % (self.skipped_posts, self.args.budget))
        for note in R.notes:
            print("note: " + note)
        if R.findings:
            print("\n%d finding(s):" % len(R.findings))
            for line, count in R.findings.values():
                print("- " + line + ("  [%d failing checks like this]" % count if count > 1 else ""))
        else:
            print("no findings")
        print("\nrun time: %.1fs" % self.elapsed())
        print("%d passed, %d failed" % (R.passed, R.failed))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True, help="base URL of a running masterly demo")
    ap.add_argument("--roles", default=",".join(ROLES), help="comma-separated demo accounts (default: all five)")
    ap.add_argument("--max-pages", type=int, default=150, help="pages per role per crawl (150)")
    ap.add_argument("--per-pattern", type=int, default=3, help="URLs per path pattern per crawl (3)")
    ap.add_argument("--max-forms", type=int, default=40, help="distinct forms per role (40)")
    ap.add_argument("--max-fields", type=int, default=10, help="fields per form tried one at a time (10)")
    ap.add_argument("--budget", type=float, default=270,
                    help="seconds after which no more submissions are sent (crawls still run) (270)")
    ap.add_argument("--exclude", default="", help="regex on form action paths to leave out (e.g. a known crasher)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every submission with its status")
    ap.add_argument("--no-api", action="store_true", help="leave out the JSON API part")
    args = ap.parse_args()
    try:
        r = requests.get(args.url.rstrip("/") + "/health", timeout=TIMEOUT)
    except requests.exceptions.RequestException as error:
        print("cannot reach %s/health: %s" % (args.url, error), file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    if r.status_code != 200:
        print("%s/health answered %d" % (args.url, r.status_code), file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    Runner(args).run()
    return 1 if R.failed else 0


if __name__ == "__main__":
    sys.exit(main())
