using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Data;

/// <summary>Both providers store instants in UTC and hand them back in China Standard Time, the offset
/// <see cref="PortalClock"/> uses, so pages show the same wall-clock time whichever database is behind them.</summary>
internal static class ChinaTimeConverters
{
    public sealed class ToUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        stored => stored.ToOffset(PortalClock.ChinaOffset));

    public sealed class ToUtcTicks() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        stored => new DateTimeOffset(stored, TimeSpan.Zero).ToOffset(PortalClock.ChinaOffset));
}
