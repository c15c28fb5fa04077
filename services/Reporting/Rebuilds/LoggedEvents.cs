using System.Runtime.CompilerServices;
using JasperFx.Events;

namespace Reintegration.Reporting.Rebuilds;

/// <summary>
/// Events as read back from the log: what <c>new Event&lt;T&gt;(data)</c> makes, without the
/// random id its constructor draws (<c>Guid.NewGuid</c>, about a microsecond here) only for the
/// reader to overwrite it with the stored one, millions of times in a rebuild. The constructor
/// sets the data, a new id and the default tenant; everything else is left at its default, as
/// here (a unit test compares the two, so a new JasperFx that sets more fails it).
/// </summary>
public static class LoggedEvents
{
    private static readonly string DefaultTenant = new Event<object>(new object()).TenantId;

    public static Event<T> Of<T>(T data) where T : notnull
    {
        var e = (Event<T>)RuntimeHelpers.GetUninitializedObject(typeof(Event<T>));
        e.Data = data;
        e.TenantId = DefaultTenant;
        return e;
    }
}
