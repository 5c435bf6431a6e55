#!/usr/bin/python3
"""A real proxyless gRPC xDS client (gRPC C-core via Debian's python3-grpcio) for the end-to-end tests.

Usage: GRPC_XDS_BOOTSTRAP=bootstrap.json /usr/bin/python3 xds_client.py xds:///host:port
Run with Debian's own /usr/bin/python3: it is the only interpreter that can import grpc here.
Reads one JSON command per line on stdin, answers one JSON line on stdout, so one client (one
xDS stream) lives across config changes:
  {"count": 1000, "deadlineMs": 2000, "headers": {"end-user": "jason"}}
  -> {"counts": {"v1": 800, "v3": 200}, "errors": {"UNAVAILABLE": 0}}
Calls /e2e.Echo/Hello with raw bytes (no generated stubs): empty request, reply field 1 = version.
"""
import json
import sys
from concurrent.futures import ThreadPoolExecutor

import grpc


def decode_version(reply):
    if len(reply) < 2 or reply[0] != 0x0A:
        return "<empty>"
    return reply[2:2 + reply[1]].decode("utf-8")


def main():
    if len(sys.argv) != 2:
        print("usage: xds_client.py xds:///host:port", file=sys.stderr)
        return 2
    channel = grpc.insecure_channel(sys.argv[1])
    hello = channel.unary_unary("/e2e.Echo/Hello", request_serializer=None, response_deserializer=None)

    def call(headers, deadline_s):
        try:
            return ("ok", decode_version(hello(b"", timeout=deadline_s, metadata=list(headers.items()))))
        except grpc.RpcError as error:
            return ("error", error.code().name)

    with ThreadPoolExecutor(max_workers=20) as pool:
        for line in sys.stdin:
            if not line.strip():
                continue
            command = json.loads(line)
            headers = command.get("headers") or {}
            deadline_s = (command.get("deadlineMs") or 2000) / 1000.0
            counts, errors = {}, {}
            for kind, value in pool.map(lambda _: call(headers, deadline_s), range(command.get("count") or 1)):
                bucket = counts if kind == "ok" else errors
                bucket[value] = bucket.get(value, 0) + 1
            sys.stdout.write(json.dumps({"counts": counts, "errors": errors}) + "\n")
            sys.stdout.flush()
    channel.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
