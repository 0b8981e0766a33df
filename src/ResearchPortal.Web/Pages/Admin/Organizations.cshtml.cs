using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>单位 (applicant and host units): list; create, or edit with <c>?id=</c>.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class OrganizationsModel(PortalDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public IReadOnlyList<Organization> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not null)
        {
            if (await db.Organizations.FindAsync(Id) is not { } organization)
            {
                return NotFound();
            }

            Input = new OrganizationInput { Name = organization.Name, City = organization.City };
        }

        await LoadListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var organization = Id is null ? null : await db.Organizations.FindAsync(Id);
        if (Id is not null && organization is null)
        {
            return NotFound();
        }

        var name = Input.Name?.Trim() ?? string.Empty;
        // Names are unique in the database; say so next to the field rather than fail on the index.
        if (await db.Organizations.AnyAsync(o => o.Name == name && o.Id != Id))
        {
            ModelState.AddModelError("Input.Name", $"单位“{name}”已存在。");
        }

        if (!ModelState.IsValid)
        {
            await LoadListAsync();
            return Page();
        }

        Result result = organization is null
            ? Organization.Create(name, Input.City ?? string.Empty).Then(created => organization = db.Organizations.Add(created).Entity)
            : organization.Update(name, Input.City ?? string.Empty);
        if (result.IsFailure)
        {
            ModelState.AddDomainErrors(result);
            await LoadListAsync();
            return Page();
        }

        audit.Record(User.ToActor(), Id is null ? AuditActions.OrganizationCreated : AuditActions.OrganizationUpdated, organization!.Name, details: $"所在城市 {organization.City}");
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = $"单位“{organization.Name}”已保存。";
        return RedirectToPage(new { Id = (Guid?)null });
    }

    private async Task LoadListAsync() =>
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.City).ThenBy(o => o.Name).ToListAsync();

    public sealed class OrganizationInput
    {
        [Display(Name = "单位名称")]
        public string? Name { get; set; }

        [Display(Name = "所在城市")]
        public string? City { get; set; }
    }
}
