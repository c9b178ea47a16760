"""Fallback load generator for turn-bench.sh when wrk is not installed:
threads with keep-alive connections posting the same turns as turn-bench.lua.
Slower than wrk (the client is then the bottleneck); prints the same RESULT line."""
import argparse, http.client, threading, time

MESSAGES = [
    "What is the status of order #12345?", "hello there", "When are you open on Saturday?",
    "I would like to return my jacket and get a refund", "thanks a lot, bye",
    "Where is my parcel? It should have arrived yesterday", "how do I reset my password", "order 12346 please",
]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + args.seconds

    def worker(index):
        connection = http.client.HTTPConnection("127.0.0.1", args.port)
        counter = index * 1000003
        while time.monotonic() < deadline:
            counter += 1
            conversation = counter % 5000
            body = '{"text": "%s", "customer_id": "C-100%d"}' % (MESSAGES[counter % len(MESSAGES)], 1 + conversation % 3)
            start = time.monotonic()
            try:
                connection.request("POST", "/v1/conversations/bench-%d/messages" % conversation, body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
                connection = http.client.HTTPConnection("127.0.0.1", args.port)
            with lock:
                if ok: latencies.append(time.monotonic() - start)
                else: errors[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.connections)]
    for t in threads: t.start()
    for t in threads: t.join()
    duration = time.monotonic() - started
    latencies.sort()
    pick = lambda p: latencies[min(len(latencies) - 1, int(p * (len(latencies) - 1)))] if latencies else 0
    print("RESULT requests=%d errors=%d non2xx=0 duration_us=%d p50_us=%d p99_us=%d" % (
        len(latencies), errors[0], duration * 1e6, pick(0.5) * 1e6, pick(0.99) * 1e6))

main()
