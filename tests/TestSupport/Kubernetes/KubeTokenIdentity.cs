namespace ControlPlane.TestSupport.Kubernetes;

/// <summary>Who a token belongs to, as a TokenReview answers it, and the audiences the token was issued for.</summary>
public sealed record KubeTokenIdentity(string Username, IReadOnlyList<string> Audiences, IReadOnlyList<string> Groups, string Uid)
{
    /// <summary>A projected service-account token: user <c>system:serviceaccount:NS:SA</c> with the groups the real server adds.</summary>
    public static KubeTokenIdentity ServiceAccount(string ns, string serviceAccount, params string[] audiences) => new(
        $"system:serviceaccount:{ns}:{serviceAccount}",
        audiences,
        ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"],
        Guid.NewGuid().ToString());
}
