#!/usr/bin/env python3
"""Planted-set accuracy and speed of `dataprep redact`, with datatrove's PIIFormatter in the same run.

Usage:
  scripts/bench-redact.py BIN OUT DOCS.jsonl [DOCS.jsonl ...] [--records 6000] [--seed 17]
                          [--python python3]

DOCS are documents made by `dataprep extract` from real documentation (/work/cache/allsets/*).
The script
  1. takes paragraphs of 150-1500 characters with nothing that looks private (no '@', '://',
     dotted quads, 6+ digit runs, password/token/secret/key words, PEM headers: a filter on the
     text, not on any detector), and plants in each one sentence holding one value of one kind
     (emails, public IPv4/IPv6, phones in international and national forms, Luhn-valid cards,
     mod-97-valid IBANs, secrets: AWS ids and secret keys incl. AWS's EXAMPLE keys, GitHub,
     GitLab, Slack, Stripe, Google, JWT, PEM, key = value passwords, URL credentials) or one hard
     negative (version numbers, dates, ISBNs, DOIs, git hashes, UUIDs, private and documentation
     IPs, phone numbers in code spans, Luhn-invalid cards, bad IBANs, tutorial placeholders);
  2. runs `BIN redact --jobs 1` on them and scores per kind: a planted value is found when it is
     gone and its kind's mask is there; every other mask is a false positive of its kind;
  3. runs datatrove's PIIFormatter on the same texts (recall on emails and IPs: value gone);
  4. times `BIN redact --jobs 1` over the DOCS (CPU seconds of the child, MB/s of input) and
     datatrove's PIIFormatter over the same texts.
Writes OUT/planted.jsonl, OUT/truth.jsonl, OUT/redacted.jsonl and prints a table (and OUT/results.json).
"""
import argparse, base64, json, os, random, re, resource, string, subprocess, sys, time, uuid

MASK = {"email": "<EMAIL>", "ip": "<IP>", "phone": "<PHONE>", "card": "<CARD>", "iban": "<IBAN>", "secret": "<SECRET>"}


def luhn_complete(prefix, length, rng):
    digits = [int(c) for c in prefix] + [rng.randrange(10) for _ in range(length - len(prefix) - 1)]
    for check in range(10):
        ds = digits + [check]
        s = 0
        for k, d in enumerate(reversed(ds)):
            if k % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            s += d
        if s % 10 == 0:
            return "".join(map(str, ds))


def luhn_ok(number):
    s = 0
    for k, c in enumerate(reversed(number)):
        d = int(c)
        if k % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def iban_make(country, bban):
    rearranged = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


def group4(s, sep=" "):
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


FIRST = ["anna", "ben", "carla", "david", "elena", "farid", "grace", "hiro", "ines", "jonas", "katja", "liam", "maria", "noah", "olga", "pedro", "quinn", "rosa", "sven", "tanja"]
LAST = ["mueller", "smith", "garcia", "tanaka", "rossi", "novak", "dubois", "kowalski", "jensen", "okafor", "silva", "nguyen", "schmidt", "brown", "ivanova"]
DOMAINS = ["gmail.com", "posteo.de", "corp-mail.net", "uni-heidelberg.de", "mail.example.org", "acme.co.uk", "lists.debian.org", "outlook.com", "fastmail.fm", "company.io"]


def gen(kind, rng):
    r = rng
    alnum = string.ascii_letters + string.digits
    if kind == "email":
        f, l, d = r.choice(FIRST), r.choice(LAST), r.choice(DOMAINS)
        return r.choice([f"{f}.{l}@{d}", f"{f[0]}{l}{r.randrange(100)}@{d}", f"{f}+lists@{d}", f"{f}_{l}@{d}", f"{l.upper()}.{f}@{d}"])
    if kind == "ipv4":
        while True:
            a = r.choice([8, 23, 31, 45, 52, 62, 77, 81, 91, 104, 130, 141, 151, 185, 193, 212, 217])
            return f"{a}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}"
    if kind == "ipv6":
        head = r.choice(["2a00", "2a01", "2606", "2607", "2001", "2a02", "2c0f", "2400"])
        g = [f"{r.randrange(1, 0xffff):x}" for _ in range(7)]
        if head == "2001" and g[0] == "db8":
            g[0] = "4860"
        return r.choice([f"{head}:{g[0]}:{g[1]}::{g[2]}", f"{head}:" + ":".join(g), f"{head}:{g[0]}:{g[1]}:{g[2]}::{g[3]}"])
    if kind == "phone":
        d = lambda k: "".join(str(r.randrange(10)) for _ in range(k))
        nz = lambda: str(r.randrange(2, 10))
        return r.choice([
            f"+1 {nz()}{d(2)} {nz()}{d(2)} {d(4)}", f"+1-{nz()}{d(2)}-{nz()}{d(2)}-{d(4)}", f"+44 20 {d(4)} {d(4)}",
            f"+49 30 {d(8)}", f"+49 (0){nz()}{d(1)} {d(7)}", f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}", f"+81 3-{d(4)}-{d(4)}",
            f"({nz()}{d(2)}) {nz()}{d(2)}-{d(4)}", f"{nz()}{d(2)}-{nz()}{d(2)}-{d(4)}", f"{nz()}{d(2)}.{nz()}{d(2)}.{d(4)}",
            f"0{nz()}{d(1)} {d(8)}", f"020 {d(4)} {d(4)}", f"0{nz()} {d(2)} {d(2)} {d(2)} {d(2)}", f"+31 6 {d(8)}",
        ])
    if kind == "card":
        p, n = r.choice([("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("4", 13)])
        num = luhn_complete(p, n, r)
        if n == 15:
            return r.choice([num, f"{num[:4]} {num[4:10]} {num[10:]}"])
        return r.choice([num, group4(num), group4(num, "-")])
    if kind == "iban":
        dig = lambda k: "".join(str(r.randrange(10)) for _ in range(k))
        up = lambda k: "".join(r.choice(string.ascii_uppercase) for _ in range(k))
        iban = r.choice([iban_make("DE", dig(18)), iban_make("GB", up(4) + dig(14)), iban_make("FR", dig(23)), iban_make("NL", up(4) + dig(10)), iban_make("ES", dig(20)), iban_make("CH", dig(17))])
        return r.choice([iban, group4(iban)])
    if kind == "secret":
        rs = lambda chars, k: "".join(r.choice(chars) for _ in range(k))
        upd = string.ascii_uppercase + string.digits
        sub = r.choice(["aws_id", "aws_example", "aws_secret", "github", "github_pat", "gitlab", "slack", "stripe", "google", "jwt", "pem", "kv", "url"])
        if sub == "aws_id":
            return sub, r.choice(["AKIA", "ASIA"]) + rs(upd, 16)
        if sub == "aws_example":
            return sub, "AKIAIOSFODNN7EXAMPLE"
        if sub == "aws_secret":
            while True:
                v = rs(alnum + "/+", 40)
                if any(c.isupper() for c in v) and any(c.islower() for c in v) and any(c.isdigit() or c in "/+" for c in v):
                    return sub, v
        if sub == "github":
            return sub, r.choice(["ghp_", "gho_", "ghs_"]) + rs(alnum, 36)
        if sub == "github_pat":
            return sub, "github_pat_" + rs(alnum, 22) + "_" + rs(alnum, 59)
        if sub == "gitlab":
            return sub, "glpat-" + rs(alnum + "-_", 20)
        if sub == "slack":
            return sub, f"xoxb-{rs(string.digits, 12)}-{rs(string.digits, 13)}-{rs(alnum, 24)}"
        if sub == "stripe":
            return sub, r.choice(["sk_live_", "rk_live_"]) + rs(alnum, 24)
        if sub == "google":
            return sub, "AIza" + rs(alnum + "-_", 35)
        if sub == "jwt":
            b64 = lambda o: base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
            return sub, b64({"alg": r.choice(["HS256", "RS256"]), "typ": "JWT"}) + "." + b64({"sub": rs(string.digits, 10), "name": r.choice(FIRST), "iat": 1516239022}) + "." + rs(alnum + "-_", 43)
        if sub == "pem":
            body = "\n".join(rs(alnum + "+/", 64) for _ in range(4))
            label = r.choice(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"])
            return sub, f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"
        if sub == "kv":
            while True:
                v = rs(alnum + "!%^_-", r.randrange(10, 24))
                if sum(any(c in cls for c in v) for cls in (string.ascii_lowercase, string.ascii_uppercase, string.digits)) >= 3:
                    return sub, v
        if sub == "url":
            while True:
                v = rs(alnum + "-_!", r.randrange(10, 20))
                if any(c.isdigit() for c in v) and any(c.isupper() for c in v):
                    return sub, v
    raise ValueError(kind)


CONTEXTS = {
    "email": ["For questions, write to {v}.", "Bug reports go to {v} (please include the version).", "Maintainer: {v}", "Contact the author at <{v}> for the patch."],
    "ip": ["The mirror at {v} was down for an hour.", "Connect to {v} on port 5432.", "Requests from {v} were blocked by the firewall.", "Our DNS server is {v}, use it in resolv.conf."],
    "phone": ["Call the support line at {v} during office hours.", "For urgent issues phone {v}.", "Tel.: {v}", "You can reach the on-call admin on {v} at night."],
    "card": ["The test payment used card {v} and was declined.", "Card number: {v}", "She paid with {v}, expiring 04/27."],
    "iban": ["Please transfer the fee to IBAN {v}.", "Account: {v} (Sparkasse)", "Wire the amount to {v} before the 15th."],
}
SECRET_CONTEXTS = {
    "aws_id": ["Set AWS_ACCESS_KEY_ID={v} in the environment.", "The access key {v} belongs to the deploy user.", "aws_access_key_id = {v}"],
    "aws_example": ["For example, aws_access_key_id = {v} in ~/.aws/credentials.", "The AWS docs use the key {v} in every example."],
    "aws_secret": ["aws_secret_access_key = {v}", "Then export AWS_SECRET_ACCESS_KEY={v} and retry.", "The AWS secret key is {v} for this account."],
    "github": ["Use the token {v} to push.", "export GITHUB_TOKEN={v}", "Authorization: token {v}"],
    "github_pat": ["The fine-grained token {v} expires in 30 days.", "git clone https://{v}@github.com/org/repo.git"],
    "gitlab": ["GitLab access: {v}", "Set CI_JOB_TOKEN to {v} in the runner."],
    "slack": ["The bot posts with {v}.", "SLACK_BOT_TOKEN={v}"],
    "stripe": ["Stripe key: {v}", "stripe.api_key = \"{v}\""],
    "google": ["The Maps API key is {v}.", "GOOGLE_API_KEY={v}"],
    "jwt": ["Send the header Authorization: Bearer {v} with each request.", "The session cookie held {v}."],
    "pem": ["Save this as id_rsa:\n{v}\nthen chmod 600 it.", "The server key is\n{v}"],
    "kv": ["db_password = {v}", "In settings, set PASSWORD: \"{v}\" and restart.", "Server=db01;User Id=app;Password={v};", "client_secret: {v}"],
    "url": ["DATABASE_URL=postgres://app:{v}@db.internal:5432/app", "Connect with mysql://root:{v}@10.0.0.5/shop and run the migration.", "The broker is amqp://guest:{v}@rabbit:5672/."],
}


def hard_negatives(rng):
    r = rng
    h = lambda k: "".join(r.choice("0123456789abcdef") for _ in range(k))
    d = lambda k: "".join(str(r.randrange(10)) for _ in range(k))
    isbn = "978" + d(9)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(isbn))
    isbn += str((10 - s % 10) % 10)
    bad_card = luhn_complete("4", 16, r)
    bad_card = bad_card[:-1] + str((int(bad_card[-1]) + 1) % 10)
    bad_iban = iban_make("DE", d(18))
    bad_iban = bad_iban[:-1] + str((int(bad_iban[-1]) + 1) % 10)
    return [
        f"Upgrade to version {r.randrange(1, 20)}.{r.randrange(10)}.{r.randrange(10)}.{r.randrange(10)} before migrating.",
        f"This was fixed in release {r.randrange(1, 20)}.{r.randrange(10)}.{r.randrange(30)}.{r.randrange(10)}.",
        f"The change landed on {2000 + r.randrange(25)}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d} 10:{r.randrange(60):02d}:00.",
        f"Released {r.randrange(1, 29):02d}.{r.randrange(1, 13):02d}.{2000 + r.randrange(25)}, see the notes.",
        f"See the book (ISBN {isbn[:3]}-{isbn[3]}-{isbn[4:7]}-{isbn[7:12]}-{isbn[12]}) for details.",
        f"The paper is doi:10.{d(4)}/{d(6)}.",
        f"Fixed by commit {h(40)} upstream.",
        f"The object id is {uuid.UUID(int=r.getrandbits(128))}.",
        f"The checksum is sha256:{h(64)}.",
        f"Set listen_addresses to 192.168.{r.randrange(256)}.{r.randrange(1, 255)} or 10.{r.randrange(256)}.0.{r.randrange(1, 255)}.",
        f"Documentation examples use 203.0.113.{r.randrange(256)}, 198.51.100.{r.randrange(256)} and 2001:db8::{h(3)}.",
        "Bind to 127.0.0.1 or ::1 for local access, fe80::1 on the link.",
        f"Run `curl -H 'X-Phone: {r.randrange(200, 999)}-{r.randrange(200, 999)}-{d(4)}' localhost`.",
        f"The order id {bad_card} is not a card.",
        f"Reference {group4(bad_iban)} has a bad check.",
        "password = <your password>",
        "Set password: changeme in the sample config.",
        "api_key = ${API_KEY}",
        "token = os.environ[\"TOKEN\"]",
        "secret_key = settings.SECRET_KEY",
        "postgres://user:password@localhost/mydb",
        "Use xoxb-your-bot-token here.",
        "The retina image is logo@2x.png and the scope is @types/node.",
        f"It took {d(3)} ms for {d(5)} rows at port {r.randrange(1024, 65535)}.",
        f"The OID 1.3.6.1.4.1.{d(4)} names the vendor.",
        f"pi is 3.{d(8)} and e is 2.{d(8)}.",
    ]


SUSPICIOUS = re.compile(r"@|://|\d+\.\d+\.\d+\.\d+|\d[\d .()/-]{5,}\d|password|passwd|token|secret|api.?key|BEGIN|[0-9a-fA-F]{1,4}:[0-9a-fA-F]{0,4}:|AKIA|<(EMAIL|IP|PHONE|CARD|IBAN|SECRET)>", re.I)


def paragraphs(paths, rng, limit):
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                for para in doc.get("text", "").split("\n\n"):
                    if 150 <= len(para) <= 1500 and not SUSPICIOUS.search(para) and "```" not in para:
                        out.append(para)
    rng.shuffle(out)
    return out[:limit]


def plant(para, sentence, rng):
    cuts = [m.end() for m in re.finditer(r"\. ", para)]
    at = rng.choice(cuts) if cuts else len(para)
    return para[:at] + ("" if at == len(para) else "") + sentence + " " + para[at:]


def cpu_children():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("out")
    ap.add_argument("docs", nargs="+")
    ap.add_argument("--records", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--python", default="python3")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    paras = paragraphs(a.docs, rng, a.records)
    kinds = ["email", "ip", "phone", "card", "iban", "secret"]
    records, truth = [], []
    for i, para in enumerate(paras):
        slot = i % 8
        if slot < 6:
            kind = kinds[slot]
            if kind == "ip":
                v = gen(rng.choice(["ipv4", "ipv6"]), rng)
                sentence = rng.choice(CONTEXTS["ip"]).format(v=v)
                sub = "ipv6" if ":" in v else "ipv4"
            elif kind == "secret":
                sub, v = gen("secret", rng)
                sentence = rng.choice(SECRET_CONTEXTS[sub]).format(v=v)
            else:
                v = gen(kind, rng)
                sub = kind
                sentence = rng.choice(CONTEXTS[kind]).format(v=v)
            truth.append({"kind": kind, "sub": sub, "value": v})
        else:
            sentence = rng.choice(hard_negatives(rng))
            truth.append({"kind": None, "sub": "negative", "value": sentence})
        records.append({"id": f"r{i}", "text": plant(para, sentence, rng)})
    planted = os.path.join(a.out, "planted.jsonl")
    with open(planted, "w") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "truth.jsonl"), "w") as f:
        for t in truth:
            f.write(json.dumps(t) + "\n")
    redacted = os.path.join(a.out, "redacted.jsonl")
    subprocess.run([a.bin, "redact", planted, "-o", redacted, "--jobs", "1", "--quiet"], check=True)
    outs = [json.loads(l)["text"] for l in open(redacted, encoding="utf-8")]
    assert len(outs) == len(records)
    tp = {k: 0 for k in kinds}; fn = {k: 0 for k in kinds}; fp = {k: 0 for k in kinds}
    misses, false_pos = [], []
    for rec, t, out in zip(records, truth, outs):
        masks = {k: out.count(MASK[k]) for k in kinds}
        if t["kind"]:
            k = t["kind"]
            if t["value"] not in out and masks[k] >= 1:
                tp[k] += 1; masks[k] -= 1
            else:
                fn[k] += 1; misses.append((t["sub"], t["value"]))
        for k in kinds:
            if masks[k] > 0:
                fp[k] += masks[k]; false_pos.append((k, t["sub"], rec["text"][:0] or t["value"][:80]))
    # datatrove in the same run
    dt_script = r'''
import json, sys, time
from datatrove.pipeline.formatters import PIIFormatter
f = PIIFormatter()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
out = [f.format(t) for t in texts]
json.dump(out, open(sys.argv[2], "w"))
'''
    dt_out_path = os.path.join(a.out, "datatrove.json")
    subprocess.run([a.python, "-c", dt_script, planted, dt_out_path], check=True)
    dt = json.load(open(dt_out_path))
    dt_tp = {"email": 0, "ip": 0}; dt_n = {"email": 0, "ip": 0}; dt_fp_records = 0
    for rec, t, out in zip(records, truth, dt):
        if t["kind"] in dt_tp:
            dt_n[t["kind"]] += 1
            if t["value"] not in out:
                dt_tp[t["kind"]] += 1
        elif out != rec["text"]:
            dt_fp_records += 1
    results = {"records": len(records), "per_kind": {}, "datatrove": {}}
    print(f"planted records: {len(records)} ({sum(1 for t in truth if t['kind'])} positives, {sum(1 for t in truth if not t['kind'])} hard negatives)")
    print(f"{'kind':8} {'TP':>5} {'FN':>5} {'FP':>5} {'precision':>9} {'recall':>7}")
    for k in kinds:
        p = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else 1.0
        rc = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else 1.0
        results["per_kind"][k] = {"tp": tp[k], "fn": fn[k], "fp": fp[k], "precision": round(p, 4), "recall": round(rc, 4)}
        print(f"{k:8} {tp[k]:5} {fn[k]:5} {fp[k]:5} {p:9.4f} {rc:7.4f}")
    for k in dt_tp:
        rc = dt_tp[k] / dt_n[k] if dt_n[k] else 1.0
        results["datatrove"][k] = {"recall": round(rc, 4)}
        ours = results["per_kind"][k]["recall"]
        print(f"datatrove PIIFormatter recall {k}: {rc:.4f} (dataprep {ours:.4f})")
    results["datatrove"]["changed_records_without_email_or_ip"] = dt_fp_records
    print(f"datatrove changed {dt_fp_records} records that held no planted email or IP")
    if misses:
        print("missed (first 15):", *[f"  {s}: {v[:70]!r}" for s, v in misses[:15]], sep="\n")
    if false_pos:
        print("false positives (first 15):", *[f"  {k} in {s}: {v!r}" for k, s, v in false_pos[:15]], sep="\n")
    # speed, one core, on the whole documents
    size = sum(os.path.getsize(p) for p in a.docs)
    cat = os.path.join(a.out, "speed-input.jsonl")
    with open(cat, "wb") as w:
        for p in a.docs:
            w.write(open(p, "rb").read())
    before = cpu_children(); t0 = time.time()
    subprocess.run([a.bin, "redact", cat, "-o", os.path.join(a.out, "speed-out.jsonl"), "--jobs", "1", "--quiet"], check=True)
    ours_cpu = cpu_children() - before; ours_wall = time.time() - t0
    speed_script = r'''
import json, sys, time, resource
from datatrove.pipeline.formatters import PIIFormatter
f = PIIFormatter()
for l in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(l); d["text"] = f.format(d.get("text", "")); json.dumps(d)
'''
    before = cpu_children()
    subprocess.run([a.python, "-c", speed_script, cat], check=True)
    dt_cpu = cpu_children() - before
    mb = size / 1e6
    print(f"speed on {mb:.1f} MB of documents, one core: dataprep redact (all kinds) {ours_cpu:.2f} s CPU = {mb / ours_cpu:.0f} MB/s "
          f"(wall {ours_wall:.2f} s); datatrove PIIFormatter (emails + IPv4 only) {dt_cpu:.2f} s CPU = {mb / dt_cpu:.1f} MB/s; ratio {dt_cpu / ours_cpu:.1f}x")
    results["speed"] = {"mb": round(mb, 1), "dataprep_cpu_s": round(ours_cpu, 3), "dataprep_mb_s": round(mb / ours_cpu, 1), "datatrove_cpu_s": round(dt_cpu, 3), "datatrove_mb_s": round(mb / dt_cpu, 1)}
    json.dump(results, open(os.path.join(a.out, "results.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
