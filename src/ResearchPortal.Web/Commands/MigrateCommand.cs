using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Commands;

/// <summary>
/// <c>dotnet ResearchPortal.Web.dll migrate</c>: applies the migrations and the reference data (roles, official holiday
/// calendars, the ID-number hash key) exactly as start-up does, then exits — for a deployment job that runs before
/// the instances start with <c>Portal:MigrateOnStartup=false</c>. Waits for the database like start-up.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>The process exit code: 0 when the database is up to date.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        try
        {
            await services.InitializePortalDatabaseAsync();
        }
        catch (Exception exception)
        {
            await error.WriteLineAsync($"数据库迁移失败：{exception.Message}");
            return 1;
        }

        await output.WriteLineAsync("数据库已迁移到最新版本，参考数据已就绪。");
        return 0;
    }
}
