using System.ComponentModel.DataAnnotations;

namespace ResearchPortal.Web.Data;

/// <summary>Settings under <c>Portal:</c> for bringing the database up at start-up; checked before it is touched.</summary>
public sealed class DatabaseStartupOptions
{
    public const string Section = "Portal";

    /// <summary>How long start-up (and the <c>migrate</c> command) waits for an unreachable database.</summary>
    [Range(0, 3600, ErrorMessage = "设置 Portal:DatabaseWaitSeconds 须是 0–3600 之间的秒数。")]
    public int DatabaseWaitSeconds { get; set; } = 60;

    /// <summary>False: start-up leaves the schema and reference data alone; the <see cref="MigrateCommand"/> (a one-shot
    /// job before the instances start) brings them up to date instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
