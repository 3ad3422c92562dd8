using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using InteropHub.Contracts.Adapters;
using Microsoft.Extensions.Configuration;

namespace InteropHub.Core.Configuration;

/// <summary>
/// Validates an options object and everything it holds (nested objects, list items, dictionary values) with data
/// annotations and <see cref="IValidatableOptions"/>, naming each broken setting by its full configuration path.
/// </summary>
internal static partial class OptionsGraphValidator
{
    public static IReadOnlyList<string> Validate(object options, string path)
    {
        var failures = new List<string>();
        ValidateObject(options, path, failures, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return failures;
    }

    private static void ValidateObject(object instance, string path, List<string> failures, HashSet<object> visited)
    {
        if (!visited.Add(instance))
        {
            return;
        }

        var properties = instance.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToList();
        foreach (var property in properties)
        {
            var propertyPath = Join(path, KeyOf(property));
            var value = property.GetValue(instance);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                var context = new ValidationContext(instance) { MemberName = property.Name, DisplayName = propertyPath };
                var result = attribute.GetValidationResult(value, context);
                if (result != ValidationResult.Success)
                {
                    failures.Add(Message(attribute, propertyPath, result));
                }
            }

            ValidateValue(value, propertyPath, failures, visited);
        }

        if (instance is IValidatableOptions validatable)
        {
            var keys = properties.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
            failures.AddRange(validatable.Validate().Select(message => QualifyPaths(message, path, keys)));
        }
    }

    private static void ValidateValue(object? value, string path, List<string> failures, HashSet<object> visited)
    {
        switch (value)
        {
            case null or string:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    ValidateValue(entry.Value, Join(path, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""), failures, visited);
                }

                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    ValidateValue(item, Join(path, index.ToString(CultureInfo.InvariantCulture)), failures, visited);
                    index++;
                }

                return;
        }

        // Only the application's own classes are option graphs; BCL types (Uri, TimeSpan, ...) and value types are leaves.
        var type = value.GetType();
        if (type.IsClass && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true)
        {
            ValidateObject(value, path, failures, visited);
        }
    }

    private static string Message(ValidationAttribute attribute, string path, ValidationResult? result)
    {
        var custom = attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null;
        return custom
            ? result?.ErrorMessage ?? $"{path} is invalid."
            : attribute switch
            {
                RequiredAttribute => $"{path} is required.",
                RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"{path} must be between {range.Minimum} and {range.Maximum}."),
                StringLengthAttribute length => string.Create(CultureInfo.InvariantCulture, $"{path} must be {length.MinimumLength} to {length.MaximumLength} characters long."),
                MinLengthAttribute min => string.Create(CultureInfo.InvariantCulture, $"{path} must have a length of at least {min.Length}."),
                MaxLengthAttribute max => string.Create(CultureInfo.InvariantCulture, $"{path} must have a length of at most {max.Length}."),
                RegularExpressionAttribute pattern => $"{path} must match the pattern {pattern.Pattern}.",
                UrlAttribute => $"{path} must be an absolute http, https or ftp URL.",
                _ => result?.ErrorMessage ?? $"{path} is invalid.",
            };
    }

    /// <summary>
    /// Turns setting paths relative to the validated object ("Resilience:AttemptTimeout") into full paths wherever they
    /// appear in the message; a message that does not start with one gets the object's path in front.
    /// </summary>
    private static string QualifyPaths(string message, string path, HashSet<string> keys)
    {
        var startsWithSetting = false;
        var qualified = RelativePath().Replace(message, match =>
        {
            if (!keys.Contains(match.Groups["first"].Value))
            {
                return match.Value;
            }

            startsWithSetting |= match.Index == 0;
            return Join(path, match.Value);
        });
        return startsWithSetting || path.Length == 0 ? qualified : $"{path}: {qualified}";
    }

    private static string KeyOf(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}:{key}";

    [GeneratedRegex(@"(?<![\w:])(?<first>[A-Za-z_]\w*)(?::\w+)*", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePath();
}
