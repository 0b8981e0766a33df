using ResearchPortal.Domain.Organizations;
using ResearchPortal.Domain.Plans;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class PlanTests
{
    [Fact]
    public void A_plan_year_keeps_its_deadline_and_pattern()
    {
        var year = Year2024();

        Assert.Equal(2024, year.Year);
        Assert.Equal(D("2024-11-15"), year.CompletionDeadline);
        Assert.Equal("SDGY{year}-{project}-{seq:3}", year.CertificateNumberPattern.Value);
    }

    [Fact]
    public void The_completion_deadline_must_fall_within_the_year() =>
        Assert.Equal(
            nameof(PlanYear.CompletionDeadline),
            AssertSingleError(PlanYear.Create(2024, D("2025-01-15"), "{seq:3}"), "PlanYear.DeadlineOutsideYear").Field);

    [Theory]
    [InlineData("SDGY{year}{project}", "CertificatePattern.Sequence")]
    [InlineData("{seq:0}", "CertificatePattern.UnknownToken")]
    [InlineData("{seq:11}", "CertificatePattern.UnknownToken")]
    [InlineData("{seq:2}-{seq:3}", "CertificatePattern.Sequence")]
    [InlineData("{year}-{name}-{seq:3}", "CertificatePattern.UnknownToken")]
    [InlineData("{year-{seq:3}", "CertificatePattern.StrayBrace")]
    [InlineData("  ", "Required")]
    public void Invalid_patterns_are_refused(string pattern, string code) =>
        Assert.Contains(code, Codes(CertificateNumberPattern.Parse(pattern)));

    [Theory]
    [InlineData("{seq:1}", 7, "7")]
    [InlineData("{seq:10}", 7, "0000000007")]
    [InlineData("鲁研修{year}-{project}-{seq:4}", 12, "鲁研修2024-037-0012")]
    [InlineData("{seq:2}", 123, "123")]
    public void Patterns_format_year_project_and_padded_sequence(string pattern, int sequence, string expected) =>
        Assert.Equal(expected, CertificateNumberPattern.Parse(pattern).Value.Format(2024, "037", sequence));

    /// <summary>Project numbers often begin with their year; after {year} it is not written twice.</summary>
    [Theory]
    [InlineData(CertificateNumberPattern.Default, "2026-02", "SDGY2026-02-001")]
    [InlineData(CertificateNumberPattern.Default, "2026GJ01", "SDGY2026-GJ01-001")]
    [InlineData(CertificateNumberPattern.Default, "037", "SDGY2026-037-001")]
    [InlineData(CertificateNumberPattern.Default, "2025-02", "SDGY2026-2025-02-001")]
    [InlineData(CertificateNumberPattern.Default, "20261", "SDGY2026-20261-001")]
    [InlineData(CertificateNumberPattern.Default, "2026", "SDGY2026-2026-001")]
    [InlineData(CertificateNumberPattern.Default, "2026-", "SDGY2026-2026--001")]
    [InlineData("{project}-{seq:3}", "2026-02", "2026-02-001")]
    public void The_year_appears_once_when_the_project_number_begins_with_it(string pattern, string projectNumber, string expected) =>
        Assert.Equal(expected, CertificateNumberPattern.Parse(pattern).Value.Format(2026, projectNumber, 1));

    [Fact]
    public void The_default_pattern_is_valid() => Assert.True(CertificateNumberPattern.Parse(CertificateNumberPattern.Default).IsSuccess);

    [Fact]
    public void Updating_a_plan_year_with_errors_changes_nothing()
    {
        var year = Year2024();

        var result = year.Update(D("2023-12-31"), "no-sequence");

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(D("2024-11-15"), year.CompletionDeadline);
        Assert.Equal("SDGY{year}-{project}-{seq:3}", year.CertificateNumberPattern.Value);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Organization_names_are_at_most_100_characters(int length, bool accepted) =>
        Assert.Equal(accepted, Organization.Create(new string('单', length), "济南市").IsSuccess);

    [Fact]
    public void Organization_needs_name_and_city() =>
        Assert.Equal([nameof(Organization.Name), nameof(Organization.City)], Fields(Organization.Create(" ", "")));

    [Fact]
    public void Plan_project_needs_every_field()
    {
        var result = PlanProject.Create(2024, "", "", "", Guid.Empty, Guid.Empty);

        Assert.Equal(
            [nameof(PlanProject.ProjectNumber), nameof(PlanProject.Name), nameof(PlanProject.Field),
             nameof(PlanProject.ApplicantOrganizationId), nameof(PlanProject.HostOrganizationId)],
            Fields(result));
    }

    [Fact]
    public void Plan_project_trims_its_text()
    {
        var project = PlanProject.Create(2024, " 037 ", " 人工智能高级研修班 ", "信息技术", Guid.CreateVersion7(), Guid.CreateVersion7()).Value;

        Assert.Equal("037", project.ProjectNumber);
        Assert.Equal("人工智能高级研修班", project.Name);
        Assert.NotEqual(Guid.Empty, project.Id);
    }
}
