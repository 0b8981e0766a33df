using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResearchPortal.Domain.Calendar;

namespace ResearchPortal.Web.Data.Configurations;

internal sealed class HolidayCalendarYearConfiguration : IEntityTypeConfiguration<HolidayCalendarYear>
{
    public void Configure(EntityTypeBuilder<HolidayCalendarYear> builder)
    {
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Notice).HasMaxLength(HolidayCalendarYear.NoticeMaxLength);
        builder.OwnsMany(y => y.Days, day =>
        {
            day.ToTable("HolidayCalendarDays");
            day.WithOwner().HasForeignKey(nameof(HolidayCalendarYear.Year));
            day.HasKey(nameof(HolidayCalendarYear.Year), nameof(CalendarDay.Date));
            day.Property(d => d.Name).HasMaxLength(HolidayCalendarYear.NameMaxLength);
        });
    }
}
