namespace Reintegration.Reporting.Indicators;

/// <summary>How an indicator's cells combine across periods.</summary>
public enum Counting
{
    /// <summary>Things counted or summed: any window is a sum of the periods and days in it.</summary>
    Additive,

    /// <summary>Distinct people: kept exact per month, quarter and all time; another window is counted from the people's days.</summary>
    Distinct,
}

/// <summary>
/// An indicator as the catalogue defines it: its code, what kind of figure it is, how it counts
/// and the dimensions of its breakdown (<c>region</c> is read from the cells' region).
/// </summary>
public sealed record IndicatorDefinition(string Code, FigureKind Kind, Counting Counting, params string[] Dimensions)
{
    public const string Region = "region";

    /// <summary>For a distinct-person figure the people's days cannot answer (a share judged per person): its own exact query.</summary>
    public IExactWindowQuery? ExactWindow { get; init; }
}

/// <summary>
/// An exact query over a read model's rows for an arbitrary window. Its SQL takes the window and
/// region as <c>$1</c> (from, date or null), <c>$2</c> (to) and <c>$3</c> (region, text or null) and
/// answers rows of (indicator, dimension, key, n, d): the total with empty dimension and key.
/// </summary>
public interface IExactWindowQuery
{
    string Sql(Facts.ReadModelTables tables);

    /// <summary>The index the query reads by (created if missing at start-up), or null.</summary>
    string? Index(Facts.ReadModelTables tables);
}
