using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Database;

public static class EnrollmentVersionCheck
{
    /// <summary>Moves the project's <see cref="Data.EnrollmentVersion"/> as a change made elsewhere would, so the next
    /// request for its queue or roster reads the rows afresh instead of this instance's kept page.</summary>
    public static async Task MoveAsync(PortalApp app, Guid projectId)
    {
        await using var db = app.NewContext();
        Assert.Equal(1, await db.Database.ExecuteSqlAsync(
            $"""UPDATE "EnrollmentVersions" SET "Version" = "Version" + 1 WHERE "PlanProjectId" = {projectId}"""));
    }
}
