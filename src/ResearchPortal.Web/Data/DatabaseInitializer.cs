using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;
using ResearchPortal.Web.Data.Demo;
using ResearchPortal.Web.Data.IdNumbers;

namespace ResearchPortal.Web.Data;

/// <summary>Brings the database up to date at start-up: migrations, reference data (roles, the official
/// holiday calendars, the ID-number hash key) and, where asked for, the demo data.</summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    RoleManager<IdentityRole> roles,
    IdNumberProtection idNumberProtection,
    DemoDataSeeder demoData,
    IConfiguration configuration)
{
    /// <summary>Explicit true/false wins; unset means "only on the embedded SQLite default".</summary>
    public const string SeedDemoDataSetting = "Portal:SeedDemoData";

    public bool SeedsDemoData => configuration.GetValue<bool?>(SeedDemoDataSetting) ?? db is SqlitePortalDbContext;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await SeedRolesAsync();
        await SeedOfficialCalendarsAsync(cancellationToken);
        idNumberProtection.EnsureHashKey();
        if (SeedsDemoData)
        {
            await demoData.SeedAsync(cancellationToken);
        }
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>Adds the official years the database lacks; a year already there may have been edited by a reviewer
    /// and is left alone.</summary>
    private async Task SeedOfficialCalendarsAsync(CancellationToken cancellationToken)
    {
        var present = await db.HolidayCalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
        db.HolidayCalendarYears.AddRange(OfficialCalendars.All.Where(y => !present.Contains(y.Year)));
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public static class DatabaseInitializerExtensions
{
    public static async Task InitializePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }
}
