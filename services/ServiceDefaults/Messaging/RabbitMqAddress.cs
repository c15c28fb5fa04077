using Microsoft.Extensions.Configuration;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>The broker address from <c>ConnectionStrings:RabbitMq</c>, an AMQP URI with credentials and virtual host.</summary>
public sealed record RabbitMqAddress(Uri Uri)
{
    public string Host => Uri.Host;
    public ushort Port => Uri.IsDefaultPort || Uri.Port <= 0 ? (ushort)5672 : (ushort)Uri.Port;
    public string VirtualHost => Uri.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(Uri.AbsolutePath.TrimStart('/'));
    public string UserName => Uri.UnescapeDataString(Uri.UserInfo.Split(':', 2)[0]) is { Length: > 0 } user ? user : "guest";
    public string Password => Uri.UserInfo.Split(':', 2) is [_, var password] ? Uri.UnescapeDataString(password) : "guest";

    public static RabbitMqAddress From(IConfiguration configuration) =>
        new(new Uri(configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("Set ConnectionStrings__RabbitMq to the broker's AMQP URI, e.g. amqp://guest:guest@127.0.0.1:5672/")));
}
