using System.Globalization;

namespace ResearchPortal.Web.Infrastructure;

/// <summary>
/// The portal's notion of "now" and "today" in China Standard Time (UTC+8, no daylight saving).
/// Reads the injected <see cref="TimeProvider"/> so tests and demos can pin the date.
/// </summary>
public sealed class PortalClock(TimeProvider timeProvider)
{
    public static readonly TimeSpan ChinaOffset = Domain.Common.ChineseDate.ChinaOffset;

    public DateTimeOffset Now => timeProvider.GetUtcNow().ToOffset(ChinaOffset);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}

/// <summary>
/// A clock standing on a fixed calendar day (setting <c>Portal:Today</c>) while the time of day still moves,
/// so records made during a demo keep their order.
/// </summary>
public sealed class PinnedDateTimeProvider(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var real = System.GetUtcNow().ToOffset(PortalClock.ChinaOffset);
        var pinned = new DateTimeOffset(today.ToDateTime(TimeOnly.FromTimeSpan(real.TimeOfDay)), PortalClock.ChinaOffset);
        return pinned.ToUniversalTime();
    }

    public static TimeProvider FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var pinned = configuration["Portal:Today"];
        if (string.IsNullOrWhiteSpace(pinned))
        {
            return System;
        }

        if (environment.IsProduction())
        {
            // A pinned day in production would date every filing, deadline and certificate wrongly.
            throw new InvalidOperationException("启动被拒绝：生产环境不能设置 Portal:Today（仅用于演示和测试）。");
        }

        if (!DateOnly.TryParseExact(pinned, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today))
        {
            throw new InvalidOperationException($"设置 Portal:Today 的值“{pinned}”不是 yyyy-MM-dd 格式的日期。");
        }

        return new PinnedDateTimeProvider(today);
    }
}
