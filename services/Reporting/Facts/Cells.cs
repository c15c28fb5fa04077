namespace Reintegration.Reporting.Facts;

/// <summary>
/// One kept count: an indicator's figure for one period of one grain, in one region (or
/// <see cref="Contributions.AllRegions"/>), for its total (dimension and key empty) or one key of
/// one dimension of its breakdown.
/// </summary>
public readonly record struct CellKey(string Indicator, Grain Grain, DateOnly Period, string Region, string Dimension, string Key);

/// <summary>
/// What a cell holds: a count or sum in <see cref="N"/>; for a share or a mean also the
/// denominator in <see cref="D"/> (then <see cref="N"/> is the numerator or the sum).
/// </summary>
public readonly record struct CellValue(decimal N, long D)
{
    public bool IsZero => N == 0 && D == 0;

    public static CellValue operator +(CellValue a, CellValue b) => new(a.N + b.N, a.D + b.D);

    public static CellValue operator -(CellValue a, CellValue b) => new(a.N - b.N, a.D - b.D);
}

/// <summary>
/// A person's presence on one day in one region for a distinct-person indicator, with the keys
/// (<c>dimension=key</c>) they count under: what an exact count over an arbitrary window reads.
/// </summary>
public readonly record struct HitKey(string Indicator, Guid Person, DateOnly Day, string Region);

/// <summary>One pseudonymous row of a fact, as the BI views show it: its columns as a JSON object.</summary>
public readonly record struct RowKey(string Fact, string Key);
