using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Review;

/// <summary>Projects in the states the reviewer pages act on, saved through the domain into a <see cref="PortalApp"/>.</summary>
internal static partial class ReviewData
{
    public static async Task<PlanProject> SaveProjectAsync(PortalApp app, Func<PlanProject, PlanYear, Filing> filing, Func<PlanProject, CloseOut?>? closeOut = null)
    {
        await using var db = app.NewContext();
        var (year, _, _, project) = await PlannedProject.AddAsync(db);
        db.Add(filing(project, year));
        if (closeOut?.Invoke(project) is { } submittedCloseOut)
        {
            db.Add(submittedCloseOut);
        }

        await db.SaveChangesAsync();
        return project;
    }

    public static Task<PlanProject> SaveSubmittedFilingAsync(PortalApp app) => SaveProjectAsync(app, (project, year) =>
    {
        var plan = File("实施方案.pdf");
        var notice = File("举办通知.pdf");
        var filing = CompleteDraftFiling(project, plan, notice);
        Ok(filing.Submit(Organizer, Now, Today, year, Calendar));
        return filing;
    });

    /// <summary>An approved filing for a seminar that ended, and a complete close-out submitted after it.</summary>
    public static Task<PlanProject> SaveSubmittedCloseOutAsync(PortalApp app) => SaveProjectAsync(
        app,
        (project, year) => ApprovedFiling(project, year, File("实施方案.pdf"), File("举办通知.pdf")),
        project =>
        {
            var closeOut = CompleteCloseOut(project.Id);
            Ok(closeOut.Submit(Organizer, Now, AfterSeminar, SeminarEnd, rosterSize: 32, Calendar));
            return closeOut;
        });

    public static async Task<Filing> FilingAsync(PortalApp app, Guid projectId)
    {
        await using var db = app.NewContext();
        return await db.Filings.AsNoTracking().SingleAsync(f => f.PlanProjectId == projectId);
    }

    /// <summary>The row version the decision form carries in its hidden field.</summary>
    public static async Task<string> ConcurrencyTokenAsync(PortalClient client, string url)
    {
        var match = TokenField().Match(await client.GetPageAsync(url));
        Assert.True(match.Success, $"No concurrency token on {url}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"Input.ConcurrencyToken\" value=\"([^\"]*)\"")]
    private static partial Regex TokenField();
}
