namespace Reintegration.ServiceDefaults.Reading;

/// <summary>One page of a paged read: <c>{items, page, pageSize, hasMore}</c> (no total: counting every match costs more than the page).</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasMore);

/// <summary>
/// The <c>page</c> (from 1) and <c>pageSize</c> query parameters every paged read takes. A page
/// fetches one row more than it shows, to tell whether another follows.
/// </summary>
public readonly record struct PageRequest(int Number, int Size)
{
    public const int DefaultSize = 20;
    public const int DefaultMaxSize = 100;

    /// <summary>The request, its errors added to <paramref name="invalid"/> (field → messages) when out of range.</summary>
    public static PageRequest Read(int? page, int? pageSize, IDictionary<string, string[]> invalid, int defaultSize = DefaultSize, int maxSize = DefaultMaxSize)
    {
        var request = new PageRequest(page ?? 1, pageSize ?? defaultSize);
        if (request.Number < 1) invalid["page"] = ["must be 1 or more"];
        if (request.Size < 1 || request.Size > maxSize) invalid["pageSize"] = [$"must be 1 to {maxSize}"];
        return request;
    }

    public int Skip => (Number - 1) * Size;

    /// <summary>The rows to fetch: the page and one more.</summary>
    public int Take => Size + 1;

    /// <summary>The page from rows fetched with <see cref="Skip"/> and <see cref="Take"/>.</summary>
    public PageOf<T> Of<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> item) =>
        new(rows.Take(Size).Select(item).ToList(), Number, Size, rows.Count > Size);

    public PageOf<T> Of<T>(IReadOnlyList<T> rows) => Of(rows, r => r);

    /// <summary>The page of a sequence already in memory.</summary>
    public PageOf<T> Slice<T>(IEnumerable<T> all) => Of(all.Skip(Skip).Take(Take).ToList());
}
