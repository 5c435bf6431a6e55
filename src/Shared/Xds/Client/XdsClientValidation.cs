namespace ControlPlane.Shared.Xds.Client;

/// <summary>Runs the caller's validator; a validator that throws rejects the response with its message.</summary>
internal static class XdsClientValidation
{
    public static string? Run(XdsClientOptions options, XdsClientResponse response)
    {
        if (options.Validator is not { } validator)
        {
            return null;
        }

        try
        {
            return validator(response);
        }
#pragma warning disable CA1031 // Any validator failure is a rejection of the response, not a client crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"validator failed: {e.Message}";
        }
    }
}
