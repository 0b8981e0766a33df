using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>Production refuses settings it must not run without (the key-ring certificate) or with (a pinned day).</summary>
public sealed class ProductionSettingsTests
{
    [Fact]
    public void Production_refuses_to_start_without_a_key_ring_certificate()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });

        var refusal = Assert.Throws<InvalidOperationException>(() => builder.Services.AddPortalData(builder.Configuration, builder.Environment));

        Assert.Contains("DataProtection:CertificatePath", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_a_pinned_today()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:Today"] = "2024-09-20" });

        var refusal = Assert.Throws<InvalidOperationException>(() => PinnedDateTimeProvider.FromConfiguration(builder.Configuration, builder.Environment));

        Assert.Contains("Portal:Today", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_starts_with_a_configured_certificate()
    {
        var folder = Directory.CreateTempSubdirectory("rp-keyring-").FullName;
        try
        {
            var path = Path.Combine(folder, "keyring.pfx");
            TestKeyRing.WritePfx(path, "secret-pass");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = path,
                ["DataProtection:CertificatePassword"] = "secret-pass",
            });

            builder.Services.AddPortalData(builder.Configuration, builder.Environment);

            Assert.False(Directory.Exists(Path.Combine(folder, DataServiceCollectionExtensions.SqliteFolderName, KeyRingProtection.GeneratedFolder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
