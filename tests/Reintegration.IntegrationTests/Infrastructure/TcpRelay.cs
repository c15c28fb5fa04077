using System.Net;
using System.Net.Sockets;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a real server (PostgreSQL, RabbitMQ), so a test can cut
/// one service off from it and reconnect it, while every other test keeps the shared server.
/// <see cref="Cut"/> closes the listener and every relayed connection; <see cref="Restore"/>
/// listens again on the same port.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();

    public TcpRelay(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener, _cut.Token);
    }

    public int Port { get; }

    public bool IsCut => _listener is null;

    /// <summary>As if the server went away: nothing answers on the port, open connections drop.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _cut.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var connection in _connections) connection.Dispose();
            _connections.Clear();
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            _cut = new CancellationTokenSource();
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _ = AcceptAsync(_listener, _cut.Token);
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cut)
    {
        while (!cut.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cut);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound, cut);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken cut)
    {
        var outbound = new TcpClient();
        lock (_gate)
        {
            if (cut.IsCancellationRequested)
            {
                inbound.Dispose();
                return;
            }

            _connections.Add(inbound);
            _connections.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(_target, cut);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), cut);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), cut);
            await Task.WhenAny(up, down);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The relay was cut or one side hung up: both sides close below.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
            lock (_gate)
            {
                _connections.Remove(inbound);
                _connections.Remove(outbound);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
