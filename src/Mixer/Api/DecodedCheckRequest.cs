using ControlPlane.Mixer.Authorization;

namespace ControlPlane.Mixer.Api;

/// <summary>
/// A CheckRequest as Check's request marshaller leaves it: the attributes a decision reads, or why
/// the request could not be read (then the check fails closed with that reason).
/// </summary>
internal sealed class DecodedCheckRequest
{
    private DecodedCheckRequest(CheckAttributes? attributes, string? problem)
    {
        Attributes = attributes;
        Problem = problem;
    }

    public CheckAttributes? Attributes { get; }

    public string? Problem { get; }

    public static DecodedCheckRequest Read(ReadOnlySpan<byte> message)
    {
        try
        {
            return new DecodedCheckRequest(CheckRequestReader.Read(message), null);
        }
        catch (MalformedCheckRequestException e)
        {
            return new DecodedCheckRequest(null, e.Message);
        }
    }
}
