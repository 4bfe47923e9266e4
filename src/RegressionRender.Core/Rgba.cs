using System.Globalization;

namespace RegressionRender.Core;

/// <summary>A colour as written in configs: #RRGGBB, #RRGGBBAA or <c>transparent</c>.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A)
{
    /// <summary>What error messages suggest.</summary>
    public const string Forms = "write #RRGGBB, #RRGGBBAA or transparent";

    /// <summary>Parses #RRGGBB, #RRGGBBAA or <c>transparent</c>.</summary>
    public static bool TryParse(string text, out Rgba color)
    {
        color = default;
        if (text.Equals("transparent", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text.Length is not (7 or 9) || text[0] != '#'
            || !uint.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        if (text.Length == 7)
        {
            value = (value << 8) | 0xFF;
        }
        color = new Rgba((byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }

    /// <summary>Parses a colour that validation already accepted, or returns the fallback when absent.</summary>
    public static Rgba ParseOr(string? text, Rgba fallback) => text is not null && TryParse(text, out var c) ? c : fallback;
}
