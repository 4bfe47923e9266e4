using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegressionRender.Core.Config;

/// <summary>
/// Walks a parsed config against the config record types before deserialising, so that an unknown key or a
/// value of the wrong type is reported with its JSON path, the expected type and a "did you mean" hint —
/// messages System.Text.Json alone does not give.
/// </summary>
internal static class ConfigShapeChecker
{
    /// <summary>Longest string in a config (a title, a label, a path): text is laid out on a frame, not a page.</summary>
    public const int MaxTextLength = 1000;

    public static void Check(JsonElement element, string source) => CheckValue(element, typeof(SceneConfig), "$", source, allowNull: false);

    private static void CheckValue(JsonElement element, Type type, string path, string source, bool allowNull, bool oneOrMany = false)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (!allowNull)
            {
                throw Error(source, path, $"must not be null; expected {Describe(type)}");
            }
            return;
        }
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(double))
        {
            Expect(element.ValueKind == JsonValueKind.Number, source, path, "a number", element);
        }
        else if (underlying == typeof(int))
        {
            Expect(element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out _), source, path, "a whole number", element);
        }
        else if (underlying == typeof(bool))
        {
            Expect(element.ValueKind is JsonValueKind.True or JsonValueKind.False, source, path, "true or false", element);
        }
        else if (underlying == typeof(string))
        {
            Expect(element.ValueKind == JsonValueKind.String, source, path, "a string", element);
            var length = element.GetString()!.Length;
            if (length > MaxTextLength)
            {
                throw Error(source, path, $"is {length:N0} characters long, over the limit of {MaxTextLength:N0}");
            }
        }
        else if (underlying == typeof(PacingSpec))
        {
            CheckPacing(element, path, source);
        }
        else if (underlying.IsEnum)
        {
            Expect(element.ValueKind == JsonValueKind.String, source, path, $"one of {EnumNames(underlying)}", element);
            var text = element.GetString()!;
            var names = EnumValues(underlying);
            if (!names.Contains(text))
            {
                throw Error(source, path, $"'{InvalidInputException.Excerpt(text)}' is not valid; expected one of {EnumNames(underlying)}{NameSuggester.Hint(text, names)}");
            }
        }
        else if (ElementType(underlying) is { } itemType)
        {
            if (oneOrMany && element.ValueKind == JsonValueKind.Object)
            {
                CheckValue(element, itemType, path, source, allowNull: false);
                return;
            }
            Expect(element.ValueKind == JsonValueKind.Array, source, path, oneOrMany ? "an object or an array of objects" : $"an array of {Describe(itemType)}", element);
            var index = 0;
            var problems = new List<InvalidInputException>();
            foreach (var item in element.EnumerateArray())
            {
                Collect(problems, () => CheckValue(item, itemType, $"{path}[{index}]", source, allowNull: false));
                index++;
            }
            ThrowAll(problems);
        }
        else
        {
            CheckObject(element, underlying, path, source);
        }
    }

    private static void CheckPacing(JsonElement element, string path, string source)
    {
        var modes = PacingSpec.Modes;
        var valid = string.Join(", ", modes.Select(m => $"'{m}'"));
        if (element.ValueKind == JsonValueKind.String)
        {
            var mode = element.GetString()!;
            if (!modes.Contains(mode))
            {
                throw Error(source, path, $"unknown pacing '{InvalidInputException.Excerpt(mode)}'{NameSuggester.Hint(mode, modes)}; valid: {valid}, or a blend such as {{ \"visual\": 0.7, \"log\": 0.3 }}");
            }
            return;
        }
        Expect(element.ValueKind == JsonValueKind.Object, source, path, $"a pacing mode ({valid}) or an object of weights", element);
        var total = 0.0;
        foreach (var member in element.EnumerateObject())
        {
            if (!modes.Contains(member.Name))
            {
                throw Error(source, $"{path}.{member.Name}", $"unknown pacing '{member.Name}'{NameSuggester.Hint(member.Name, modes)}; valid: {valid}");
            }
            Expect(member.Value.ValueKind == JsonValueKind.Number && member.Value.GetDouble() >= 0, source, $"{path}.{member.Name}", "a weight ≥ 0", member.Value);
            total += member.Value.GetDouble();
        }
        if (!(total > 0))
        {
            throw Error(source, path, "a pacing blend needs at least one weight above 0");
        }
    }

    private static void CheckObject(JsonElement element, Type type, string path, string source)
    {
        Expect(element.ValueKind == JsonValueKind.Object, source, path, "an object", element);
        // The reader's own (generated) metadata: JSON names, types, nullability and converters as it reads them.
        var properties = SceneLoader.JsonOptions.GetTypeInfo(type).Properties
            .Where(p => p.Set is not null)
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Each member is checked on its own: a config with three typos reports all three at once.
        var problems = new List<InvalidInputException>();
        foreach (var member in element.EnumerateObject())
        {
            Collect(problems, () =>
            {
                var memberPath = $"{path}.{InvalidInputException.Excerpt(member.Name)}";
                if (!properties.TryGetValue(member.Name, out var property))
                {
                    throw Error(source, memberPath, $"unknown key '{InvalidInputException.Excerpt(member.Name)}'{NameSuggester.Hint(member.Name, properties.Keys)}");
                }
                if (!seen.Add(member.Name))
                {
                    // JSON readers differ on a repeated key (the last wins here, the first elsewhere): refuse the doubt.
                    throw Error(source, memberPath, $"'{member.Name}' is given twice in this object; keep one");
                }
                var oneOrMany = property.CustomConverter?.GetType() is { IsGenericType: true } converter && converter.GetGenericTypeDefinition() == typeof(OneOrManyConverter<>);
                CheckValue(member.Value, property.PropertyType, memberPath, source, property.IsSetNullable, oneOrMany);
            });
        }
        ThrowAll(problems);
    }

    /// <summary>Runs one independent check, keeping what it finds instead of stopping at it.</summary>
    private static void Collect(List<InvalidInputException> problems, Action check)
    {
        try
        {
            check();
        }
        catch (InvalidInputException problem)
        {
            problems.Add(problem);
        }
    }

    private static void ThrowAll(List<InvalidInputException> problems)
    {
        if (problems.Count > 0)
        {
            throw InvalidInputException.Combine(problems);
        }
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;
    }

    private static void Expect(bool condition, string source, string path, string expected, JsonElement element)
    {
        if (!condition)
        {
            throw Error(source, path, $"expected {expected}, got {Shown(element)}");
        }
    }

    private static string Shown(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{InvalidInputException.Excerpt(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(double))
        {
            return "a number";
        }
        if (underlying == typeof(int))
        {
            return "a whole number";
        }
        if (underlying == typeof(string))
        {
            return "a string";
        }
        if (underlying == typeof(bool))
        {
            return "true or false";
        }
        return ElementType(underlying) is { } item ? $"an array of {Describe(item)}" : "an object";
    }

    public static IReadOnlyList<string> EnumValues(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName)];

    private static string EnumNames(Type enumType) => string.Join(", ", EnumValues(enumType).Select(n => $"'{n}'"));

    private static InvalidInputException Error(string source, string path, string message) => new($"{source}: {path}", message);
}
