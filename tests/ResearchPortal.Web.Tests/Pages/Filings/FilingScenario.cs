using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Filings;

/// <summary>A plan project with its two units (and optionally a filing) in the app's database, plus the filing form's fields.</summary>
public sealed partial record FilingScenario(Organization Applicant, Organization Host, PlanProject Project)
{
    public static readonly byte[] Pdf = "%PDF-1.4 filing test"u8.ToArray();

    public string EditUrl => $"/Filings/Edit?projectId={Project.Id}";

    public static async Task<FilingScenario> CreateAsync(PortalApp app, Func<PortalDbContext, PlanProject, Filing>? filing = null)
    {
        await using var db = app.NewContext();
        var (_, applicant, host, project) = await PlannedProject.AddAsync(db);
        if (filing is not null)
        {
            db.Add(filing(db, project));
        }

        await db.SaveChangesAsync();
        return new FilingScenario(applicant, host, project);
    }

    /// <summary>A complete draft with its two attachments stored, built through the domain.</summary>
    public static Filing CompleteDraft(PortalDbContext db, PlanProject project)
    {
        var plan = TestData.File("实施方案.pdf");
        var notice = TestData.File("举办通知.pdf");
        db.AddRange(plan, notice);
        return TestData.CompleteDraftFiling(project, plan, notice);
    }

    public Task<PortalClient> LoginHostAsync(PortalApp app) => LoginOrganizerAsync(app, Host.Id);

    public static async Task<PortalClient> LoginOrganizerAsync(PortalApp app, Guid organizationId) =>
        await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, organizationId, "王组织"));

    /// <summary>Every field of a filing that passes submission on <see cref="TestData.Today"/>.</summary>
    public static Dictionary<string, string> CompleteFields(
        string? token = null, DateOnly? start = null, DateOnly? end = null, int trainees = 40, string venue = "济南市历下区培训中心") => new()
        {
            ["Input.ConcurrencyToken"] = token ?? string.Empty,
            ["Input.Venue"] = venue,
            ["Input.StartDate"] = Iso(start ?? TestData.SeminarStart),
            ["Input.EndDate"] = Iso(end ?? TestData.SeminarEnd),
            ["Input.ContactPerson"] = "王老师",
            ["Input.OfficePhone"] = "0531-88888888",
            ["Input.Mobile"] = "13800000000",
            ["Input.PlannedTraineeCount"] = trainees.ToString(CultureInfo.InvariantCulture),
            ["Input.ExpertSessions[0].ExpertName"] = "张教授",
            ["Input.ExpertSessions[0].TitleOrPosition"] = "教授",
            ["Input.ExpertSessions[0].Topic"] = "现代农业技术",
            ["Input.ExpertSessions[0].Hours"] = "12",
            ["Input.ExpertSessions[1].ExpertName"] = "李研究员",
            ["Input.ExpertSessions[1].TitleOrPosition"] = "研究员",
            ["Input.ExpertSessions[1].Topic"] = "乡村治理实践",
            ["Input.ExpertSessions[1].Hours"] = "12.5",
            ["Input.AttestedOfflineAndFree"] = "true",
        };

    public static Dictionary<string, (string FileName, byte[] Content)> BothAttachments() => new()
    {
        ["Input.ImplementationPlan"] = ("实施方案.pdf", Pdf),
        ["Input.Notice"] = ("举办通知.pdf", Pdf),
    };

    /// <summary>The row version the form carries, as a browser would post it back.</summary>
    public static string TokenOf(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    /// <summary>Page text with entities decoded: the default encoder writes Chinese as character references.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"Input.ConcurrencyToken\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}
