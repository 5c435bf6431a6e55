using Envoy.Service.Discovery.V3;

namespace ControlPlane.Shared.Xds.Client;

/// <summary>Delta on the client side: requests carry subscription differences; reconnects send what is held.</summary>
internal sealed class DeltaClientProtocol(XdsClientOptions options) : IXdsClientProtocol<DeltaDiscoveryRequest, DeltaDiscoveryResponse>
{
    private bool _nodeSent;

    public IReadOnlyList<DeltaDiscoveryRequest> Open(IEnumerable<XdsClientTypeState> types)
    {
        _nodeSent = false;
        var requests = new List<DeltaDiscoveryRequest>();
        foreach (var state in types)
        {
            state.WireWildcard = false;
            state.WireNames.Clear();
            if (!state.WantsAnything)
            {
                continue;
            }

            var request = Diff(state);
            // What we hold, so the server sends only what changed while we were away.
            foreach (var resource in state.Resources.Values)
            {
                request.InitialResourceVersions[resource.Name] = resource.Version;
            }

            requests.Add(request);
        }

        return requests;
    }

    public DeltaDiscoveryRequest? SubscriptionChanged(XdsClientTypeState state)
    {
        var request = Diff(state);
        return request.ResourceNamesSubscribe.Count + request.ResourceNamesUnsubscribe.Count > 0 ? request : null;
    }

    public XdsClientStep<DeltaDiscoveryRequest> OnResponse(DeltaDiscoveryResponse response, Func<string, XdsClientTypeState?> types)
    {
        var state = types(response.TypeUrl);
        var reply = NewRequest(response.TypeUrl);
        reply.ResponseNonce = response.Nonce;
        if (state is null || !state.Subscribed)
        {
            return new(reply, null, null);
        }

        var resources = response.Resources.Select(r => new XdsClientResource(r.Name, r.Version, r.Resource_)).ToList();
        var removed = response.RemovedResources.Concat(response.RemovedResourceNames.Select(n => n.Name)).ToList();
        var error = resources.FirstOrDefault(r => string.IsNullOrEmpty(r.Name) || r.Body is null || r.Body.TypeUrl != response.TypeUrl) is { } bad
            ? $"resource '{bad.Name}' in version {response.SystemVersionInfo} has no name, no body or type {bad.Body?.TypeUrl}, expected {response.TypeUrl}"
            : XdsClientValidation.Run(options, new XdsClientResponse(response.TypeUrl, response.SystemVersionInfo, resources, removed));
        if (error is not null)
        {
            reply.ErrorDetail = new Google.Rpc.Status { Code = (int)Grpc.Core.StatusCode.InvalidArgument, Message = error };
            return new(reply, null, new XdsClientRejection(response.TypeUrl, response.SystemVersionInfo, response.Nonce, error));
        }

        var update = state.Apply(response.SystemVersionInfo, resources.Where(r => state.Includes(r.Name)), removed);
        return new(reply, update, null);
    }

    private DeltaDiscoveryRequest Diff(XdsClientTypeState state)
    {
        var request = NewRequest(state.TypeUrl);
        var wildcard = state.Subscribed && state.Wildcard;
        var names = state.Subscribed ? state.Names : [];
        if (wildcard && !state.WireWildcard)
        {
            request.ResourceNamesSubscribe.Add(XdsSubscription.WildcardName);
        }
        else if (!wildcard && state.WireWildcard)
        {
            request.ResourceNamesUnsubscribe.Add(XdsSubscription.WildcardName);
        }

        request.ResourceNamesSubscribe.Add(names.Where(n => !state.WireNames.Contains(n)).Order(StringComparer.Ordinal));
        request.ResourceNamesUnsubscribe.Add(state.WireNames.Where(n => !names.Contains(n)).Order(StringComparer.Ordinal));
        state.WireWildcard = wildcard;
        state.WireNames.Clear();
        state.WireNames.UnionWith(names);
        return request;
    }

    private DeltaDiscoveryRequest NewRequest(string typeUrl)
    {
        var request = new DeltaDiscoveryRequest { TypeUrl = typeUrl };
        if (!_nodeSent)
        {
            request.Node = options.Node;
            _nodeSent = true;
        }

        return request;
    }
}
