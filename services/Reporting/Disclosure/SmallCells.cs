using Reintegration.Reporting.Indicators;

namespace Reintegration.Reporting.Disclosure;

/// <summary>
/// The primary rule for one kind of figure: a count (or a sum of people reached) from 1 to
/// threshold − 1 is small; a share or a mean is small when its numerator or its denominator is
/// below the threshold. A zero count is not small (it singles nobody out), nor is a share or mean
/// over nobody, which has no value to hide.
/// </summary>
public readonly record struct SmallCells(FigureKind Kind, int Threshold)
{
    public bool Hides(Figure figure) => Kind switch
    {
        FigureKind.Count or FigureKind.Sum => figure.Value is { } value && value >= 1 && value < Threshold,
        _ => figure.Value is not null && (figure.Numerator < Threshold || figure.Denominator < Threshold),
    };

    /// <summary>How many people or things a cell stands for: its value, or for a share or mean its denominator.</summary>
    public decimal Size(Figure figure) => Kind switch
    {
        FigureKind.Count or FigureKind.Sum => figure.Value ?? 0,
        _ => figure.Denominator ?? 0,
    };
}
