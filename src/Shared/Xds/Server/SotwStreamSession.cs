using Envoy.Service.Discovery.V3;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// State of the world: every response of a type carries every subscribed resource of it.
/// https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol#ack-nack-and-resource-type-instance-version
/// </summary>
internal sealed class SotwStreamSession(XdsStreamSessionDeps deps, long streamId, string peer)
    : XdsStreamSession<DiscoveryRequest, DiscoveryResponse>(deps, streamId, peer, XdsProtocol.StateOfTheWorld)
{
    private readonly Dictionary<string, SotwTypeState> _types = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SotwTypeState> Types => _types;

    public override IReadOnlyList<DiscoveryResponse> OnRequest(DiscoveryRequest request)
    {
        var context = EnsureContext(request.Node, request.TypeUrl);
        var typeUrl = request.TypeUrl;
        if (!_types.TryGetValue(typeUrl, out var state))
        {
            state = _types[typeUrl] = new SotwTypeState();
        }

        if (request.ResponseNonce.Length > 0)
        {
            // A stale nonce means the client has not yet seen our latest response of this type; the
            // request (subscription included) is ignored, as the latest response will be answered.
            if (request.ResponseNonce != state.LastNonce)
            {
                XdsServerLog.StaleNonce(Logger, context.NodeId, typeUrl, request.ResponseNonce, state.LastNonce);
                return [];
            }

            if (request.ErrorDetail is { } error)
            {
                // NACK: recorded; the same version is not resent (LastSent stays the rejected one),
                // the client keeps its last good config, the next real change is pushed.
                Deps.Observer.Nacked(context, typeUrl, state.LastVersion ?? string.Empty, request.ResponseNonce, error.Message);
                XdsServerLog.Nacked(Logger, context.NodeId, typeUrl, state.LastVersion, error.Message);
            }
            else
            {
                Deps.Observer.Acked(context, typeUrl, request.VersionInfo, request.ResponseNonce);
            }
        }

        var first = !state.Requested;
        var changed = state.UpdateSubscription(request.ResourceNames);
        if (changed)
        {
            Deps.Observer.SubscriptionChanged(context, typeUrl, state.Subscription);
        }
        return first || changed ? Respond(context, typeUrl, state, force: true) : [];
    }

    public override IReadOnlyList<DiscoveryResponse> OnChange(IReadOnlyList<string> typeUrls)
    {
        if (Context is null)
        {
            return [];
        }

        var responses = new List<DiscoveryResponse>();
        foreach (var typeUrl in typeUrls)
        {
            if (_types.TryGetValue(typeUrl, out var state) && state.Requested)
            {
                responses.AddRange(Respond(Context, typeUrl, state, force: false));
            }
        }

        return responses;
    }

    private IReadOnlyList<DiscoveryResponse> Respond(XdsStreamContext context, string typeUrl, SotwTypeState state, bool force)
    {
        var subscription = state.Subscription;
        if (subscription.IsEmpty && !force)
        {
            return [];
        }

        if (Deps.Provider.GetResources(context, typeUrl, subscription) is not { } set)
        {
            return [];
        }

        var selected = set.Resources.Values
            .Where(r => subscription.Includes(r.Name))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var sent = selected.Select(r => (r.Name, r.Version)).ToList();
        if (!force && state.LastSent is { } last && last.SequenceEqual(sent))
        {
            return [];
        }

        var response = new DiscoveryResponse
        {
            VersionInfo = set.Version,
            TypeUrl = typeUrl,
            Nonce = NextNonce(),
            ControlPlane = Deps.ControlPlane,
        };
        foreach (var resource in selected)
        {
            response.Resources.Add(resource.Body);
        }

        state.LastNonce = response.Nonce;
        state.LastVersion = set.Version;
        state.LastSent = sent;
        Deps.Observer.ResponseSent(context, new XdsSentResponse(typeUrl, set.Version, response.Nonce, set, selected.Count));
        return [response];
    }
}
