using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ControlPlane.Shared.Hosting;

/// <summary>
/// The options checks that run when the host starts (<c>ValidateOnStart</c>), with their failures
/// reported as a <see cref="MeshUsageException"/>: a bad setting is a usage error like a bad flag,
/// whichever service's options it belongs to.
/// </summary>
internal sealed class MeshStartupValidator(IStartupValidator inner) : IStartupValidator
{
    public void Validate()
    {
        try
        {
            inner.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new MeshUsageException(string.Join("; ", e.Failures));
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            throw new MeshUsageException(string.Join("; ", e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)));
        }
    }

    /// <summary>Wraps the validator the options system registered, if any.</summary>
    internal static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IStartupValidator) && d.ImplementationType is not null);
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        var type = registered.ImplementationType!;
        services.AddTransient<IStartupValidator>(sp => new MeshStartupValidator((IStartupValidator)ActivatorUtilities.CreateInstance(sp, type)));
    }
}
