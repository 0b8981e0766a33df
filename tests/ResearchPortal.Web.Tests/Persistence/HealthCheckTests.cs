using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Infrastructure;

namespace ResearchPortal.Web.Tests.Persistence;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task The_app_on_PostgreSQL_reports_healthy_live_and_ready_with_a_bounded_pool_and_one_plan_per_prepared_statement()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("healthz");
        var withoutPoolSize = new NpgsqlConnectionStringBuilder(connectionString);
        withoutPoolSize.Remove("Maximum Pool Size"); // as an operator's string usually is
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting($"ConnectionStrings:{DataServiceCollectionExtensions.PostgresConnectionName}", withoutPoolSize.ConnectionString);
                web.UseSetting("Portal:Today", TestData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            });
            using var client = factory.CreateClient();

            foreach (var address in new[] { "/healthz", "/healthz/ready", "/healthz/live" })
            {
                var response = await client.GetAsync(address);

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            }

            using var scope = factory.Services.CreateScope();
            var pooled = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetConnectionString());
            Assert.Equal(DataServiceCollectionExtensions.DefaultMaxPoolSize, pooled.MaxPoolSize);
            Assert.True(pooled.NoResetOnClose);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Equal("force_generic_plan", await db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync());
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(connectionString);
        }
    }
}
