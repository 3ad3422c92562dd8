using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace InteropHub.Host.Problems;

/// <summary>
/// What went wrong in a JSON document, in the API's words: the JSON path and what was expected there (worked out
/// from the target type's contract), never the .NET type names System.Text.Json puts in its messages.
/// </summary>
internal static partial class JsonProblems
{
    /// <summary>The path (<c>$</c>, <c>$.debtor.name</c>, <c>$.installments[1].amount</c>) and the sentence for it.</summary>
    public static (string Path, string Text) Describe(JsonException json, Type? target, JsonSerializerOptions options)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var segments = Segments(path);
        if (UnmappedMember().Match(json.Message) is { Success: true } unmapped)
        {
            var members = Members(TypeAt(target, segments[..^1], options), options);
            return (path, members is null
                ? $"'{unmapped.Groups["name"].Value}' is not a member of this object."
                : $"'{unmapped.Groups["name"].Value}' is not a member of this object; its members are {members}.");
        }

        if (DuplicateMember().Match(json.Message) is { Success: true } duplicate)
        {
            return (path, $"the member '{duplicate.Groups["name"].Value}' appears more than once.");
        }

        if (json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return (path, TypeAt(target, segments, options) is { } expected ? $"expected {Expected(expected, options)}." : "the value has the wrong type.");
        }

        if (json.InnerException is JsonException reader && !json.Message.Contains(".NET", StringComparison.Ordinal))
        {
            // The reader's own message speaks JSON (tokens, commas, depth); drop its position suffix and option advice.
            var text = reader.Message;
            var cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
            text = (cut > 0 ? text[..cut] : text).Replace(" Change the reader options.", "", StringComparison.Ordinal).Trim();
            var where = json.LineNumber is { } line && json.BytePositionInLine is { } position ? $" (line {line + 1}, byte {position + 1})" : "";
            return (path, $"not valid JSON{where}: {text}");
        }

        return (path, "not what this operation expects here.");
    }

    /// <summary>A parameter or member type as the API speaks of it: "an integer", "a date as YYYY-MM-DD", "an array".</summary>
    public static string Expected(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type == typeof(char))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(DateOnly))
        {
            return "a date as YYYY-MM-DD";
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "a date-time as in RFC 3339, e.g. 2026-01-31T10:00:00+01:00";
        }

        if (type == typeof(Guid))
        {
            return "a UUID";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n)));
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "an integer",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            _ => Info(type, options)?.Kind switch
            {
                JsonTypeInfoKind.Enumerable => "an array",
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
                _ => "a value of another kind",
            },
        };
    }

    /// <summary>The type found at <paramref name="segments"/> below <paramref name="target"/>, or null when the path leaves the contract.</summary>
    private static Type? TypeAt(Type? target, string[] segments, JsonSerializerOptions options)
    {
        var type = target;
        foreach (var segment in segments)
        {
            if (type is null || Info(type, options) is not { } info)
            {
                return null;
            }

            type = segment.StartsWith('[')
                ? info.ElementType
                : info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }

        return type;
    }

    private static string? Members(Type? type, JsonSerializerOptions options) =>
        type is not null && Info(type, options) is { Kind: JsonTypeInfoKind.Object, Properties.Count: > 0 } info
            ? string.Join(", ", info.Properties.Select(p => p.Name))
            : null;

    private static JsonTypeInfo? Info(Type type, JsonSerializerOptions options)
    {
        try
        {
            return options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary><c>$.a['b c'][2].d</c> → <c>a</c>, <c>b c</c>, <c>[2]</c>, <c>d</c>.</summary>
    private static string[] Segments(string path) =>
        [.. PathSegment().Matches(path).Select(m => m.Groups["index"].Success ? "[" + m.Groups["index"].Value + "]" : m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["name"].Value)];

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"^Duplicate property '(?<name>.*)' encountered", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateMember();
}
