using System.Text.Json;
using ControlPlane.Shared.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Galley.Admission;

/// <summary>
/// <c>POST /validate</c> on the webhook port: an AdmissionReview in, an AdmissionReview out. A body
/// that is not an AdmissionReview is a 400 (415 when not JSON), as with Istio's webhook.
/// </summary>
internal static class AdmissionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IEndpointRouteBuilder MapValidatingWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/validate", HandleAsync).RequireMeshPort(MeshPort.Webhook);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, AdmissionReviewer reviewer, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AdmissionEndpoints).FullName!);
        if (!context.Request.HasJsonContentType())
        {
            AdmissionLog.BadReview(logger, $"content type {context.Request.ContentType}");
            return Results.Text("invalid Content-Type, want `application/json`", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        AdmissionReview? review;
        try
        {
            review = await JsonSerializer.DeserializeAsync<AdmissionReview>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException e)
        {
            AdmissionLog.BadReview(logger, e.Message);
            return Results.Text($"could not decode body: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (review?.Request is not { } request)
        {
            AdmissionLog.BadReview(logger, "no request");
            return Results.Text("could not decode body: the AdmissionReview has no request", statusCode: StatusCodes.Status400BadRequest);
        }

        var response = reviewer.Review(request);
        var kind = request.Kind?.Kind ?? "?";
        if (response.Allowed)
        {
            AdmissionLog.Allowed(logger, request.Operation ?? "?", kind, request.Namespace ?? string.Empty, request.Name ?? string.Empty, response.Uid);
        }
        else
        {
            AdmissionLog.Denied(logger, request.Operation ?? "?", kind, request.Namespace ?? string.Empty, request.Name ?? string.Empty, response.Uid, response.Status?.Message ?? string.Empty);
        }

        return Results.Json(new AdmissionReview(review.ApiVersion ?? AdmissionReview.V1, "AdmissionReview", Request: null, response), Json);
    }
}
