using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Benchmarks.Pages.Benchmark;

/// <summary>
/// The page benchmark's yardstick, served by the portal in the same process as the pages measured (added as an
/// application part by <see cref="PageLoad.BenchmarkPortal"/>): signed in, the same middleware and layout, one query
/// of 12 rows rendered as a table. It is not part of the portal.
/// </summary>
[Authorize]
public sealed class BaselineModel(PortalDbContext db) : PageModel
{
    public const string Path = "/Benchmark/Baseline";

    public IReadOnlyList<BaselineRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new BaselineRow(o.Name, o.City))
            .Take(12)
            .ToListAsync(HttpContext.RequestAborted);
}

public sealed record BaselineRow(string Name, string City);
