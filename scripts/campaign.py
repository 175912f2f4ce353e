#!/usr/bin/env python3
"""The crash, concurrency, fuzzing and privacy campaign of issue 11, re-run against a yswd binary.

    python3 scripts/campaign.py [--yswd .build/release/yswd] [--kills 40] [--writers 4x250]
                                [--csvs 500] [--command-lines 1000] [--rows 200000] [--seed 7]

Prints one line per part, with its figures:
  kills          SIGKILL at a random moment during an import: partial imports (want 0), files that
                 fail PRAGMA integrity_check (want 0), imports left without their one history entry.
  writers        N processes each adding M contributions at once: failures (want 0), rows lost (want 0).
  long import    an import of --rows rows, with `contribution add` started 1 s in: both exit 0,
                 how long the add took, and how long the import held the write lock.
  csvs           mutated survey exports through `contribution import`: crashes (want 0), exits other
                 than 0 or 2 (want 0), errors without a line number, databases changed by a failure.
  command lines  random command lines: crashes (want 0), unexpected exits, multi-line errors.
  privacy        disguised contact details in a theme: how many `publish` let through (want 0).
"""
import argparse, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--yswd", default=".build/release/yswd")
ap.add_argument("--kills", type=int, default=40)
ap.add_argument("--writers", default="4x250")
ap.add_argument("--csvs", type=int, default=500)
ap.add_argument("--command-lines", type=int, default=1000)
ap.add_argument("--rows", type=int, default=200000)
ap.add_argument("--seed", type=int, default=7)
args = ap.parse_args()
YSWD = os.path.abspath(args.yswd)
rng = random.Random(args.seed)
work = tempfile.mkdtemp(prefix="yswd-campaign-")
env = dict(os.environ, YSWD_ACTOR="campaign")
env.pop("YSWD_DATABASE", None)


def run(argv, cwd, **kw):
    return subprocess.run([YSWD] + argv, cwd=cwd, env=env, capture_output=True, text=True, errors="replace", **kw)


def fresh(name):
    folder = os.path.join(work, name)
    os.makedirs(folder)
    for argv in (["init"],
                 ["activity", "add", "GP", "--title", "GP access", "--purpose", "Find out", "--can-influence",
                  "Booking", "--level", "consult", "--opens", "2026-01-05", "--closes", "2026-02-27"],
                 ["theme", "add", "GP", "phones", "--said", "Phones are busy"]):
        assert run(argv, folder).returncode == 0, argv
    return folder


def survey(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("Id,Text,Who,Email,Ok,Themes\n")
        for i in range(rows):
            email = f"p{i % 3000}@example.org" if i % 5 == 0 else ""
            f.write(f"R{i},\"The phone line, again, day {i}\",P-{i % 3000},{email},{'yes' if i % 2 else 'no'},phones\n")


def counts(db):
    con = sqlite3.connect(db)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = con.execute("SELECT count(*) FROM contribution").fetchone()[0]
        batches = con.execute("SELECT count(*) FROM history WHERE action = 'batch'").fetchone()[0]
        return ok, n, batches
    finally:
        con.close()


IMPORT = ["contribution", "import", "GP", "s.csv", "--text-column", "Text", "--id-column", "Id",
          "--participant-column", "Who", "--email-column", "Email", "--wants-feedback-column", "Ok",
          "--theme-column", "Themes"]

# 1. Kills during imports.
base = fresh("kill-base")
survey(os.path.join(base, "s.csv"), 50000)
start = time.monotonic()
assert run(IMPORT, base).returncode == 0
full_time = time.monotonic() - start
partial = corrupt = unrecorded = 0
for k in range(args.kills):
    folder = os.path.join(work, f"kill-{k}")
    os.makedirs(folder)
    shutil.copy(os.path.join(base, "s.csv"), folder)
    assert run(["init"], folder).returncode == 0
    for argv in (["activity", "add", "GP", "--title", "t", "--purpose", "p", "--can-influence", "c", "--level",
                  "consult"], ["theme", "add", "GP", "phones", "--said", "Phones"]):
        run(argv, folder)
    p = subprocess.Popen([YSWD] + IMPORT, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, full_time * 1.1))
    p.send_signal(signal.SIGKILL)
    p.wait()
    ok, n, batches = counts(os.path.join(folder, "yswd.sqlite"))
    corrupt += not ok
    partial += n not in (0, 50000)
    unrecorded += (n == 50000) != (batches == 1)
    shutil.rmtree(folder)
print(f"kills: {args.kills} SIGKILLs during 50,000-row imports ({full_time:.1f} s each): {partial} partial imports, "
      f"{corrupt} failed integrity checks, {unrecorded} imports without their one history entry")

# 2. Concurrent writers.
n, m = (int(x) for x in args.writers.split("x"))
folder = fresh("writers")
script = f'for i in $(seq 1 {m}); do "$YSWD" contribution add GP --text "writer $1 view $i" >/dev/null || echo FAIL; done'
procs = [subprocess.Popen(["sh", "-c", script, "sh", str(w)], cwd=folder, env=dict(env, YSWD=YSWD),
                          stdout=subprocess.PIPE, text=True) for w in range(n)]
failures = sum(p.communicate()[0].count("FAIL") for p in procs)
_, rows, _ = counts(os.path.join(folder, "yswd.sqlite"))
print(f"writers: {n} x {m} concurrent `contribution add`: {failures} failed, {n * m - rows} rows lost")

# 3. A long import, with a `contribution add` started every half second while it runs.
folder = fresh("long")
survey(os.path.join(folder, "s.csv"), args.rows)
start = time.monotonic()
p = subprocess.Popen([YSWD] + IMPORT, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
waits, failed = [], 0
while p.poll() is None:
    time.sleep(0.5)
    add_start = time.monotonic()
    added = run(["contribution", "add", "GP", "--text", "added during the import"], folder)
    waits.append(time.monotonic() - add_start)
    failed += added.returncode != 0
err = p.communicate()[1]
total = time.monotonic() - start
print(f"long import: {args.rows:,} rows in {total:.1f} s (exit {p.returncode}{', ' + err.strip() if err.strip() else ''});"
      f" {len(waits)} adds while it ran, {failed} failed, the longest took {max(waits, default=0):.2f} s"
      f" (the import's write phase: the only time it holds the lock)")

# 4. Mutated CSVs through the command line.
seed_csv = ("Id,When,Text,Who,Email,Ok,Themes\nR1,05/01/2026,\"The phone, always\",P-1,p1@example.org,yes,phones\n"
            "R2,2026-01-06,\"Online \"\"never\"\" works\nline two\",P-2,,no,online;phones\nR3,,Parking,P-1,,y,\n").encode()
interesting = [b'"', b",", b"\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"R1", b"P-1", b" ", b";zz", b"<x>"]
folder = fresh("csvs")
db = os.path.join(folder, "yswd.sqlite")
crashes = odd = lineless = changed = 0
for i in range(args.csvs):
    data = bytearray(seed_csv)
    for _ in range(rng.randint(1, 4)):
        pos = rng.randint(0, len(data))
        op = rng.randrange(4)
        if op == 0 and data:
            data[min(pos, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            data[pos:pos] = rng.choice(interesting)
        elif op == 2:
            del data[pos:pos + rng.randint(1, 10)]
        else:
            data[pos:pos] = bytes([rng.randrange(256)])
    with open(os.path.join(folder, "f.csv"), "wb") as f:
        f.write(data)
    before = open(db, "rb").read() if os.path.exists(db) else b""
    r = run(["contribution", "import", "GP", "f.csv", "--text-column", "Text", "--id-column", "Id", "--date-column",
             "When", "--participant-column", "Who", "--email-column", "Email", "--wants-feedback-column", "Ok",
             "--theme-column", "Themes", "--create-themes"], folder)
    crashes += r.returncode < 0 or r.returncode >= 128
    odd += r.returncode not in (0, 2)
    if r.returncode == 2:
        line = r.stderr.strip()
        lineless += not ("line " in line or "file" in line or "column" in line)
        con = sqlite3.connect(db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
print(f"csvs: {args.csvs} mutated exports: {crashes} crashes, {odd} exits other than 0 or 2, "
      f"{lineless} errors naming no line, column or file")

# 5. Random command lines.
words = ["activity", "add", "update", "list", "show", "remove", "participant", "erase", "contribution", "import",
         "theme", "link", "decision", "explain", "evaluate", "history", "loops", "check", "config", "set", "publish",
         "updates", "followups", "site", "templates", "backup", "GP", "phones", "P-1", "1", "0", "-1", "99999999999",
         "--text", "--said", "--format", "json", "csv", "xml", "--as-of", "2026-02-30", "30/04/2027", "--due",
         "--cadence-weeks", "2147483648", "--feedback-weeks", "--email", "not-an-email", "--out", "/dev/full",
         "--contribution", "1-0", "--responds-to", "phones:maybe", "--status", "done", "--reason", "", "<script>",
         "\u202e", "../..", "--allow", "PF-x", "--level", "consult", "--help", "--database", "x.sqlite"]
folder = fresh("argv")
crashes = odd = multiline = 0
for i in range(args.command_lines):
    argv = [rng.choice(words) for _ in range(rng.randint(1, 7))]
    try:
        r = run(argv, folder, timeout=30)
    except subprocess.TimeoutExpired:
        odd += 1
        continue
    crashes += r.returncode < 0 or r.returncode >= 128
    odd += r.returncode not in (0, 1, 2, 3, 64)
    if r.returncode == 2:
        multiline += len(r.stderr.strip().splitlines()) != 1
print(f"command lines: {args.command_lines} random: {crashes} crashes, {odd} unexpected exits, "
      f"{multiline} errors over more than one line")

# 6. Disguised contact details, published.
disguises = ["josé@example.org", "jo@exämple.org", "jo(at)example.org", "jo [at] example.org", "jo at example.org",
             "jo @ example.org", "jo＠example.org", "ｊｏ＠ｅｘａｍｐｌｅ．ｏｒｇ", "07700.900.123", "+44-7700-900123",
             "(+44) 7700 900123", "07700/900123", "０７７００ ９００１２３", "+44 (0) 7700 900123", "0044 7700 900123",
             "07700\u00a0900123", "07700  900123", "943.476.5919", "943\u00a0476\u00a05919", "943  476  5919",
             "9434 765 919", "943-476-5919", "CV1  2AB", "CV1-2AB", "cv1 2ab", "CV1\u00a02AB", "jo\u200b@example.org",
             "020 7946 0958", "(0121) 496 0000", "+447700900123"]
folder = fresh("privacy")
run(["config", "set", "public-contact", "engagement@example.nhs.uk"], folder)
run(["decision", "add", "GP", "callback", "--text", "We will call back", "--responds-to", "phones"], folder)
missed = []
for d in disguises:
    run(["theme", "update", "GP", "phones", "--said", f"Contact me on {d} please"], folder)
    r = run(["publish", "GP", "--format", "html"], folder)
    if r.returncode == 0:
        missed.append(d)
print(f"privacy: {len(disguises)} disguised details in a theme: {len(missed)} published"
      + (f" ({', '.join(missed)})" if missed else ""))
shutil.rmtree(work)
