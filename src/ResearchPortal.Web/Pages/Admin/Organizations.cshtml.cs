using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>单位 (applicant and host units): list; create, or edit with <c>?id=</c>.</summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class OrganizationsModel(PortalDbContext db, AuditLog audit) : ListPageModel
{
    private static readonly SortOrder<Organization> Sorting = new SortOrder<Organization>("city", o => o.Id)
        .By("city", o => o.City, o => o.Name)
        .By("name", o => o.Name);

    /// <summary>The city filter of the list.</summary>
    [BindProperty(SupportsGet = true, Name = "city")]
    public string? CityFilter { get; set; }

    public ListFilterOptions Options { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public OrganizationInput Input { get; set; } = new();

    public PagedList<Organization> Organizations { get; private set; } = null!;

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

    /// <summary>The list under the form, searched by name or city, filtered by city, sorted and paged in SQL.</summary>
    private async Task LoadListAsync()
    {
        var search = SearchLower;
        var organizations = db.Organizations.AsNoTracking()
            .Where(o => CityFilter == null || CityFilter == string.Empty || o.City == CityFilter)
            .Where(o => search == null || o.Name.ToLower().Contains(search) || o.City.ToLower().Contains(search));
        Organizations = await Sorting.Apply(organizations, Sort).ToPagedListAsync(PageNumber);
        Options = await ListFilterOptions.LoadAsync(db);
    }

    public sealed class OrganizationInput
    {
        [Display(Name = "单位名称")]
        public string? Name { get; set; }

        [Display(Name = "所在城市")]
        public string? City { get; set; }
    }
}
