using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Infrastructure;

namespace ResearchPortal.Web.Tests.Persistence;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task The_app_on_PostgreSQL_reports_healthy()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("healthz");
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting($"ConnectionStrings:{DataServiceCollectionExtensions.PostgresConnectionName}", connectionString);
                web.UseSetting("Portal:Today", TestData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            });
            using var client = factory.CreateClient();

            var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await PostgresServer.Instance.DropDatabaseAsync(connectionString);
        }
    }
}
