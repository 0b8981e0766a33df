using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Infrastructure;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>Instances started together, or before PostgreSQL, come up with one set of reference data.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Three_instances_starting_together_on_an_empty_database_all_start()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("startup");
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PortalTestHost.StartPostgresAsync(connectionString)));
        try
        {
            await using var db = hosts[0].NewContext();
            Assert.Equal(PortalRoles.All.Count, await db.Roles.CountAsync());
            Assert.Equal(OfficialCalendars.All.Count, await db.HolidayCalendarYears.CountAsync());
            Assert.Equal(1, await db.PortalSecrets.CountAsync());
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            await PostgresServer.Instance.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task An_instance_started_before_the_database_waits_for_it()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("startup");
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        using var relay = new DelayedRelay(server.Host!, server.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = relay.Port, Pooling = false }.ConnectionString;
        try
        {
            var clock = Stopwatch.StartNew();
            var starting = PortalTestHost.StartPostgresAsync(throughRelay);
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(starting.IsCompleted, "started although the database was unreachable");

            relay.Open();
            await using var host = await starting.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2));
            await using var db = host.NewContext();
            Assert.Equal(PortalRoles.All.Count, await db.Roles.CountAsync());
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task An_unreachable_database_ends_start_up_after_the_configured_wait()
    {
        var closedPort = new NpgsqlConnectionStringBuilder(PostgresServer.Instance.AdminConnectionString)
        {
            Host = "127.0.0.1",
            Port = UnusedPort(),
            Database = "nowhere",
            Pooling = false,
        }.ConnectionString;

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PortalTestHost.StartPostgresAsync(closedPort, new() { [DatabaseInitializer.DatabaseWaitSetting] = "3" }));

        Assert.Contains(DatabaseInitializer.DatabaseWaitSetting, refusal.Message, StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A port that refuses connections until <see cref="Open"/>, then relays them to PostgreSQL.</summary>
    private sealed class DelayedRelay(string host, int port) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private TcpListener? _listener;

        public int Port { get; } = UnusedPort();

        public void Open()
        {
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Start();
            _ = AcceptAsync(_listener);
        }

        private async Task AcceptAsync(TcpListener listener)
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(_stop.Token);
                var upstream = new TcpClient();
                await upstream.ConnectAsync(host, port, _stop.Token);
                _ = PumpAsync(client.GetStream(), upstream.GetStream());
                _ = PumpAsync(upstream.GetStream(), client.GetStream());
            }
        }

        private async Task PumpAsync(Stream from, Stream to)
        {
            try
            {
                await from.CopyToAsync(to, _stop.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // One side closed.
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener?.Stop();
        }
    }
}
