using System.Text;

namespace ControlPlane.Shared.Config;

/// <summary>
/// One problem found in config, by the loader, a validation rule or an analyzer. Printed as
/// <c>file:line:column: Kind namespace/name: field.path: message</c>, leaving out the parts
/// that are not known.
/// </summary>
/// <param name="Level">Error, Warning or Info.</param>
/// <param name="Message">What is wrong, in a sentence without the location.</param>
/// <param name="Position">Where in which file, when known.</param>
/// <param name="ObjectReference">The object as Istio names it: <c>VirtualService default/reviews</c>.</param>
/// <param name="FieldPath">The field inside the object: <c>spec.http[0].route[1].weight</c>.</param>
/// <param name="Code">A stable code (<c>IST0101</c>) for analyzer messages; null for schema and validation errors.</param>
public sealed record ConfigDiagnostic(
    DiagnosticLevel Level,
    string Message,
    SourcePosition? Position = null,
    string? ObjectReference = null,
    string? FieldPath = null,
    string? Code = null)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Position is not null)
        {
            text.Append(Position).Append(": ");
        }

        if (ObjectReference is not null)
        {
            text.Append(ObjectReference).Append(": ");
        }

        if (!string.IsNullOrEmpty(FieldPath))
        {
            text.Append(FieldPath).Append(": ");
        }

        return text.Append(Message).ToString();
    }
}
