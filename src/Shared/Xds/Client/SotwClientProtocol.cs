using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;

namespace ControlPlane.Shared.Xds.Client;

/// <summary>State of the world on the client side: every request restates the full subscription.</summary>
internal sealed class SotwClientProtocol(XdsClientOptions options) : IXdsClientProtocol<DiscoveryRequest, DiscoveryResponse>
{
    private bool _nodeSent;

    public IReadOnlyList<DiscoveryRequest> Open(IEnumerable<XdsClientTypeState> types)
    {
        _nodeSent = false;
        var requests = new List<DiscoveryRequest>();
        foreach (var state in types)
        {
            state.LastNonce = string.Empty;
            state.OnWire = false;
            if (state.WantsAnything)
            {
                requests.Add(Request(state));
            }
        }

        return requests;
    }

    public DiscoveryRequest? SubscriptionChanged(XdsClientTypeState state) =>
        state.WantsAnything || state.OnWire ? Request(state) : null;

    public XdsClientStep<DiscoveryRequest> OnResponse(DiscoveryResponse response, Func<string, XdsClientTypeState?> types)
    {
        var state = types(response.TypeUrl);
        if (state is null)
        {
            return new(null, null, null);
        }

        state.LastNonce = response.Nonce;
        if (!state.Subscribed)
        {
            // Our unsubscribe may have carried a nonce the server already considered stale (it had
            // sent this response meanwhile) and been ignored: restate it with the latest nonce.
            return new(Request(state), null, null);
        }

        var resources = new List<XdsClientResource>(response.Resources.Count);
        string? error = null;
        foreach (var body in response.Resources)
        {
            var name = options.ResourceName(body);
            if (string.IsNullOrEmpty(name))
            {
                error = $"a {body.TypeUrl} resource in version {response.VersionInfo} has no name";
                break;
            }

            resources.Add(new XdsClientResource(name, response.VersionInfo, body));
        }

        error ??= resources.FirstOrDefault(r => r.Body.TypeUrl != response.TypeUrl) is { } wrong
            ? $"resource {wrong.Name} has type {wrong.Body.TypeUrl}, expected {response.TypeUrl}"
            : null;
        error ??= XdsClientValidation.Run(options, new XdsClientResponse(response.TypeUrl, response.VersionInfo, resources, []));
        if (error is not null)
        {
            // NACK: echo the nonce, keep the last accepted version (spec: ACK/NACK and version).
            var nack = Request(state);
            nack.ErrorDetail = new Google.Rpc.Status { Code = (int)Grpc.Core.StatusCode.InvalidArgument, Message = error };
            return new(nack, null, new XdsClientRejection(response.TypeUrl, response.VersionInfo, response.Nonce, error));
        }

        var accepted = resources.Where(r => state.Includes(r.Name)).ToList();
        var fullState = state.Wildcard || options.FullStateTypeUrls.Contains(response.TypeUrl);
        var acceptedNames = fullState ? accepted.Select(r => r.Name).ToHashSet(StringComparer.Ordinal) : null;
        var removals = acceptedNames is null ? [] : state.Resources.Keys.Where(n => !acceptedNames.Contains(n)).ToList();
        var update = state.Apply(response.VersionInfo, accepted, removals);
        return new(Request(state), update, null);
    }

    private DiscoveryRequest Request(XdsClientTypeState state)
    {
        var request = new DiscoveryRequest
        {
            TypeUrl = state.TypeUrl,
            VersionInfo = state.AcceptedVersion,
            ResponseNonce = state.LastNonce,
        };
        if (state.Subscribed)
        {
            if (state.Wildcard)
            {
                request.ResourceNames.Add(XdsSubscription.WildcardName);
            }

            request.ResourceNames.Add(state.Names.Order(StringComparer.Ordinal));
        }

        state.OnWire |= request.ResourceNames.Count > 0;
        if (!_nodeSent)
        {
            request.Node = options.Node;
            _nodeSent = true;
        }

        return request;
    }
}
