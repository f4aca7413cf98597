#!/usr/bin/env python3
"""Time Python's httpx (AsyncClient) against bench-chat's test server: the peer of bench-chat.

Usage: scripts/bench-chat-peer.py BENCH_CHAT_BINARY [REQUESTS] [CONCURRENCY] [LATENCY_MS]

Starts `BENCH_CHAT_BINARY --serve LATENCY_MS`, sends REQUESTS distinct chat-completions requests
with at most CONCURRENCY in flight (asyncio semaphore, one AsyncClient, keep-alive), checks each
reply parses, and prints one JSON line like bench-chat's. Needs httpx (`pip install httpx`).
"""
import asyncio
import json
import subprocess
import sys
import time

import httpx


async def run(base, count, concurrency):
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        gate = asyncio.Semaphore(concurrency)

        async def one(i):
            body = {"model": "test", "messages": [
                {"role": "system", "content": "You write questions."},
                {"role": "user", "content": f"Write a question about chunk {i} of the benchmark corpus."}],
                "temperature": 0.0}
            async with gate:
                reply = await client.post("/chat/completions", json=body)
                reply.raise_for_status()
                return reply.json()["choices"][0]["message"]["content"]

        await one(-1)
        start = time.perf_counter()
        results = await asyncio.gather(*(one(i) for i in range(count)))
        return time.perf_counter() - start, len(results)


def main():
    binary = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 16
    latency_ms = float(sys.argv[4]) if len(sys.argv) > 4 else 50
    server = subprocess.Popen([binary, "--serve", str(latency_ms)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        base = server.stdout.readline().strip()
        seconds, done = asyncio.run(run(base, count, concurrency))
    finally:
        server.stdin.close()
        server.wait()
    ideal = count * latency_ms / 1000 / concurrency
    print(json.dumps({"peer": f"httpx {httpx.__version__} AsyncClient", "requests": done, "concurrency": concurrency,
                      "latency_ms": latency_ms, "seconds": round(seconds, 3), "ideal_seconds": round(ideal, 3),
                      "ratio_to_ideal": round(seconds / ideal, 2)}))


if __name__ == "__main__":
    main()
