#!/usr/bin/env node
// A real xDS-enabled gRPC server (@grpc/grpc-js-xds XdsServer, gRPC A36) for the end-to-end tests.
//
// Usage: GRPC_XDS_BOOTSTRAP=bootstrap.json GRPC_XDS_EXPERIMENTAL_RBAC=true node xds_server.js IP:PORT
// The server asks the control plane for the listener xds.istio.io/grpc/lds/inbound/IP:PORT (the
// bootstrap's server_listener_resource_name_template) and serves only once it has it, with the
// security (XdsServerCredentials: TLS from the bootstrap's certificate providers, plaintext as
// fallback) and RBAC that listener carries. It prints {"serving": PORT} once serving.
// /e2e.Echo/Hello answers HelloReply { string version = 1 } with the caller's identity: the URI SAN
// of its client certificate, "tls-anonymous" for TLS without one, "plaintext" otherwise.
'use strict';

const grpc = require('@grpc/grpc-js');
const xds = require('@grpc/grpc-js-xds');

// Registers the xDS HTTP filters (router, RBAC, fault) the server's listener names.
xds.register();

const address = process.argv[2];
if (!address) {
  console.error('usage: xds_server.js IP:PORT');
  process.exit(2);
}

const identity = (b) => b;

function encodeVersion(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from([0x0a, bytes.length]), bytes]);
}

function peerIdentity(call) {
  const auth = call.getAuthContext();
  if (auth.transportSecurityType === undefined) return 'plaintext';
  const san = auth.sslPeerCertificate && auth.sslPeerCertificate.subjectaltname;
  const uri = (san || '').split(', ').find((entry) => entry.startsWith('URI:'));
  return uri ? uri.substring(4) : 'tls-anonymous';
}

const server = new xds.XdsServer();
server.addService(
  { Hello: { path: '/e2e.Echo/Hello', requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity } },
  { Hello: (call, callback) => callback(null, encodeVersion(peerIdentity(call))) });
server.bindAsync(address, new xds.XdsServerCredentials(grpc.ServerCredentials.createInsecure()), (error, port) => {
  if (error) {
    console.error(`error: cannot serve on ${address}: ${error.message}`);
    process.exit(1);
  }
  process.stdout.write(JSON.stringify({ serving: port }) + '\n');
});

process.stdin.resume();
process.stdin.on('end', () => server.tryShutdown(() => process.exit(0)));
