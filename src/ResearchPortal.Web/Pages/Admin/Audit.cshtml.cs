using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Authorization;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>审计日志: newest first, filtered by project number and/or user name, <see cref="PageSize"/> per page.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class AuditModel(PortalDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Project { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

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

        TotalCount = await entries.CountAsync();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await (
            from entry in entries
            join project in db.PlanProjects on entry.PlanProjectId equals project.Id into projects
            from project in projects.DefaultIfEmpty()
            orderby entry.At descending
            select new AuditRow(entry.At, entry.UserName, entry.Action, project == null ? null : project.ProjectNumber, entry.Subject, entry.Details))
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync();
    }

    public sealed record AuditRow(DateTimeOffset At, string UserName, string Action, string? ProjectNumber, string Subject, string? Details);
}
