using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;

namespace ResearchPortal.Web.Data;

/// <summary>
/// The working-day calendar as maintained in the database, for one request: loaded at most once, and taken from the
/// instance-wide <see cref="SharedCalendar"/> while that is fresh, so most requests run no query for it.
/// </summary>
public sealed class CalendarService(PortalDbContext db, SharedCalendar shared)
{
    private WorkingDayCalendar? _calendar;

    public async Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_calendar is not null)
        {
            return _calendar;
        }

        if (shared.Fresh() is { } cached)
        {
            return _calendar = cached;
        }

        var version = shared.Version;
        var loaded = new WorkingDayCalendar(await db.HolidayCalendarYears.AsNoTracking().ToListAsync(cancellationToken));
        shared.Offer(loaded, version);
        return _calendar = loaded;
    }

    /// <summary>Call after saving a change to the calendar: this instance reads it again at once (other instances
    /// within <see cref="SharedCalendar.MaxAge"/>).</summary>
    public void Changed()
    {
        _calendar = null;
        shared.Invalidate();
    }
}

/// <summary>
/// The last calendar loaded on this instance (a singleton). It is replaced after <see cref="MaxAge"/>, so a reviewer's
/// change saved on another instance shows here within that time; on the saving instance at once.
/// </summary>
public sealed class SharedCalendar(TimeProvider time)
{
    /// <summary>How stale another instance's view of a calendar change may be.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private WorkingDayCalendar? _calendar;
    private long _loadedAt;
    private long _version;

    /// <summary>Changes on every invalidation, so a load that began before a change cannot be stored after it.</summary>
    public long Version
    {
        get
        {
            lock (_lock)
            {
                return _version;
            }
        }
    }

    public WorkingDayCalendar? Fresh()
    {
        lock (_lock)
        {
            return _calendar is not null && time.GetElapsedTime(_loadedAt) < MaxAge ? _calendar : null;
        }
    }

    /// <summary>Keeps <paramref name="calendar"/> unless the calendar changed since its load began.</summary>
    public void Offer(WorkingDayCalendar calendar, long loadedAtVersion)
    {
        lock (_lock)
        {
            if (loadedAtVersion == _version)
            {
                (_calendar, _loadedAt) = (calendar, time.GetTimestamp());
            }
        }
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _calendar = null;
            _version++;
        }
    }
}
