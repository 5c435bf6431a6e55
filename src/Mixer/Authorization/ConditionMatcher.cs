using System.Net;

namespace ControlPlane.Mixer.Authorization;

/// <summary>
/// One <c>when</c> condition: the key picks an attribute of the request, compiled once into a reader,
/// and the values (ORed) and notValues must match it. IP keys take CIDR values.
/// </summary>
internal abstract class ConditionMatcher
{
    public abstract bool Matches(CheckAttributes request);

    public static ConditionMatcher ForText(Func<CheckAttributes, string?> read, ValueMatcher values) => new Text(read, values);

    public static ConditionMatcher ForList(Func<CheckAttributes, IReadOnlyList<string>> read, ValueMatcher values) => new List(read, values);

    public static ConditionMatcher ForIp(Func<CheckAttributes, IPAddress?> read, IpMatcher values) => new Ip(read, values);

    public static ConditionMatcher ForPort(ValueMatcher values) => new Text(r => r.DestinationPortText, values);

    private sealed class Text(Func<CheckAttributes, string?> read, ValueMatcher values) : ConditionMatcher
    {
        public override bool Matches(CheckAttributes request) => values.Matches(read(request));
    }

    private sealed class List(Func<CheckAttributes, IReadOnlyList<string>> read, ValueMatcher values) : ConditionMatcher
    {
        public override bool Matches(CheckAttributes request)
        {
            var candidates = read(request);
            return candidates.Count > 0 && values.MatchesAny(candidates);
        }
    }

    private sealed class Ip(Func<CheckAttributes, IPAddress?> read, IpMatcher values) : ConditionMatcher
    {
        public override bool Matches(CheckAttributes request) => read(request) is { } address && values.Matches(address);
    }
}
