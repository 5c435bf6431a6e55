#!/usr/bin/env node
// A real proxyless gRPC xDS client (@grpc/grpc-js-xds) for the end-to-end tests.
//
// Usage: GRPC_XDS_BOOTSTRAP=bootstrap.json node xds_client.js xds:///host:port
// Reads one JSON command per line on stdin and answers one JSON line on stdout, so one client
// (one xDS stream) lives across config changes:
//   {"count": 1000, "deadlineMs": 2000, "headers": {"end-user": "jason"}}
//   -> {"counts": {"v1": 800, "v3": 200}, "errors": {"UNAVAILABLE": 0}}
// The backend method is /e2e.Echo/Hello: empty request, reply field 1 (string) = version name.
// Every call has a deadline: this client waits until its deadline when the control plane is unreachable.
// With XDS_CLIENT_CREDENTIALS=xds it uses XdsChannelCredentials: the TLS the cluster's
// UpstreamTlsContext asks for, with certificates from the bootstrap's providers (gRPC A29), and
// plaintext where the cluster asks for none.
'use strict';

const grpc = require('@grpc/grpc-js');
const xds = require('@grpc/grpc-js-xds');
const readline = require('readline');

xds.register();

const target = process.argv[2];
if (!target) {
  console.error('usage: xds_client.js xds:///host:port');
  process.exit(2);
}

const credentials = process.env.XDS_CLIENT_CREDENTIALS === 'xds'
  ? new xds.XdsChannelCredentials(grpc.credentials.createInsecure())
  : grpc.credentials.createInsecure();
const client = new grpc.Client(target, credentials);
const identity = (b) => b;
const statusNames = Object.fromEntries(Object.entries(grpc.status).map(([k, v]) => [v, k]));

function decodeVersion(buffer) {
  // HelloReply { string version = 1; }: tag 0x0a, varint length (< 128 here), bytes.
  if (buffer.length < 2 || buffer[0] !== 0x0a) return '<empty>';
  return buffer.subarray(2, 2 + buffer[1]).toString('utf8');
}

function call(headers, deadlineMs) {
  return new Promise((resolve) => {
    const metadata = new grpc.Metadata();
    for (const [k, v] of Object.entries(headers || {})) metadata.set(k, v);
    const deadline = new Date(Date.now() + deadlineMs);
    client.makeUnaryRequest('/e2e.Echo/Hello', identity, identity, Buffer.alloc(0), metadata, { deadline }, (err, reply) => {
      if (err) resolve({ error: statusNames[err.code] || String(err.code) });
      else resolve({ version: decodeVersion(reply) });
    });
  });
}

async function run(command) {
  const counts = {};
  const errors = {};
  const parallel = Math.max(1, command.parallel || 20);
  let remaining = command.count || 1;
  async function worker() {
    while (remaining > 0) {
      remaining--;
      const result = await call(command.headers, command.deadlineMs || 2000);
      if (result.error) errors[result.error] = (errors[result.error] || 0) + 1;
      else counts[result.version] = (counts[result.version] || 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return { counts, errors };
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    const result = await run(JSON.parse(line));
    process.stdout.write(JSON.stringify(result) + '\n');
  });
});
lines.on('close', () => queue.then(() => { client.close(); process.exit(0); }));
