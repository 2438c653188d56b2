#!/usr/bin/env python3
"""Generate a synthetic school district as Masterly import files (Python 3, standard library only).

Writes, under --out DIR:
  oneroster/      a OneRoster 1.1 CSV package (manifest.csv "bulk" for orgs, academicSessions, courses, classes,
                  users, enrollments), in the column layout of the LEPO roster-hub sample
                  (../shared/data/interop/oneroster/v1p1-lepo-roster-hub-en/) minus its metadata.* extension
                  columns and with its "fiel.demographics" manifest typo fixed (both make Masterly warn).
  framework.json  a CASE 1.0 CFPackage: --competencies items in 6 strands (strand items are the top-level items
                  that have children; competencies are their children), linked by isChildOf associations.

The roster: one district; --schools schools; --courses district-wide courses; one CURRENT school-year session
(2026-08-01..2027-07-31, so no section is archived); --sections sections split into contiguous school blocks,
cycling through the courses; one teacher per 5 consecutive sections (tch0001 teaches sec-0001..sec-0005, in
periods 1..5); students split over schools in proportion to seats, each in 1 or 2 sections of their school so
that every section has exactly --seats students (requires students <= sections*seats <= 2*students).

Ids: sourcedIds are the usernames for people (stu00001, tch0001), sec-0001 for sections, crs-01 for courses,
sch-01 for schools. Masterly derives its own ids from sourcedIds: PREFIX-<first 8 bytes of SHA-256 in hex>
(sec-, course-, p-, org-); frameworks are fw-<same of the lowercased CFDocument identifier>.

Usage: generate.py --out DIR [--students 50000 --sections 2000 --schools 20 --courses 20 --competencies 60
                              --seats 35 --seed 1]
"""
import argparse
import csv
import hashlib
import json
import os
import random
import sys
import time
import uuid

STRANDS = ["Number", "Algebra", "Geometry", "Measurement", "Statistics", "Reasoning"]
SUBJECTS = ["Mathematics", "Science", "English", "History", "Geography", "Art", "Music", "Computing",
            "Biology", "Chemistry", "Physics", "Economics", "French", "Spanish", "Drama", "Design"]
GIVEN = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Rowan",
         "Emery", "Harper", "Kai", "Noa", "Robin", "Sasha", "Elliot", "Remy", "Skyler"]
FAMILY = ["Smith", "Garcia", "Nguyen", "Okafor", "Kowalski", "Tanaka", "Haddad", "Silva", "Murphy", "Larsen",
          "Novak", "Rossi", "Khan", "Dubois", "Schmidt", "Cohen", "Ortiz", "Park", "Ivanova", "Mensah"]
TERM = ("term-2026", "2026-2027 School Year", "schoolYear", "2026-08-01", "2027-07-31", "2027")
NAMESPACE = uuid.UUID("6f0c6a4e-2d1b-5b8e-9a57-4d6173746572")  # any fixed UUID: identifiers stay stable
STAMP = "2026-07-01T00:00:00+00:00"
BASE = "https://district.example/ims/case/v1p0"

HEADERS = {
    "orgs": "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
    "academicSessions": "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
    "courses": "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,"
               "subjectCodes",
    "classes": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
               "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
    "users": "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,"
             "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
    "enrollments": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,"
                   "beginDate,endDate",
}
MANIFEST_FILES = ["academicSessions", "categories", "classes", "classResources", "courses", "courseResources",
                  "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "users"]


def masterly_id(prefix, sourced_id):
    """The id Masterly gives an imported record (Store.importedID)."""
    return prefix + "-" + hashlib.sha256(sourced_id.encode()).digest()[:8].hex()


def write_csv(folder, name, rows):
    """Writes NAME.csv with every field quoted, like the sample; each row is a dict keyed by header names."""
    header = HEADERS[name].split(",")
    with open(os.path.join(folder, name + ".csv"), "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        out.writerow(header)
        out.writerows([row.get(column, "") for column in header] for row in rows)
    return len(rows)


def spread(total, parts):
    """`total` split into `parts` near-equal integers (the first ones larger)."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def roster(args, folder):
    rng = random.Random(args.seed)
    w_stu, w_tch, w_sec = max(5, len(str(args.students))), max(4, len(str(-(-args.sections // 5)))), \
        max(4, len(str(args.sections)))
    schools = [f"sch-{i + 1:02d}" for i in range(args.schools)]
    orgs = [{"sourcedId": "district", "name": "Synthetic Unified School District", "type": "district",
             "identifier": "SUSD"}]
    orgs += [{"sourcedId": s, "name": f"Synthetic School {i + 1:02d}", "type": "school", "identifier": s.upper(),
              "parentSourcedId": "district"} for i, s in enumerate(schools)]
    sid, title, kind, start, end, year = TERM
    sessions = [{"sourcedId": sid, "title": title, "type": kind, "startDate": start, "endDate": end,
                 "schoolYear": year}]
    courses = []
    for c in range(args.courses):
        name = SUBJECTS[c % len(SUBJECTS)] + (f" {c // len(SUBJECTS) + 1}" if c >= len(SUBJECTS) else "")
        courses.append({"sourcedId": f"crs-{c + 1:02d}", "schoolYearSourcedId": sid, "title": name,
                        "courseCode": f"C{c + 1:03d}", "orgSourcedId": "district", "subjects": name})

    # Sections: contiguous blocks per school, cycling through courses; teacher t has sections 5t..5t+4.
    classes, section_school, enrollments = [], [], []
    blocks = spread(args.sections, args.schools)
    teacher_schools = {}
    for school, count in enumerate(blocks):
        for _ in range(count):
            i = len(classes)
            course = courses[i % args.courses]
            sec, tch = f"sec-{i + 1:0{w_sec}d}", f"tch{i // 5 + 1:0{w_tch}d}"
            classes.append({"sourcedId": sec, "title": course["title"], "courseSourcedId": course["sourcedId"],
                            "classCode": sec.upper(), "classType": "scheduled", "schoolSourcedId": schools[school],
                            "termSourcedIds": sid, "subjects": course["title"], "periods": str(i % 5 + 1)})
            section_school.append(school)
            teacher_schools.setdefault(tch, []).append(schools[school])
            enrollments.append({"classSourcedId": sec, "schoolSourcedId": schools[school], "userSourcedId": tch,
                                "role": "teacher", "primary": "true"})

    # Students: split over schools in proportion to seats (largest remainder), 1 or 2 sections each.
    seats = [n * args.seats for n in blocks]
    share = [args.students * s / sum(seats) for s in seats]
    per_school = [int(x) for x in share]
    for k in sorted(range(args.schools), key=lambda k: per_school[k] - share[k])[:args.students - sum(per_school)]:
        per_school[k] += 1
    users, first, section = [], 0, 0
    for school, (n, total) in enumerate(zip(per_school, seats)):
        if not (n <= total <= 2 * n) or (n < total and blocks[school] < 2):
            sys.exit(f"school {school + 1}: {n} students cannot fill {blocks[school]} sections of {args.seats}")
        ids = [f"stu{first + k + 1:0{w_stu}d}" for k in range(n)]
        order = ids[:]
        rng.shuffle(order)
        seat_list = order + order[:total - n]  # the doubled students sit >= n >= seats places apart
        for k, stu in enumerate(seat_list):
            sec = classes[section + k // args.seats]
            enrollments.append({"classSourcedId": sec["sourcedId"], "schoolSourcedId": schools[school],
                                "userSourcedId": stu, "role": "student", "primary": "false"})
        for stu in ids:
            users.append({"sourcedId": stu, "enabledUser": "true", "orgSourcedIds": schools[school],
                          "role": "student", "username": stu, "givenName": rng.choice(GIVEN),
                          "familyName": rng.choice(FAMILY), "email": f"{stu}@district.example",
                          "grades": f"{rng.randint(9, 12):02d}"})
        first, section = first + n, section + blocks[school]
    for tch, orgs_of in teacher_schools.items():
        users.append({"sourcedId": tch, "enabledUser": "true", "orgSourcedIds": ",".join(sorted(set(orgs_of))),
                      "role": "teacher", "username": tch, "givenName": rng.choice(GIVEN),
                      "familyName": rng.choice(FAMILY), "email": f"{tch}@district.example"})
    for k, row in enumerate(enrollments):
        row["sourcedId"] = f"enr-{k + 1:07d}"

    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "manifest.csv"), "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        out.writerows([["propertyName", "value"], ["manifest.version", "1.0"], ["oneroster.version", "1.1"]])
        out.writerows([f"file.{n}", "bulk" if n in HEADERS else "absent"] for n in MANIFEST_FILES)
    counts = {name: write_csv(folder, name, rows) for name, rows in [
        ("orgs", orgs), ("academicSessions", sessions), ("courses", courses), ("classes", classes),
        ("users", users), ("enrollments", enrollments)]}
    doubled = sum(seats) - args.students
    return counts, classes[0]["sourcedId"], enrollments[0]["userSourcedId"], doubled, len(teacher_schools)


def framework(args, path):
    """A CASE 1.0 CFPackage: 6 strand items under the document, the competencies spread over them."""
    ident = lambda name: str(uuid.uuid5(NAMESPACE, "masterly-bench-district:" + name))
    doc_id = ident("document")
    title = "Synthetic District Mathematics Framework"
    doc_link = {"title": title, "identifier": doc_id, "uri": f"{BASE}/CFDocuments/{doc_id}"}
    document = dict(doc_link, creator="Masterly benchmarks", lastChangeDateTime=STAMP, caseVersion="1.0",
                    version="1.0", language="en", subject=["Mathematics"], adoptionStatus="Adopted",
                    description=f"{args.competencies} synthetic competencies in 6 strands, for load tests.")
    items, associations = [], []

    def add(key, parent, sequence, statement, code, kind, short=None):
        item_id = ident(key)
        item = {"identifier": item_id, "uri": f"{BASE}/CFItems/{item_id}", "fullStatement": statement,
                "humanCodingScheme": code, "CFItemType": kind, "language": "en", "lastChangeDateTime": STAMP}
        if short:
            item["abbreviatedStatement"] = short
        items.append(item)
        assoc_id = ident("isChildOf:" + key)
        associations.append({
            "identifier": assoc_id, "uri": f"{BASE}/CFAssociations/{assoc_id}", "associationType": "isChildOf",
            "originNodeURI": {"title": code, "identifier": item_id, "uri": item["uri"]},
            "destinationNodeURI": parent, "sequenceNumber": sequence, "lastChangeDateTime": STAMP})
        return {"title": code, "identifier": item_id, "uri": item["uri"]}

    for s, count in enumerate(spread(args.competencies, len(STRANDS))):
        name = STRANDS[s]
        strand = add(f"strand:{s + 1}", doc_link, s + 1, f"{name}: understand and apply {name.lower()} concepts.",
                     f"S{s + 1}", "Strand", short=name)
        for c in range(count):
            add(f"competency:{s + 1}.{c + 1}", strand, c + 1,
                f"{name} {c + 1}: demonstrates {name.lower()} skill {c + 1} independently and in new contexts.",
                f"S{s + 1}.{c + 1}", "Competency")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"CFDocument": document, "CFItems": items, "CFAssociations": associations}, f, indent=1)
    code = "".join(w[0] for w in title.split())[:8].upper()  # Masterly's code: the title's initials
    return doc_id, code, title, len(items)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", required=True, help="output folder (created)")
    p.add_argument("--students", type=int, default=50000)
    p.add_argument("--sections", type=int, default=2000)
    p.add_argument("--schools", type=int, default=20)
    p.add_argument("--courses", type=int, default=20)
    p.add_argument("--competencies", type=int, default=60, help="framework size, split into 6 strands")
    p.add_argument("--seats", type=int, default=35, help="students per section")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    if min(args.students, args.sections, args.schools, args.courses, args.seats) < 1:
        p.error("every count must be at least 1")
    if args.competencies < len(STRANDS):
        p.error(f"--competencies must be at least {len(STRANDS)} (one per strand)")
    if args.schools > args.sections:
        p.error("--schools may not exceed --sections")
    if not args.students <= args.sections * args.seats <= 2 * args.students:
        p.error(f"sections*seats = {args.sections * args.seats} must lie between students ({args.students}) "
                f"and 2*students, so that every student has 1 or 2 sections and every section {args.seats}")
    started = time.time()
    os.makedirs(args.out, exist_ok=True)
    counts, first_section, first_teacher, doubled, teachers = roster(args, os.path.join(args.out, "oneroster"))
    doc_id, code, title, item_count = framework(args, os.path.join(args.out, "framework.json"))
    print(f"wrote {args.out}/oneroster and {args.out}/framework.json in {time.time() - started:.1f}s")
    print("  " + ", ".join(f"{name}: {n}" for name, n in counts.items()))
    print(f"  students: {args.students} ({doubled} in two sections), teachers: {teachers}, "
          f"sections: {args.sections} x {args.seats} seats, schools: {args.schools}, courses: {args.courses}")
    print(f"  first section: {first_section} (Masterly id {masterly_id('sec', first_section)}), "
          f"its teacher: {first_teacher}")
    print(f"  courses: crs-01.. (Masterly id of crs-01: {masterly_id('course', 'crs-01')})")
    print(f"  framework: '{title}' code {code}, CASE identifier {doc_id} "
          f"(Masterly id {masterly_id('fw', doc_id)}), {item_count} items "
          f"({len(STRANDS)} strands + {args.competencies} competencies)")


if __name__ == "__main__":
    main()
