using System.Text.RegularExpressions;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Fonts;
using UglyToad.PdfPig;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Documents.Forms;

/// <summary>A filled-in project for the form tests, built through the domain, and PdfPig read-back helpers.</summary>
internal static partial class FormSamples
{
    public static readonly PdfFontOptions Fonts = new();
    public const string BaseUrl = "https://portal.example.cn";

    public static Organization Applicant { get; } = Organization("山东省农业农村厅", "济南");

    public static Organization Host { get; } = Organization("山东农业大学", "泰安");

    public static PlanYear Year { get; } = PlanYear();

    public static PlanProject Project { get; } = PlanProject(Applicant, Host, number: "2025-GJYX-037");

    /// <summary>Approved, 24.5 hours, for recording results and issuing certificates.</summary>
    public static Filing Filing { get; } = ApprovedFiling(Project, Year, File(), File("举办通知.pdf"));

    /// <param name="names">The trainees' names in order; "学员001", "学员002"… when null.</param>
    public static IReadOnlyList<RosterEntry> Roster(int size, int passedEvery = 1, IReadOnlyList<string>? names = null)
    {
        var entries = Enumerable.Range(1, size).Select(sequence =>
        {
            var gender = sequence % 2 == 0 ? Gender.Female : Gender.Male;
            var entry = Ok(RosterEntry.Create(
                Project.Id, sequence, names?[sequence - 1] ?? $"学员{sequence:D3}", gender, IdNumber(sequence, gender), "泰安市农业科学研究院", "高级农艺师", "13900000000"));
            Ok(entry.RecordResult(24m, passed: sequence % passedEvery == 0, Filing, SeminarStart));
            return entry;
        }).ToList();
        Ok(CertificateIssuer.Assign(entries, Filing, AfterSeminar, Year, Project.ProjectNumber, 1, new HashSet<string>()));
        return entries;
    }

    public static IssuedCertificate Certificate(RosterEntry entry) => new()
    {
        RosterEntryId = entry.Id,
        PlanProjectId = Project.Id,
        Sequence = entry.Sequence,
        Number = entry.CertificateNumber!,
        HolderName = entry.Name,
        Hours = entry.CompletedHours,
        ProjectName = Project.Name,
        ProjectNumber = Project.ProjectNumber,
        Dates = Ok(DateRange.Create(SeminarStart, SeminarEnd)),
        ApplicantName = Applicant.Name,
        HostName = Host.Name,
    };

    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Compact(p.Text))];
    }

    /// <summary>PdfPig puts no spaces where the layout had gaps: compare without whitespace.</summary>
    public static string Compact(string text) => Whitespace().Replace(text, "");

    public static void AssertContainsAll(string text, params string[] expected)
    {
        foreach (var value in expected)
        {
            Assert.Contains(Compact(value), text);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
