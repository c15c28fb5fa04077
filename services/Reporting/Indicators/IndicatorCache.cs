using System.Collections.Concurrent;
using Marten;
using Reintegration.Reporting.Rebuilds;

namespace Reintegration.Reporting.Indicators;

/// <summary>
/// While the read models behind the indicators have not moved, the last answer to the same
/// question still holds: a dashboard refreshing every few seconds costs one small progress query
/// instead of the indicators' statements. The position is read before computing, so a cached
/// answer is never older than the position it is kept under. It keeps the exact figures:
/// disclosure control is applied to every answer, cached or not. A rebuild swapping a read
/// model's tables in moves the position too.
/// </summary>
public sealed class IndicatorCache(RebuildLedger rebuilds)
{
    private const int MaxQuestions = 256;
    private readonly ConcurrentDictionary<IndicatorFilter, (string Position, ExactIndicators Report)> _answers = new();

    public async Task<ExactIndicators> GetAsync(IDocumentStore store, IndicatorFilter filter, Func<Task<ExactIndicators>> compute, CancellationToken cancellationToken)
    {
        var position = await PositionAsync(store, cancellationToken);
        if (_answers.TryGetValue(filter, out var cached) && cached.Position == position) return cached.Report;

        var report = await compute();
        if (_answers.Count >= MaxQuestions) _answers.Clear();
        _answers[filter] = (position, report);
        return report;
    }

    private async Task<string> PositionAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var rebuilt = await rebuilds.LastCompletedAsync(cancellationToken);
        return string.Join(";", progress
            .OrderBy(p => p.ShardName, StringComparer.Ordinal)
            .Select(p => $"{p.ShardName}={p.Sequence}")) + $";rebuilt={rebuilt:O}";
    }
}

/// <summary>The indicators as computed at <paramref name="AsOf"/>, before disclosure control.</summary>
public sealed record ExactIndicators(DateTimeOffset AsOf, IReadOnlyList<IndicatorFigures> Figures);
