using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;

namespace ResearchPortal.Web.Pages.Seminars;

/// <summary>The province-wide notice (举办通知): approved seminars still open for enrollment.</summary>
[AllowAnonymous]
public sealed class IndexModel(PortalDbContext db, PortalClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    public IReadOnlyList<PublishedSeminar> Seminars { get; private set; } = [];

    public IReadOnlyList<string> Cities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Seminars = await PublishedSeminars.ListOpenAsync(db, clock.Today, City, Keyword);
        Cities = await PublishedSeminars.CitiesAsync(db);
    }
}
