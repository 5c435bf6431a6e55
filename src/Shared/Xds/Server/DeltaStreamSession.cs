using Envoy.Service.Discovery.V3;

namespace ControlPlane.Shared.Xds.Server;

/// <summary>
/// Incremental xDS: responses carry only changed resources and the names removed.
/// https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol#incremental-xds
/// </summary>
internal sealed class DeltaStreamSession(XdsStreamSessionDeps deps, long streamId, string peer)
    : XdsStreamSession<DeltaDiscoveryRequest, DeltaDiscoveryResponse>(deps, streamId, peer, XdsProtocol.Delta)
{
    private readonly Dictionary<string, DeltaTypeState> _types = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, DeltaTypeState> Types => _types;

    public override IReadOnlyList<DeltaDiscoveryResponse> OnRequest(DeltaDiscoveryRequest request)
    {
        var context = EnsureContext(request.Node, request.TypeUrl);
        var typeUrl = request.TypeUrl;
        if (!_types.TryGetValue(typeUrl, out var state))
        {
            state = _types[typeUrl] = new DeltaTypeState();
        }

        var first = !state.Requested;
        state.Requested = true;
        if (first)
        {
            // On reconnect the client says what it already has, so only differences are sent.
            foreach (var (name, version) in request.InitialResourceVersions)
            {
                state.ClientVersions[name] = version;
            }
        }

        if (request.ResponseNonce.Length > 0)
        {
            ResolveAck(context, typeUrl, state, request);
        }

        // Subscription changes are honoured whatever the nonce: in delta each request carries
        // only its own changes, so ignoring one would lose it.
        var newNames = new List<string>();
        var changed = first;
        if (first && request.ResourceNamesSubscribe.Count == 0)
        {
            state.Subscribe(XdsSubscription.WildcardName);
        }

        foreach (var name in request.ResourceNamesSubscribe)
        {
            if (state.Subscribe(name))
            {
                changed = true;
                if (name != XdsSubscription.WildcardName)
                {
                    newNames.Add(name);
                }
            }
        }

        foreach (var name in request.ResourceNamesUnsubscribe)
        {
            changed |= state.Unsubscribe(name);
        }

        // The client forgets what it unsubscribed from; no removal is sent for those.
        var subscription = state.Subscription;
        if (changed)
        {
            Deps.Observer.SubscriptionChanged(context, typeUrl, subscription);
        }

        foreach (var name in state.ClientVersions.Keys.Where(n => !subscription.Includes(n)).ToList())
        {
            state.ClientVersions.Remove(name);
        }

        return changed ? Respond(context, typeUrl, state, newNames, force: first) : [];
    }

    public override IReadOnlyList<DeltaDiscoveryResponse> OnChange(IReadOnlyList<string> typeUrls)
    {
        if (Context is null)
        {
            return [];
        }

        var responses = new List<DeltaDiscoveryResponse>();
        foreach (var typeUrl in typeUrls)
        {
            if (_types.TryGetValue(typeUrl, out var state) && state.Requested)
            {
                responses.AddRange(Respond(Context, typeUrl, state, [], force: false));
            }
        }

        return responses;
    }

    private void ResolveAck(XdsStreamContext context, string typeUrl, DeltaTypeState state, DeltaDiscoveryRequest request)
    {
        var version = state.ResolvePending(request.ResponseNonce);
        if (version is null)
        {
            XdsServerLog.StaleNonce(Logger, context.NodeId, typeUrl, request.ResponseNonce, null);
        }
        else if (request.ErrorDetail is { } error)
        {
            Deps.Observer.Nacked(context, typeUrl, version, request.ResponseNonce, error.Message);
            XdsServerLog.Nacked(Logger, context.NodeId, typeUrl, version, error.Message);
        }
        else
        {
            Deps.Observer.Acked(context, typeUrl, version, request.ResponseNonce);
        }
    }

    private IReadOnlyList<DeltaDiscoveryResponse> Respond(
        XdsStreamContext context, string typeUrl, DeltaTypeState state, IReadOnlyList<string> newNames, bool force)
    {
        var subscription = state.Subscription;
        if (subscription.IsEmpty && !force && state.ClientVersions.Count == 0)
        {
            return [];
        }

        if (Deps.Provider.GetResources(context, typeUrl, subscription) is not { } set)
        {
            return [];
        }

        var updated = set.Resources.Values
            .Where(r => subscription.Includes(r.Name)
                && (!state.ClientVersions.TryGetValue(r.Name, out var held) || held != r.Version))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        // Names the client holds that no longer exist, and newly subscribed names that do not exist:
        // both are reported in removed_resources.
        // https://www.envoyproxy.io/docs/envoy/latest/api-docs/xds_protocol#knowing-when-a-requested-resource-does-not-exist
        var removed = state.ClientVersions.Keys
            .Where(n => !set.Resources.ContainsKey(n))
            .Concat(newNames.Where(n => !set.Resources.ContainsKey(n) && !state.ClientVersions.ContainsKey(n)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        if (!force && state.Answered && updated.Count == 0 && removed.Count == 0)
        {
            return [];
        }

        var response = new DeltaDiscoveryResponse
        {
            SystemVersionInfo = set.Version,
            TypeUrl = typeUrl,
            Nonce = NextNonce(),
            ControlPlane = Deps.ControlPlane,
        };
        foreach (var resource in updated)
        {
            response.Resources.Add(resource.DeltaResource);
            state.ClientVersions[resource.Name] = resource.Version;
        }

        foreach (var name in removed)
        {
            response.RemovedResources.Add(name);
            state.ClientVersions.Remove(name);
        }

        state.Answered = true;
        state.AddPending(response.Nonce, set.Version);
        Deps.Observer.ResponseSent(context, new XdsSentResponse(typeUrl, set.Version, response.Nonce, set, updated.Count));
        return [response];
    }
}
