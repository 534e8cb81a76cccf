"""Helpers of bench/approvals/run.sh (Python 3, standard library only).

  probe.py heap BASE OUT STOPFILE       every 0.5 s, "<epoch s> <heap bytes used>" (the sum of the JVM's heap pools,
                                        jvm_memory_used_bytes{area="heap"} from /actuator/prometheus) into OUT, until
                                        STOPFILE is gone
  probe.py peak OUT T0 T1               the most heap used between T0 and T1 (epoch s), in MB
  probe.py heapnow BASE                 the heap used now, in MB
  probe.py list BASE BATCH N SEED Q...  N requests, one after the other on one connection, to random pages (size 20)
                                        of the public approval list; with Q values, each request takes one of them
                                        as q= and a random page among that filter's pages. Prints key=value lines
  probe.py publish FILE                 what a publication answered: published, rejected, items
  probe.py xlsx FILE                    the data rows of an exported workbook's first sheet
  probe.py stacks DUMP...               where the request thread that publishes is, in each thread dump
  probe.py during BASE APP STARTFILE AT OUT
                                        the teacher apt000001 and the auditor at work while publication runs: signs
                                        the teacher in to the pages and opens the application APP's form (then
                                        prints "ready"), waits for STARTFILE (the epoch publication began), and AT s
                                        after it, at once, signs the auditor in (POST /api/v1/auth/token) and
                                        autosaves the teacher's draft as the form does (POST /applications/APP/edit,
                                        HX-Request: true); OUT gets "<what> <status> <seconds> <epoch answered>"
  probe.py jfr FILE                     a flight recording's samples of the publishing thread (jdk.ExecutionSample:
                                        running Java, jdk.NativeMethodSample: in native code, mostly waiting for
                                        PostgreSQL's answer), by innermost Xietong frame and by top frame
"""
import http.client
import json
import os
import random
import re
import sys
import time
import urllib.parse
import zipfile


def heap_bytes(base):
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request("GET", "/actuator/prometheus",
                 headers={"Authorization": "Bearer " + os.environ.get("BENCH_METRICS_TOKEN", "")})
    text = conn.getresponse().read().decode()
    conn.close()
    total = 0.0
    for line in text.splitlines():
        if line.startswith("jvm_memory_used_bytes{") and 'area="heap"' in line:
            total += float(line.rsplit(" ", 1)[1])
    return total


def heap(base, out, stop):
    with open(out, "a") as f:
        while os.path.exists(stop):
            try:
                f.write("%.3f %d\n" % (time.time(), heap_bytes(base)))
                f.flush()
            except Exception:
                pass
            time.sleep(0.5)


def peak(out, t0, t1):
    best = 0
    for line in open(out):
        t, b = line.split()
        if float(t0) <= float(t) <= float(t1):
            best = max(best, int(b))
    print("%.0f" % (best / 1048576))


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def get(conn, path):
    conn.request("GET", path)
    r = conn.getresponse()
    return r.status, r.read()


def list_probe(base, batch, n, seed, queries):
    url = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    rnd = random.Random(int(seed))
    filters = []
    for q in queries or [""]:
        suffix = ("&q=" + urllib.parse.quote(q)) if q else ""
        status, body = get(conn, "/api/v1/batches/%s/approvals?page=0&size=20%s" % (batch, suffix))
        total = json.loads(body)["total"] if status == 200 else 0
        filters.append((suffix, max(1, (total + 19) // 20), total, q))
    times, errors, rows = [], 0, 0
    start = time.perf_counter()
    for _ in range(int(n)):
        suffix, pages, _, _ = rnd.choice(filters)
        path = "/api/v1/batches/%s/approvals?page=%d&size=20%s" % (batch, rnd.randrange(pages), suffix)
        t = time.perf_counter()
        try:
            status, body = get(conn, path)
        except Exception:
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
            status, body = 0, b""
        times.append((time.perf_counter() - t) * 1000)
        if status != 200:
            errors += 1
        else:
            rows += len(json.loads(body)["items"])
    wall = time.perf_counter() - start
    print("P50=%.1f" % percentile(times, 50))
    print("P99=%.1f" % percentile(times, 99))
    print("MEAN=%.1f" % (sum(times) / len(times)))
    print("MAX=%.1f" % max(times))
    print("RPS=%.1f" % (len(times) / wall))
    print("ERRORS=%d" % errors)
    print("ROWS=%d" % rows)
    print("FILTERS=%s" % ", ".join("%s: %d rows" % ("q=" + q if q else "(none)", total)
                                    for _, _, total, q in filters))


def publish(path):
    d = json.load(open(path))
    print("PUBLISHED=%d" % d["published"])
    print("REJECTED=%d" % d["rejected"])
    print("ITEMS=%d" % len(d["items"]))
    if d["items"]:
        print("FIRST=%s" % d["items"][0]["projectNumber"])
        print("LAST=%s" % d["items"][-1]["projectNumber"])


def xlsx(path):
    with zipfile.ZipFile(path) as z:
        name = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")][0]
        data = z.read(name).decode("utf-8", "replace")
    print(len(re.findall(r"<row ", data)) - 1)


def stacks(dumps):
    where = {}
    for dump in dumps:
        text = open(dump, errors="replace").read()
        for block in text.split("\n\n"):
            if "ApprovalPublication.publish" not in block:
                continue
            frames = [l.strip()[3:] for l in block.splitlines() if l.strip().startswith("at ")]
            state = re.search(r"java.lang.Thread.State: (\S+)", block)
            own = [f for f in frames if f.startswith("org.xietong")]
            top = frames[0] if frames else "?"
            print("  %s: %s; top %s" % (os.path.basename(dump), state.group(1) if state else "?", top))
            for f in own[:4]:
                print("      in %s" % f)
            key = own[0] if own else top
            where[key] = where.get(key, 0) + 1
    if where:
        print("  innermost Xietong frame of the publishing thread, over %d dumps:" % len(dumps))
        for k, v in sorted(where.items(), key=lambda kv: -kv[1]):
            print("    %3d  %s" % (v, k))


def during(base, app, startfile, at, out):
    import http.cookiejar
    import threading
    import urllib.request
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def page(path, data=None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(base + path, data=body, headers=headers or {})
        try:
            with opener.open(req, timeout=600) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    csrf = lambda html: re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    _, login = page("/login")
    page("/login", {"username": "apt000001", "password": "Demo@2024", "_csrf": csrf(login)})
    status, form = page("/applications/%s/edit" % app)
    version = re.search(r'name="version" value="([^"]*)"', form)
    if status != 200 or not version:
        print("the teacher's form did not open: HTTP %s" % status)
        sys.exit(1)
    fields = {"_csrf": csrf(form), "version": version.group(1), "title": "校企合作课程建设（草稿）",
              "summary": "自动保存：发布立项名单期间教师仍在填写申报书。", "plan": "建设计划草稿。",
              "expectedOutcomes": "预期成果草稿。", "memberName": "成员一", "memberTitle": "讲师",
              "memberOrganization": "长白山理工大学1", "memberRole": "课程设计", "lineCategory": "课程建设",
              "lineAmount": "20000"}
    print("ready", flush=True)
    while not os.path.exists(startfile) or not open(startfile).read().strip():
        time.sleep(0.02)
    t0 = float(open(startfile).read().strip())
    time.sleep(max(0.0, t0 + float(at) - time.time()))
    results = []

    def signin():
        t = time.time()
        conn = http.client.HTTPConnection(urllib.parse.urlparse(base).netloc, timeout=600)
        conn.request("POST", "/api/v1/auth/token", json.dumps({"username": "auditor", "password": "Demo@2024"}),
                     {"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        results.append("signin %d %.3f %.3f" % (r.status, time.time() - t, time.time()))

    def draft():
        t = time.time()
        status, body = page("/applications/%s/edit" % app, fields, {"HX-Request": "true"})
        ok = status == 200 and 'data-state="saved"' in body
        results.append("draft %d%s %.3f %.3f" % (status, "" if ok else "-not-saved", time.time() - t, time.time()))

    threads = [threading.Thread(target=signin), threading.Thread(target=draft)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    with open(out, "w") as f:
        f.write("\n".join(results) + "\n")


def jfr(path):
    import subprocess
    proc = subprocess.Popen(["jfr", "print", "--stack-depth", "64", "--events",
                             "jdk.ExecutionSample,jdk.NativeMethodSample", path], stdout=subprocess.PIPE, text=True)
    by_own, by_top, kinds = {}, {}, {}
    kind, frames = None, []

    def done():
        if kind is None or not any("ApprovalPublication.publish" in f for f in frames):
            return
        kinds[kind] = kinds.get(kind, 0) + 1
        own = next((f for f in frames if f.startswith("org.xietong") and "$$" not in f), "?")
        by_own[(kind, own)] = by_own.get((kind, own), 0) + 1
        top = frames[0] if frames else "?"
        by_top[(kind, top)] = by_top.get((kind, top), 0) + 1

    for line in proc.stdout:
        line = line.strip()
        if line.startswith("jdk.ExecutionSample") or line.startswith("jdk.NativeMethodSample"):
            done()
            kind, frames = ("java" if line.startswith("jdk.ExecutionSample") else "native"), []
        elif "line:" in line and "(" in line:
            frames.append(line.split("(")[0])
    done()
    proc.wait()
    total = sum(kinds.values()) or 1
    print("  JFR samples of the publishing thread: %d running Java, %d in native code (waiting for PostgreSQL)"
          % (kinds.get("java", 0), kinds.get("native", 0)))
    print("  by innermost Xietong frame (share of all its samples):")
    for (kind, own), v in sorted(by_own.items(), key=lambda kv: -kv[1])[:12]:
        print("    %5.1f%%  %-6s %s" % (100.0 * v / total, kind, own))
    print("  by top frame, running Java:")
    for (kind, top), v in sorted(((k, v) for k, v in by_top.items() if k[0] == "java"), key=lambda kv: -kv[1])[:8]:
        print("    %5.1f%%  %s" % (100.0 * v / total, top))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "heap":
        heap(*args)
    elif cmd == "peak":
        peak(*args)
    elif cmd == "heapnow":
        print("%.0f" % (heap_bytes(args[0]) / 1048576))
    elif cmd == "list":
        list_probe(args[0], args[1], args[2], args[3], args[4:])
    elif cmd == "publish":
        publish(args[0])
    elif cmd == "xlsx":
        xlsx(args[0])
    elif cmd == "stacks":
        stacks(args)
    elif cmd == "during":
        during(*args)
    elif cmd == "jfr":
        jfr(args[0])
