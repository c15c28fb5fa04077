using Reintegration.Reporting.Facts;

namespace Reintegration.Reporting.Indicators;

/// <summary>A read model's indicators and the tables they are answered from.</summary>
public interface IIndicatorSource
{
    ReadModelTables Tables { get; }

    IReadOnlyList<IndicatorDefinition> Definitions { get; }
}
