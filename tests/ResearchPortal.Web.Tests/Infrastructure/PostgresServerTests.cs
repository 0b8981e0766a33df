using Npgsql;
using Xunit.Abstractions;

namespace ResearchPortal.Web.Tests.Infrastructure;

public class PostgresServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_new_database_stores_and_returns_a_row()
    {
        var server = PostgresServer.Instance;
        output.WriteLine($"PostgreSQL {(server.IsOwnServer ? "started" : "external")} in {server.StartupTime.TotalMilliseconds:F0} ms");
        var connectionString = await server.CreateDatabaseAsync("smoke");
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();

            await using (var create = new NpgsqlCommand(
                "CREATE TABLE probe (id int PRIMARY KEY, name text NOT NULL)", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using (var insert = new NpgsqlCommand("INSERT INTO probe (id, name) VALUES (1, @name)", connection))
            {
                insert.Parameters.AddWithValue("name", "研修班 ✓");
                Assert.Equal(1, await insert.ExecuteNonQueryAsync());
            }

            await using var select = new NpgsqlCommand("SELECT name FROM probe WHERE id = 1", connection);
            Assert.Equal("研修班 ✓", await select.ExecuteScalarAsync());
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Each_call_gives_a_distinct_empty_database()
    {
        var server = PostgresServer.Instance;
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        try
        {
            Assert.NotEqual(
                new NpgsqlConnectionStringBuilder(first).Database,
                new NpgsqlConnectionStringBuilder(second).Database);

            await using var connection = new NpgsqlConnection(second);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }
        finally
        {
            await server.DropDatabaseAsync(first);
            await server.DropDatabaseAsync(second);
        }

        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(first).Database!);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }
}
