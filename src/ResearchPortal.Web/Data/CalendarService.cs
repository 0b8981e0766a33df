using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Calendar;

namespace ResearchPortal.Web.Data;

/// <summary>The working-day calendar as currently maintained in the database.</summary>
public sealed class CalendarService(PortalDbContext db)
{
    public async Task<WorkingDayCalendar> LoadAsync(CancellationToken cancellationToken = default) =>
        new(await db.HolidayCalendarYears.AsNoTracking().ToListAsync(cancellationToken));
}
