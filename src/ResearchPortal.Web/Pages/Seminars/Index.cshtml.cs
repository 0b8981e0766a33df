using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Seminars;

/// <summary>
/// The province-wide notice (举办通知): approved seminars still open for enrollment — the projects whose status is
/// 报名中, decided in SQL — searched, filtered by city, sorted and paged; seats counted for the page's rows only.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db, PortalClock clock) : ListPageModel
{
    private static readonly SortOrder<OpenSeminar> Sorting = new SortOrder<OpenSeminar>("start", row => row.ProjectId)
        .By("start", row => row.StartDate, row => row.ProjectNumber)
        .By("number", row => row.ProjectNumber)
        .By("name", row => row.Name)
        .By("host", row => row.HostCity, row => row.HostName);

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public PagedList<OpenSeminar> Seminars { get; private set; } = null!;

    public ListFilterOptions Options { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var search = SearchLower;
        var rows =
            from row in db.ProjectListItems().WhereStatus(ProjectStatus.EnrollmentOpen, clock.Today)
            join filing in db.Filings.AsNoTracking() on row.Id equals filing.PlanProjectId
            where City == null || City == string.Empty || row.HostCity == City
            where search == null || row.ProjectNumber.ToLower().Contains(search) || row.Name.ToLower().Contains(search)
                || row.HostName.ToLower().Contains(search) || (filing.Venue != null && filing.Venue!.ToLower().Contains(search))
            select new OpenSeminar
            {
                ProjectId = row.Id,
                ProjectNumber = row.ProjectNumber,
                Name = row.Name,
                HostName = row.HostName,
                HostCity = row.HostCity,
                StartDate = row.StartDate!.Value,
                EndDate = row.EndDate!.Value,
                Venue = filing.Venue,
                TotalHours = filing.TotalHours,
                PlannedTraineeCount = filing.PlannedTraineeCount,
                HasNotice = filing.Notice != null,
                AcceptedCount = db.EnrollmentReceipts.Count(r => r.PlanProjectId == row.Id && r.Status == ReceiptStatus.Accepted),
            };

        Seminars = await Sorting.Apply(rows, Sort).ToPagedListAsync(PageNumber);
        Options = await ListFilterOptions.LoadAsync(db);
    }

    /// <summary>An open seminar as the public list shows it.</summary>
    public sealed class OpenSeminar
    {
        public Guid ProjectId { get; init; }

        public string ProjectNumber { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string HostName { get; init; } = string.Empty;

        public string HostCity { get; init; } = string.Empty;

        public DateOnly StartDate { get; init; }

        public DateOnly EndDate { get; init; }

        public string? Venue { get; init; }

        public decimal TotalHours { get; init; }

        public int? PlannedTraineeCount { get; init; }

        public bool HasNotice { get; init; }

        public int AcceptedCount { get; init; }

        public int SeatsLeft => Seats.Left(PlannedTraineeCount, AcceptedCount);
    }
}
