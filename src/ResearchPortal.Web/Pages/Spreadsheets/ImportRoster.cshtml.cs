using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Imports;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Spreadsheets;

/// <summary>/Spreadsheets/ImportRoster?projectId=: the host unit's organizer adds trainees from an Annex 4 spreadsheet.</summary>
[Authorize(Policy = PortalPolicies.Organizer)]
public sealed class ImportRosterModel(PortalDbContext db, ProjectAccess access, IdNumberLookup lookup, AuditLog audit, PortalClock clock)
    : PageModel
{
    public PlanProject Project { get; private set; } = null!;

    /// <summary>Its 学时总计 caps the hours; without a filing nothing can be imported.</summary>
    public Filing? Filing { get; private set; }

    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId) => await LoadAsync(projectId) ? Page() : NotFound();

    public IActionResult OnGetTemplate() => ImportTemplate.Download("学员名单导入模板.xlsx", RosterSheet.Columns);

    public async Task<IActionResult> OnPostAsync(Guid projectId, IFormFile? file)
    {
        if (!await LoadAsync(projectId))
        {
            return NotFound();
        }

        if (Filing is null)
        {
            return Page();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(nameof(file), "请选择要导入的 Excel 文件（.xlsx）。");
            return Page();
        }

        await using var content = file.OpenReadStream();
        Result = await new RosterImport(db, lookup, audit)
            .ImportAsync(Project, Filing, content, User.ToActor(), clock.Today, HttpContext.RequestAborted);
        if (!Result.Succeeded)
        {
            return Page();
        }

        TempData["StatusMessage"] = $"已导入 {Result.ImportedCount} 名学员。";
        return RedirectToPage(new { projectId });
    }

    private async Task<bool> LoadAsync(Guid projectId)
    {
        if (await access.FindWithFilingAsync(User, projectId, ProjectOperations.Manage) is not ({ } project, var filing))
        {
            return false;
        }

        Project = project;
        Filing = filing;
        return true;
    }
}
