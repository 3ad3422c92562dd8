using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InteropHub.Core.Configuration;

public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates it when the host starts with a
    /// <see cref="ConfigurationPathValidator{TOptions}"/>, so a wrong setting stops the host with a message naming it.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfigurationSection section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(
            new ConfigurationPathValidator<TOptions>(section.Path, Options.DefaultName)));
        return services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
    }
}
