using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Authorization;

namespace ResearchPortal.Web.Pages.Review;

/// <summary>结业材料审核: submitted close-outs, oldest submission first, with the facts recorded at submission as flags.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class CloseOutsModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = await (
            from closeOut in db.CloseOuts.AsNoTracking()
            where closeOut.Status == CloseOutStatus.Submitted
            join project in db.PlanProjects on closeOut.PlanProjectId equals project.Id
            join host in db.Organizations on project.HostOrganizationId equals host.Id
            select new QueueRow(closeOut, project.ProjectNumber, project.Name, host.Name))
            .ToListAsync();
        Rows = rows.OrderBy(row => row.CloseOut.SubmittedAt).ToList();
    }

    public sealed record QueueRow(CloseOut CloseOut, string ProjectNumber, string ProjectName, string HostName);
}
