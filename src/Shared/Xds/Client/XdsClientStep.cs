namespace ControlPlane.Shared.Xds.Client;

/// <summary>What handling one response produced: the ACK/NACK to send and what to tell listeners.</summary>
internal sealed record XdsClientStep<TRequest>(TRequest? Reply, XdsClientUpdate? Update, XdsClientRejection? Rejection)
    where TRequest : class;
