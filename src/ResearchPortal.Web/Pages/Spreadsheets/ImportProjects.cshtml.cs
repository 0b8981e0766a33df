using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Imports;

namespace ResearchPortal.Web.Pages.Spreadsheets;

/// <summary>/Spreadsheets/ImportProjects?year=: a reviewer loads a plan year's Annex 1 list.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class ImportProjectsModel(PortalDbContext db, AuditLog audit) : PageModel
{
    public PlanYear Year { get; private set; } = null!;

    public ImportResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year) => await LoadAsync(year) ? Page() : NotFound();

    public IActionResult OnGetTemplate() => ImportTemplate.Download("计划项目导入模板.xlsx", PlanProjectImport.TemplateColumns);

    public async Task<IActionResult> OnPostAsync(int year, IFormFile? file)
    {
        if (!await LoadAsync(year))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(nameof(file), "请选择要导入的 Excel 文件（.xlsx）。");
            return Page();
        }

        await using var content = file.OpenReadStream();
        Result = await new PlanProjectImport(db, audit).ImportAsync(Year, content, User.ToActor(), HttpContext.RequestAborted);
        if (!Result.Succeeded)
        {
            return Page();
        }

        TempData["StatusMessage"] = $"已导入 {Result.ImportedCount} 个项目。";
        return RedirectToPage(new { year });
    }

    private async Task<bool> LoadAsync(int year)
    {
        if (await db.PlanYears.FindAsync(year) is not { } planYear)
        {
            return false;
        }

        Year = planYear;
        return true;
    }
}
