using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Database;

public static class ListVersionCheck
{
    /// <summary>Moves a scope's <see cref="Data.ListVersion"/> (a project's id, or the plan's) as a change made elsewhere
    /// would, so the next request for its lists reads the rows afresh instead of this instance's kept page.</summary>
    public static async Task MoveAsync(PortalApp app, Guid scope)
    {
        await using var db = app.NewContext();
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"""UPDATE "ListVersions" SET "Version" = "Version" + 1 WHERE "Scope" = {scope}"""));
    }
}
