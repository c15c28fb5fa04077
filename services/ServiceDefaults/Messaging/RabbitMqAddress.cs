using System.Security.Authentication;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;

namespace Reintegration.ServiceDefaults.Messaging;

/// <summary>
/// The broker address from <c>ConnectionStrings:RabbitMq</c>, an AMQP URI with credentials and
/// virtual host: <c>amqp://</c> (port 5672 by default) or <c>amqps://</c> (TLS, port 5671 by default).
/// </summary>
public sealed record RabbitMqAddress(Uri Uri)
{
    /// <summary><c>amqps://</c>: TLS to the broker, its certificate checked against <see cref="Host"/>.</summary>
    public bool UseTls => Uri.Scheme.Equals("amqps", StringComparison.OrdinalIgnoreCase);

    public string Host => Uri.Host;
    public ushort Port => Uri.IsDefaultPort || Uri.Port <= 0 ? UseTls ? (ushort)5671 : (ushort)5672 : (ushort)Uri.Port;
    public string VirtualHost => Uri.AbsolutePath is "" or "/" ? "/" : Uri.UnescapeDataString(Uri.AbsolutePath.TrimStart('/'));
    public string UserName => Uri.UnescapeDataString(Uri.UserInfo.Split(':', 2)[0]) is { Length: > 0 } user ? user : "guest";
    public string Password => Uri.UserInfo.Split(':', 2) is [_, var password] ? Uri.UnescapeDataString(password) : "guest";

    /// <summary>TLS 1.2 or 1.3 only.</summary>
    public static SslProtocols TlsProtocols => SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>The TLS settings of a RabbitMQ.Client connection to this address: on for <c>amqps://</c>, checked against <see cref="Host"/>.</summary>
    public SslOption Ssl => new(Host, enabled: UseTls) { Version = TlsProtocols };

    /// <summary>A RabbitMQ client connection factory for this address, for what MassTransit does not do itself.</summary>
    public ConnectionFactory ConnectionFactory(string clientName) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = UserName,
        Password = Password,
        Ssl = Ssl,
        ClientProvidedName = clientName,
    };

    public static RabbitMqAddress From(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("Set ConnectionStrings__RabbitMq to the broker's AMQP URI, e.g. amqp://guest:guest@127.0.0.1:5672/ (amqps:// for TLS)");
        // Anything else (http://, a bare host name) would silently connect without TLS, or not at all.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme.ToLowerInvariant() is not ("amqp" or "amqps"))
            throw new InvalidOperationException("ConnectionStrings__RabbitMq must be an amqp:// or amqps:// URI, e.g. amqps://user:password@rabbitmq.example.org/reintegration");
        return new RabbitMqAddress(uri);
    }
}
