using System.Globalization;
using InteropHub.Contracts.Errors;
using InteropHub.Host.Problems;

namespace InteropHub.Host.Apis;

/// <summary>
/// Dates in query and path parameters lie between <see cref="Earliest"/> and <see cref="Latest"/>: no municipal record
/// is dated outside, and beyond them a day's bounds in Europe/Rome cannot even be represented. Outside, 400
/// validation-failed naming the parameter.
/// </summary>
internal static class DateParameters
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);
    private static readonly string Range = string.Create(CultureInfo.InvariantCulture, $"from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}");

    public static TBuilder CheckDateParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var dates = factory.MethodInfo.GetParameters()
                .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) == typeof(DateOnly))
                .Select(p => (p.Name, p.Position))
                .ToArray();
            return dates.Length == 0 ? next : context =>
            {
                foreach (var (name, position) in dates)
                {
                    if (context.Arguments[position] is DateOnly date && (date < Earliest || date > Latest))
                    {
                        return ValueTask.FromResult<object?>(Problem.Result(400, ErrorCodes.ValidationFailed, "Date out of range",
                            $"{name} must be a date {Range}."));
                    }
                }

                return next(context);
            };
        });
}
