namespace RegressionRender.Core.Timing;

/// <summary>
/// Easing functions by name: the Penner set (each family with -in, -out and -in-out) plus smoothstep and
/// smootherstep. Each is pure with f(0) = 0 and f(1) = 1; back and elastic overshoot on purpose.
/// </summary>
public static class Easing
{
    private const double C1 = 1.70158;
    private const double C2 = C1 * 1.525;
    private const double C3 = C1 + 1;
    private const double C4 = 2 * Math.PI / 3;
    private const double C5 = 2 * Math.PI / 4.5;

    private static readonly Dictionary<string, Func<double, double>> Table = Build();

    /// <summary>Every valid name, in a stable order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Keys];

    /// <summary>Looks an easing up by name.</summary>
    public static bool TryGet(string name, out Func<double, double> easing) => Table.TryGetValue(name, out easing!);

    /// <summary>The easing called <paramref name="name"/>; the name must be valid.</summary>
    public static Func<double, double> Get(string name) => Table[name];

    private static Dictionary<string, Func<double, double>> Build()
    {
        var table = new Dictionary<string, Func<double, double>>(StringComparer.Ordinal) { ["linear"] = x => x };
        AddFamily(table, "sine", x => 1 - Math.Cos(x * Math.PI / 2));
        AddFamily(table, "quad", x => x * x);
        AddFamily(table, "cubic", x => x * x * x);
        AddFamily(table, "quart", x => x * x * x * x);
        AddFamily(table, "quint", x => x * x * x * x * x);
        AddFamily(table, "expo", x => x == 0 ? 0 : Math.Pow(2, (10 * x) - 10));
        AddFamily(table, "circ", x => 1 - Math.Sqrt(1 - (x * x)));
        AddFamily(table, "back", x => (C3 * x * x * x) - (C1 * x * x));
        table["back-in-out"] = x => x < 0.5
            ? Math.Pow(2 * x, 2) * (((C2 + 1) * 2 * x) - C2) / 2
            : ((Math.Pow((2 * x) - 2, 2) * (((C2 + 1) * ((x * 2) - 2)) + C2)) + 2) / 2;
        AddFamily(table, "elastic", x => x is 0 or 1 ? x : -Math.Pow(2, (10 * x) - 10) * Math.Sin(((x * 10) - 10.75) * C4));
        table["elastic-in-out"] = x => x is 0 or 1 ? x : x < 0.5
            ? -(Math.Pow(2, (20 * x) - 10) * Math.Sin(((20 * x) - 11.125) * C5)) / 2
            : (Math.Pow(2, (-20 * x) + 10) * Math.Sin(((20 * x) - 11.125) * C5) / 2) + 1;
        table["bounce-in"] = x => 1 - BounceOut(1 - x);
        table["bounce-out"] = BounceOut;
        table["bounce-in-out"] = x => x < 0.5 ? (1 - BounceOut(1 - (2 * x))) / 2 : (1 + BounceOut((2 * x) - 1)) / 2;
        table["smoothstep"] = x => x * x * (3 - (2 * x));
        table["smootherstep"] = x => x * x * x * ((x * ((x * 6) - 15)) + 10);
        return table;
    }

    /// <summary>Adds name-in, name-out (mirror) and name-in-out (two halves) from the -in curve.</summary>
    private static void AddFamily(Dictionary<string, Func<double, double>> table, string name, Func<double, double> easeIn)
    {
        table[$"{name}-in"] = easeIn;
        table[$"{name}-out"] = x => 1 - easeIn(1 - x);
        table[$"{name}-in-out"] = x => x < 0.5 ? easeIn(2 * x) / 2 : 1 - (easeIn(2 - (2 * x)) / 2);
    }

    private static double BounceOut(double x)
    {
        const double n1 = 7.5625;
        const double d1 = 2.75;
        if (x < 1 / d1)
        {
            return n1 * x * x;
        }
        if (x < 2 / d1)
        {
            x -= 1.5 / d1;
            return (n1 * x * x) + 0.75;
        }
        if (x < 2.5 / d1)
        {
            x -= 2.25 / d1;
            return (n1 * x * x) + 0.9375;
        }
        x -= 2.625 / d1;
        return (n1 * x * x) + 0.984375;
    }
}
