using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>计划年度: list; create (no <c>?year=</c>) or edit (<c>?year=2025</c>) the completion deadline and certificate pattern.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class PlanYearsModel(PortalDbContext db, AuditLog audit) : PageModel
{
    /// <summary>The year being edited; null while creating a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public PlanYearInput Input { get; set; } = new();

    public IReadOnlyList<PlanYear> PlanYears { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadListAsync();
        if (Year is { } year)
        {
            if (await db.PlanYears.FindAsync(year) is not { } planYear)
            {
                return NotFound();
            }

            Input = new PlanYearInput
            {
                Year = planYear.Year,
                CompletionDeadline = planYear.CompletionDeadline,
                CertificateNumberPattern = planYear.CertificateNumberPattern.Value,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var existing = Year is { } year ? await db.PlanYears.FindAsync(year) : null;
        if (Year is not null && existing is null)
        {
            return NotFound();
        }

        if (existing is null && Input.Year is { } newYear && await db.PlanYears.AnyAsync(y => y.Year == newYear))
        {
            ModelState.AddModelError("Input.Year", $"{newYear} 年度已存在，请在列表中选择编辑。");
        }

        if (!ModelState.IsValid)
        {
            await LoadListAsync();
            return Page();
        }

        Result result = existing is null
            ? PlanYear.Create(Input.Year!.Value, Input.CompletionDeadline!.Value, Input.CertificateNumberPattern ?? string.Empty).Then(created => db.PlanYears.Add(created))
            : existing.Update(Input.CompletionDeadline!.Value, Input.CertificateNumberPattern ?? string.Empty);
        if (result.IsFailure)
        {
            ModelState.AddDomainErrors(result);
            await LoadListAsync();
            return Page();
        }

        var savedYear = existing?.Year ?? Input.Year!.Value;
        audit.Record(User.ToActor(), existing is null ? AuditActions.PlanYearCreated : AuditActions.PlanYearUpdated, AuditSubjects.PlanYear(savedYear),
            details: $"完成期限 {ChineseDate.Format(Input.CompletionDeadline!.Value)}，证书编号规则 {Input.CertificateNumberPattern}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"{savedYear} 年度已保存。";
        return RedirectToPage();
    }

    private async Task LoadListAsync() => PlanYears = await db.PlanYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync();

    public sealed class PlanYearInput
    {
        [Required(ErrorMessage = "请填写计划年度。")]
        [Display(Name = "计划年度")]
        public int? Year { get; set; }

        [Required(ErrorMessage = "请填写完成期限。")]
        [Display(Name = "完成期限（须于此日前组织实施完毕）")]
        public DateOnly? CompletionDeadline { get; set; }

        [Display(Name = "证书编号规则")]
        public string? CertificateNumberPattern { get; set; } = Domain.Plans.CertificateNumberPattern.Default;
    }
}
