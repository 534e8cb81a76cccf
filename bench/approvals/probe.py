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
    conn.request("GET", "/actuator/prometheus")
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
