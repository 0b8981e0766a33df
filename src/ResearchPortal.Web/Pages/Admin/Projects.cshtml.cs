using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>
/// 计划项目 of one plan year (Annex 1 lines): list (searched, sorted and paged in SQL); create, or edit with <c>&amp;id=</c>.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class ProjectsModel(PortalDbContext db, AuditLog audit) : ListPageModel
{
    private static readonly SortOrder<ProjectListItem> Sorting = new SortOrder<ProjectListItem>("number", row => row.Id)
        .By("number", row => row.ProjectNumber)
        .By("name", row => row.Name)
        .By("field", row => row.Field)
        .By("applicant", row => row.ApplicantName)
        .By("host", row => row.HostName);

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    /// <summary>The project being edited; null while creating.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public PagedList<ProjectListItem> Projects { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Id is not null)
        {
            if (await FindEditedAsync() is not { } project)
            {
                return NotFound();
            }

            Input = new ProjectInput
            {
                ProjectNumber = project.ProjectNumber,
                Name = project.Name,
                Field = project.Field,
                ApplicantOrganizationId = project.ApplicantOrganizationId,
                HostOrganizationId = project.HostOrganizationId,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var project = Id is null ? null : await FindEditedAsync();
        if (Id is not null && project is null)
        {
            return NotFound();
        }

        var number = Input.ProjectNumber?.Trim() ?? string.Empty;
        // The unique index would refuse it too, but as an exception; this puts the reason next to the field.
        if (await db.PlanProjects.AnyAsync(p => p.Year == Year && p.ProjectNumber == number && p.Id != Id))
        {
            ModelState.AddModelError("Input.ProjectNumber", $"项目编号“{number}”在 {Year} 年度已存在，请核对。");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (applicant, host) = (Input.ApplicantOrganizationId ?? Guid.Empty, Input.HostOrganizationId ?? Guid.Empty);
        Result result = project is null
            ? PlanProject.Create(Year, number, Input.Name ?? string.Empty, Input.Field ?? string.Empty, applicant, host)
                .Then(created => project = db.PlanProjects.Add(created).Entity)
            : project.Update(number, Input.Name ?? string.Empty, Input.Field ?? string.Empty, applicant, host);
        if (result.IsFailure)
        {
            ModelState.AddDomainErrors(result);
            return Page();
        }

        audit.Record(User.ToActor(), Id is null ? AuditActions.PlanProjectCreated : AuditActions.PlanProjectUpdated, AuditSubjects.Project(project!), project!.Id);
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"项目 {project.ProjectNumber} 已保存。";
        return RedirectToPage(new { Year, Id = (Guid?)null });
    }

    private Task<PlanProject?> FindEditedAsync() => db.PlanProjects.SingleOrDefaultAsync(p => p.Id == Id && p.Year == Year);

    private async Task<bool> LoadAsync()
    {
        if (!await db.PlanYears.AnyAsync(y => y.Year == Year))
        {
            return false;
        }

        Organizations = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.City).ThenBy(o => o.Name)
            .Select(o => new SelectListItem($"{o.Name}（{o.City}）", o.Id.ToString()))
            .ToListAsync();
        var rows = ProjectListQueries.Filter(db.ProjectListItems(), Year, city: null, status: null, today: default, SearchLower);
        Projects = await Sorting.Apply(rows, Sort).ToPagedListAsync(PageNumber);
        return true;
    }

    public sealed class ProjectInput
    {
        [Display(Name = "项目编号")]
        public string? ProjectNumber { get; set; }

        [Display(Name = "项目名称")]
        public string? Name { get; set; }

        [Display(Name = "专业领域")]
        public string? Field { get; set; }

        [Display(Name = "申报单位")]
        public Guid? ApplicantOrganizationId { get; set; }

        [Display(Name = "承办单位")]
        public Guid? HostOrganizationId { get; set; }
    }
}
