using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Tests.Database;

public static class ReceiptTallyCheck
{
    /// <summary>Fails unless every project's tally per status equals its receipts in that status.</summary>
    public static async Task AssertMatchReceiptsAsync(PortalDbContext db)
    {
        var tallied = await db.ReceiptTallies.Where(t => t.Count != 0)
            .Select(t => new { t.PlanProjectId, t.Status, t.Count }).ToListAsync();
        var counted = await db.EnrollmentReceipts.GroupBy(r => new { r.PlanProjectId, r.Status })
            .Select(g => new { g.Key.PlanProjectId, g.Key.Status, Count = g.Count() }).ToListAsync();
        Assert.NotEmpty(counted);
        Assert.Equal(counted.OrderBy(c => c.PlanProjectId).ThenBy(c => c.Status), tallied.OrderBy(t => t.PlanProjectId).ThenBy(t => t.Status));
    }
}
