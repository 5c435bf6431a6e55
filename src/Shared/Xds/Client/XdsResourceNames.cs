using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace ControlPlane.Shared.Xds.Client;

/// <summary>Default naming of SotW resources: see <see cref="XdsClientOptions.ResourceName"/>.</summary>
public static class XdsResourceNames
{
    private const uint NameTag = (1 << 3) | (uint)WireFormat.WireType.LengthDelimited;

    /// <summary>The resource's name, or null when its body has no string field 1.</summary>
    public static string? FromBody(Any body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.TypeUrl == XdsTypeUrls.Resource)
        {
            return Resource.Parser.ParseFrom(body.Value).Name;
        }

        var input = body.Value.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == NameTag)
            {
                return input.ReadString();
            }

            input.SkipLastField();
        }

        return null;
    }
}
