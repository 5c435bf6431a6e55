using ControlPlane.Mixer.RateLimit;
using Envoy.Service.Ratelimit.V3;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using EnvoyDescriptor = Envoy.Extensions.Common.Ratelimit.V3.RateLimitDescriptor;
using EnvoyUnit = Envoy.Type.V3.RateLimitUnit;
using ResponseUnit = Envoy.Service.Ratelimit.V3.RateLimitResponse.Types.RateLimit.Types.Unit;

namespace ControlPlane.Mixer.Api;

/// <summary>
/// <c>envoy.service.ratelimit.v3.RateLimitService</c>: translates the wire request into a
/// <see cref="RateLimitQuery"/> and the <see cref="RateLimitDecision"/> back. A request without a
/// domain, descriptors or entry keys is <c>INVALID_ARGUMENT</c>. Before the first config snapshot has
/// loaded the call fails with <c>UNAVAILABLE</c>, and Envoy applies its failure_mode_deny (allow by default).
/// </summary>
internal sealed class RateLimitApi(RateLimiter limiter) : RateLimitService.RateLimitServiceBase
{
    public override async Task<RateLimitResponse> ShouldRateLimit(RateLimitRequest request, ServerCallContext context)
    {
        if (!limiter.IsLoaded)
        {
            throw NotLoaded.Exception;
        }

        var query = ToQuery(request);
        var decision = await limiter.DecideAsync(query, context.CancellationToken);
        var response = new RateLimitResponse
        {
            OverallCode = decision.OverLimit ? RateLimitResponse.Types.Code.OverLimit : RateLimitResponse.Types.Code.Ok,
        };
        foreach (var status in decision.Statuses)
        {
            response.Statuses.Add(ToStatus(status));
        }

        return response;
    }

    private static RateLimitQuery ToQuery(RateLimitRequest request)
    {
        if (request.Domain.Length == 0)
        {
            throw Invalid("domain must not be empty");
        }

        if (request.Descriptors.Count == 0)
        {
            throw Invalid("descriptors must not be empty");
        }

        var descriptors = new QueryDescriptor[request.Descriptors.Count];
        for (var i = 0; i < descriptors.Length; i++)
        {
            descriptors[i] = ToDescriptor(request.Descriptors[i], i);
        }

        return new RateLimitQuery(request.Domain, descriptors, request.HitsAddend);
    }

    private static QueryDescriptor ToDescriptor(EnvoyDescriptor descriptor, int index)
    {
        if (descriptor.Entries.Count == 0)
        {
            throw Invalid($"descriptors[{index}].entries must not be empty");
        }

        var entries = new DescriptorEntry[descriptor.Entries.Count];
        for (var j = 0; j < entries.Length; j++)
        {
            var entry = descriptor.Entries[j];
            if (entry.Key.Length == 0)
            {
                throw Invalid($"descriptors[{index}].entries[{j}].key must not be empty");
            }

            entries[j] = new DescriptorEntry(entry.Key, entry.Value);
        }

        RateLimitRule? limitOverride = null;
        if (descriptor.Limit is { } limit)
        {
            var unit = limit.Unit switch
            {
                EnvoyUnit.Second => WindowUnit.Second,
                EnvoyUnit.Minute => WindowUnit.Minute,
                EnvoyUnit.Hour => WindowUnit.Hour,
                EnvoyUnit.Day => WindowUnit.Day,
                _ => throw Invalid($"descriptors[{index}].limit.unit {limit.Unit} is not supported (SECOND, MINUTE, HOUR, DAY)"),
            };
            limitOverride = new RateLimitRule("override", limit.RequestsPerUnit, unit, ShadowMode: false, Unlimited: false);
        }

        return new QueryDescriptor(entries, limitOverride);
    }

    private static RateLimitResponse.Types.DescriptorStatus ToStatus(DescriptorDecision decision)
    {
        var status = new RateLimitResponse.Types.DescriptorStatus
        {
            Code = decision.OverLimit ? RateLimitResponse.Types.Code.OverLimit : RateLimitResponse.Types.Code.Ok,
        };
        if (decision.Rule is { } rule)
        {
            status.CurrentLimit = new RateLimitResponse.Types.RateLimit
            {
                Name = rule.Name,
                RequestsPerUnit = rule.RequestsPerUnit,
                Unit = rule.Unit switch
                {
                    WindowUnit.Second => ResponseUnit.Second,
                    WindowUnit.Minute => ResponseUnit.Minute,
                    WindowUnit.Hour => ResponseUnit.Hour,
                    _ => ResponseUnit.Day,
                },
            };
            status.LimitRemaining = decision.Remaining;
            status.DurationUntilReset = Duration.FromTimeSpan(decision.ResetAfter);
        }

        return status;
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
