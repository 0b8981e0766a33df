using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>审计日志: newest first (or oldest, by the time column), filtered by project number and/or user name, paged.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class AuditModel(PortalDbContext db) : ListPageModel
{
    private static readonly SortOrder<AuditRow> Sorting = new SortOrder<AuditRow>("-at", row => row.Id).By("at", row => row.At);

    [BindProperty(SupportsGet = true)]
    public string? Project { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    public PagedList<AuditRow> Entries { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Project))
        {
            // A number is unique only within a year, so it may match a project in several years.
            var number = Project.Trim();
            var projectIds = db.PlanProjects.Where(p => p.ProjectNumber == number).Select(p => (Guid?)p.Id);
            entries = entries.Where(e => projectIds.Contains(e.PlanProjectId));
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var name = UserName.Trim();
            entries = entries.Where(e => e.UserName.Contains(name));
        }

        var rows =
            from entry in entries
            join project in db.PlanProjects on entry.PlanProjectId equals project.Id into projects
            from project in projects.DefaultIfEmpty()
            select new AuditRow
            {
                Id = entry.Id,
                At = entry.At,
                UserName = entry.UserName,
                Action = entry.Action,
                ProjectNumber = project == null ? null : project.ProjectNumber,
                Subject = entry.Subject,
                Details = entry.Details,
            };
        Entries = await Sorting.Apply(rows, Sort).ToPagedListAsync(PageNumber);
    }

    public sealed class AuditRow
    {
        public Guid Id { get; init; }

        public DateTimeOffset At { get; init; }

        public string UserName { get; init; } = string.Empty;

        public string Action { get; init; } = string.Empty;

        public string? ProjectNumber { get; init; }

        public string Subject { get; init; } = string.Empty;

        public string? Details { get; init; }
    }
}
