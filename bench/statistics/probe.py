"""The statistics benchmark's client (bench/statistics/run.sh), Python's standard library only.

  probe.py measure BASE OUT.tsv WARMUP N REPORT_N BATCH_2024,BATCH_2025,BATCH_2026 UNIVERSITY ENTERPRISE
      signs in as dept, stu000001-admin and ste000001 (API tokens, and a page session each), then requests each
      statistics answer one after the other: WARMUP times (not measured), then N times (REPORT_N for the year's
      .xlsx and .pdf), the batch (or year) going round the three. Each request carries bench=<seq> so that the
      server's access log names it; writes "target seq status bytes client_ms phase" lines to OUT.tsv, phase
      being cold (an address's first request), warmup or measured.
  probe.py summary OUT.tsv ACCESS_LOG...
      joins OUT.tsv with Tomcat's access log (pattern '%m %U%q %s %b %D', %D in microseconds) and prints
      p50/p95/max of the measured requests per target, server-side and on loopback, and the slowest cold one.
"""
import http.client
import json
import math
import re
import sys
import time
import urllib.parse

PASSWORD = 'Demo@2024'


class Client:

    def __init__(self, base):
        u = urllib.parse.urlparse(base)
        self.host, self.port = u.hostname, u.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if self.cookies:
            h['Cookie'] = '; '.join('%s=%s' % kv for kv in self.cookies.items())
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=600)
                if attempt:
                    raise
        for k, v in r.getheaders():
            if k.lower() == 'set-cookie':
                name, _, rest = v.partition('=')
                self.cookies[name] = rest.split(';', 1)[0]
        return r.status, data, r


def token(base, username):
    c = Client(base)
    status, data, _ = c.request('POST', '/api/v1/auth/token', json.dumps({'username': username, 'password': PASSWORD}),
                                {'Content-Type': 'application/json'})
    if status != 200:
        sys.exit('sign-in of %s answered %s: %s' % (username, status, data[:300]))
    c.auth = {'Authorization': 'Bearer ' + json.loads(data)['token'], 'Accept': 'application/json'}
    return c


def session(base, username):
    c = Client(base)
    status, data, _ = c.request('GET', '/login')
    m = re.search(rb'name="_csrf" value="([^"]+)"', data)
    if not m:
        sys.exit('no CSRF token on /login (%s)' % status)
    form = urllib.parse.urlencode({'username': username, 'password': PASSWORD, '_csrf': m.group(1).decode()})
    status, data, r = c.request('POST', '/login', form, {'Content-Type': 'application/x-www-form-urlencoded'})
    location = r.getheader('Location') or ''
    if status not in (302, 303) or 'error' in location:
        sys.exit('page sign-in of %s answered %s %s' % (username, status, location))
    c.auth = {'Accept': 'text/html'}
    return c


def measure(base, out, warmup, n, report_n, batches, university, enterprise):
    batches = batches.split(',')
    dept_api, uni_api, ent_api = token(base, 'dept'), token(base, 'stu000001-admin'), token(base, 'ste000001')
    dept_page, uni_page, ent_page = session(base, 'dept'), session(base, 'stu000001-admin'), session(base, 'ste000001')
    years = ['2024', '2025', '2026']
    targets = [
        ('api-batch', dept_api, lambda b, y: '/api/v1/batches/%s/statistics' % b, n),
        ('api-university', uni_api, lambda b, y: '/api/v1/universities/%s/statistics?batchId=%s' % (university, b), n),
        ('api-enterprise', ent_api, lambda b, y: '/api/v1/enterprises/%s/statistics?batchId=%s' % (enterprise, b), n),
        ('page-department', dept_page, lambda b, y: '/department/statistics?batchId=%s' % b, n),
        ('page-department-years', dept_page, lambda b, y: '/department/statistics/years', n),
        ('page-university', uni_page, lambda b, y: '/university/statistics?batchId=%s' % b, n),
        ('page-enterprise', ent_page, lambda b, y: '/enterprise/statistics?batchId=%s' % b, n),
        ('page-list', dept_page, lambda b, y: '/statistics/list?batchId=%s&measure=applications.submitted' % b, n),
        ('export-batch-xlsx', dept_page, lambda b, y: '/department/statistics/export.xlsx?batchId=%s' % b, report_n),
        ('report-xlsx', dept_page, lambda b, y: '/department/statistics/report.xlsx?year=%s' % y, report_n),
        ('report-pdf', dept_page, lambda b, y: '/department/statistics/report.pdf?year=%s' % y, report_n),
    ]
    seq = 0
    with open(out, 'w') as f:
        for name, client, path, count in targets:
            seen = set()
            for i in range(warmup + count):
                p = path(batches[i % 3], years[i % 3])
                # the first request of each address is cold (nothing cached); the warm-up requests are not measured
                phase = 'cold' if p not in seen else ('warmup' if i < warmup else 'measured')
                seen.add(p)
                seq += 1
                p += ('&' if '?' in p else '?') + 'bench=%d' % seq
                t0 = time.perf_counter()
                status, data, _ = client.request('GET', p, headers=client.auth)
                ms = 1000 * (time.perf_counter() - t0)
                f.write('%s\t%d\t%d\t%d\t%.2f\t%s\n' % (name, seq, status, len(data), ms, phase))
                f.flush()
                if status != 200:
                    print('  %-22s HTTP %s in %.0f ms: %s' % (name, status, ms,
                          data[:200].decode('utf-8', 'replace').replace('\n', ' ')), flush=True)
                    break
            print('  %-22s done' % name, flush=True)


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, max(0, math.ceil(p / 100.0 * len(v)) - 1))]  # nearest rank


def summary(out, logs):
    server = {}
    for log in logs:
        for line in open(log, encoding='utf-8', errors='replace'):
            m = re.search(r'[?&]bench=(\d+)\S*\s+(\d{3})\s+\S+\s+(\d+)\s*$', line)
            if m:
                server[int(m.group(1))] = int(m.group(3)) / 1000.0
    rows, order = {}, []
    for line in open(out):
        name, seq, status, size, ms, phase = line.rstrip('\n').split('\t')
        if name not in rows:
            rows[name] = []
            order.append(name)
        rows[name].append((int(seq), int(status), int(size), float(ms), phase))
    print('%-22s %4s %4s %9s %9s %9s %9s  %9s %9s  %s' % ('answer', 'n', 'err', 'p50 ms', 'p95 ms', 'max ms', 'cold ms',
                                                          'loop p50', 'loop p95', 'size'))
    for name in order:
        r = rows[name]
        measured = [x for x in r if x[4] == 'measured']
        ok = [x for x in measured if x[1] == 200]
        cold = [server.get(x[0], x[3]) for x in r if x[4] == 'cold' and x[1] == 200]
        bad = [x for x in r if x[1] != 200]
        if not ok:
            print('%-22s %4d %4d   no 200 answer (HTTP %s)' % (name, len(measured), len(bad),
                  ', '.join(sorted({str(x[1]) for x in bad}))))
            continue
        srv = [server[x[0]] for x in ok if x[0] in server]
        cli = [x[3] for x in ok]
        size = sum(x[2] for x in ok) / len(ok)
        s = ('%9.1f %9.1f %9.1f' % (pct(srv, 50), pct(srv, 95), max(srv))) if srv else '%9s %9s %9s' % ('-', '-', '-')
        print('%-22s %4d %4d %s %9s  %9.1f %9.1f  %s' % (name, len(measured), len(bad), s,
              ('%.0f' % max(cold)) if cold else '-', pct(cli, 50), pct(cli, 95),
              ('%.0f KB' % (size / 1024)) if size >= 1024 else '%d B' % size))


if __name__ == '__main__':
    if sys.argv[1] == 'measure':
        measure(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7],
                sys.argv[8], sys.argv[9])
    else:
        summary(sys.argv[2], sys.argv[3:])
