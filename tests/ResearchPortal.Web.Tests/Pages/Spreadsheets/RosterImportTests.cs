using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Imports;
using ResearchPortal.Web.Tests.Documents.Imports;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Spreadsheets;

/// <summary>Runs after the seminar, when results and certificate numbers may be imported.</summary>
[Collection(PortalCollections.AfterSeminar)]
public sealed class RosterImportTests(AfterSeminarPortal portal) : SharedPortalTests
{
    protected override PortalApp Portal => portal.App;

    private static int _serial = 5_000;

    private readonly PortalApp _app = portal.App;

    [Fact]
    public async Task A_good_file_adds_every_row_after_the_current_roster()
    {
        var graph = await RosterGraph.SaveAsync(_app, 2);
        using var client = await graph.HostOrganizerAsync(_app);
        var certificate = $"IMP-{Guid.NewGuid():N}".ToUpperInvariant();
        var file = ImportFiles.Roster(
        [
            ImportFiles.RosterRow(NewIdNumber(), name: "赵一", hours: "24.5", passed: "是", certificateNumber: certificate),
            ImportFiles.RosterRow(NewIdNumber(), name: "钱二", hours: "10", passed: "否"),
        ]);

        var response = await UploadAsync(client, graph, file);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, ProblemsOf(await PageText.ReadAsync(response)));
        await using var db = _app.NewContext();
        var imported = await db.RosterEntries.Where(e => e.PlanProjectId == graph.Project.Id && e.Sequence > 2).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([("赵一", 3, 24.5m, true, certificate), ("钱二", 4, 10m, false, null)],
            imported.Select(e => (e.Name, e.Sequence, e.CompletedHours, e.Passed, e.CertificateNumber)));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == AuditActions.RosterImported));
    }

    [Fact]
    public async Task Results_and_paper_certificates_are_refused_for_a_filing_not_yet_approved_but_plain_trainees_are_added()
    {
        var graph = await RosterGraph.SaveAsync(_app, 0, approved: false);
        using var client = await graph.HostOrganizerAsync(_app);
        var withResults = ImportFiles.Roster([ImportFiles.RosterRow(NewIdNumber(), certificateNumber: $"IMP-{Guid.NewGuid():N}")]);
        var plain = ImportFiles.Roster([ImportFiles.RosterRow(NewIdNumber(), hours: "", passed: "")]);

        var refused = await UploadAsync(client, graph, withResults);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("备案审核通过后才能登记学时与考核结果", await PageText.ReadAsync(refused));
        Assert.Equal(0, await RosterCountAsync(graph));
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, graph, plain)).StatusCode);
        Assert.Equal(1, await RosterCountAsync(graph));
    }

    [Fact]
    public async Task A_revoked_number_cannot_come_back_with_an_import_in_any_letter_case()
    {
        var graph = await RosterGraph.SaveAsync(_app, 0);
        using var client = await graph.HostOrganizerAsync(_app);
        var number = $"IMP-{Guid.NewGuid():N}".ToUpperInvariant();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, graph, ImportFiles.Roster([ImportFiles.RosterRow(NewIdNumber(), certificateNumber: number)]))).StatusCode);
        await using (var db = _app.NewContext())
        {
            var entry = await db.RosterEntries.SingleAsync(e => e.CertificateNumber == number);
            Ok(entry.RevokeCertificate("编号录入错误", Organizer, Now));
            await db.SaveChangesAsync();
        }

        var response = await UploadAsync(client, graph, ImportFiles.Roster([ImportFiles.RosterRow(NewIdNumber(), certificateNumber: $" {number.ToLowerInvariant()} ")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已被其他学员使用或已撤销", await PageText.ReadAsync(response));
        Assert.Equal(1, await RosterCountAsync(graph));
    }

    [Theory]
    [InlineData("wrong header", "整个文件", "缺少：身份证号")]
    [InlineData("bad check digit", "第 5 行", "身份证号校验位不正确")]
    [InlineData("duplicate in file", "第 6 行", "与第 5 行的身份证号重复")]
    [InlineData("duplicate of the project", "第 5 行", "该身份证号的学员已在本项目名单中")]
    [InlineData("hours over the total", "第 5 行", "完成学时应在 0 到 24.5 学时之间")]
    [InlineData("gender against ID", "第 5 行", "与身份证号显示的性别“女”不一致")]
    [InlineData("certificate in use", "第 5 行", "已被其他学员使用")]
    [InlineData("10,001 rows", "整个文件", "数据行超过 10000 行的上限")]
    [InlineData("renamed .txt", "整个文件", "文件不是 Excel 工作簿")]
    [InlineData("corrupt zip", "整个文件", "文件已损坏")]
    [InlineData("zip bomb", "整个文件", "解压后超过 100 MB")]
    public async Task A_faulty_file_is_refused_with_its_row_and_nothing_is_written(string fault, string where, string message)
    {
        var graph = await RosterGraph.SaveAsync(_app, 1);
        using var client = await graph.HostOrganizerAsync(_app);
        var before = await RosterCountAsync(graph);

        var response = await UploadAsync(client, graph, await FaultyFileAsync(fault, graph));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageText.ReadAsync(response);
        Assert.Contains("没有写入任何数据", html);
        Assert.Matches($"<td>{where}</td>[^<]*<td>[^<]*</td>[^<]*<td>[^<]*{message}", html);
        Assert.Equal(before, await RosterCountAsync(graph));
    }

    [Fact]
    public async Task Every_faulty_row_is_listed_with_its_column()
    {
        var graph = await RosterGraph.SaveAsync(_app, 1);
        using var client = await graph.HostOrganizerAsync(_app);
        var good = ImportFiles.RosterRow(NewIdNumber());
        var badGender = ImportFiles.RosterRow(NewIdNumber());
        badGender[2] = "未知";
        var badPassed = ImportFiles.RosterRow(NewIdNumber(), passed: "通过");

        var response = await UploadAsync(client, graph, ImportFiles.Roster([good, badGender, badPassed]));

        var html = await PageText.ReadAsync(response);
        Assert.Matches("<td>第 6 行</td>\\s*<td>性别</td>\\s*<td>性别应填写“男”或“女”。</td>", html);
        Assert.Matches("<td>第 7 行</td>\\s*<td>是否通过结业考核</td>", html);
        Assert.Equal(1, await RosterCountAsync(graph));
    }

    [Fact]
    public async Task Another_units_organizer_and_reviewers_cannot_import()
    {
        var graph = await RosterGraph.SaveAsync(_app, 1);
        using var applicant = await graph.ApplicantOrganizerAsync(_app);
        using var reviewer = await _app.LoginAsync(await _app.CreateUserAsync(PortalRoles.Reviewer));

        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/Spreadsheets/ImportRoster?{graph.Query}")).StatusCode);
        var forbidden = await reviewer.GetAsync($"/Spreadsheets/ImportRoster?{graph.Query}");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("AccessDenied", forbidden.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_template_has_the_annex_4_header()
    {
        var graph = await RosterGraph.SaveAsync(_app, 0);
        using var client = await graph.HostOrganizerAsync(_app);

        var response = await client.GetAsync("/Spreadsheets/ImportRoster?handler=Template");

        var sheet = await Downloads.ReadXlsxAsync(response);
        Assert.Equal(RosterSheet.Columns.Select(c => c.Header), Assert.Single(sheet.Rows).Cells);
    }

    private async Task<byte[]> FaultyFileAsync(string fault, RosterGraph graph)
    {
        var idNumber = NewIdNumber();
        return fault switch
        {
            "wrong header" => ImportFiles.Roster(
                [ImportFiles.RosterRow(idNumber)],
                [.. RosterSheet.Columns.Select(c => c.Header == RosterSheet.IdNumber ? c with { Header = "证件号码" } : c)]),
            "bad check digit" => ImportFiles.Roster([WithIdText(ImportFiles.RosterRow(idNumber), WrongCheckDigit(idNumber.Value))]),
            "duplicate in file" => ImportFiles.Roster([ImportFiles.RosterRow(idNumber), ImportFiles.RosterRow(idNumber, name: "重复")]),
            "duplicate of the project" => ImportFiles.Roster([ImportFiles.RosterRow(graph.Entries[0].IdNumber)]),
            "hours over the total" => ImportFiles.Roster([ImportFiles.RosterRow(idNumber, hours: "30")]),
            "gender against ID" => ImportFiles.Roster([WithGender(ImportFiles.RosterRow(idNumber), "男")]),
            "certificate in use" => ImportFiles.Roster([ImportFiles.RosterRow(idNumber, certificateNumber: await CertificateInUseAsync())]),
            "10,001 rows" => ImportFiles.Roster(Enumerable.Range(0, ImportSheet.MaxDataRows + 1).Select(_ => ImportFiles.RosterRow(idNumber))),
            "renamed .txt" => ImportFiles.Text(),
            "corrupt zip" => ImportFiles.Truncated(ImportFiles.Roster(Enumerable.Range(0, 50).Select(_ => ImportFiles.RosterRow(idNumber)))),
            "zip bomb" => ImportFiles.ZipBomb(),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }

    /// <summary>Imports a passed trainee with a certificate into another project and returns the number.</summary>
    private async Task<string> CertificateInUseAsync()
    {
        var other = await RosterGraph.SaveAsync(_app, 0);
        using var client = await other.HostOrganizerAsync(_app);
        var number = $"IMP-{Guid.NewGuid():N}";
        var response = await UploadAsync(client, other, ImportFiles.Roster([ImportFiles.RosterRow(NewIdNumber(), certificateNumber: number)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return number;
    }

    /// <summary>The problem table of a refused import, for failure messages.</summary>
    private static string ProblemsOf(string html) =>
        html.Contains("import-problems") ? html[html.IndexOf("import-problems", StringComparison.Ordinal)..] : html;

    private static string?[] WithIdText(string?[] row, string idText) => [.. row[..3], idText, .. row[4..]];

    private static string?[] WithGender(string?[] row, string gender) => [.. row[..2], gender, .. row[3..]];

    private static string WrongCheckDigit(string idNumber) => idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');

    private static Domain.Enrollment.IdNumber NewIdNumber() => IdNumber(Interlocked.Increment(ref _serial));

    private static Task<HttpResponseMessage> UploadAsync(PortalClient client, RosterGraph graph, byte[] file) =>
        client.PostMultipartAsync($"/Spreadsheets/ImportRoster?{graph.Query}", [], new() { ["file"] = ("名单.xlsx", file) });

    private async Task<int> RosterCountAsync(RosterGraph graph)
    {
        await using var db = _app.NewContext();
        return await db.RosterEntries.CountAsync(e => e.PlanProjectId == graph.Project.Id);
    }
}

/// <summary>The seminar's last day: a roster with results may be imported, paper certificate numbers not yet.</summary>
[Collection(PortalCollections.SeminarEnd)]
public sealed class RosterImportOnTheLastDayTests(SeminarEndPortal portal) : SharedPortalTests
{
    protected override PortalApp Portal => portal.App;

    [Fact]
    public async Task Paper_certificate_numbers_are_refused_until_the_seminar_has_ended()
    {
        var app = portal.App;
        var graph = await RosterGraph.SaveAsync(app, 0);
        using var client = await graph.HostOrganizerAsync(app);
        var file = ImportFiles.Roster([ImportFiles.RosterRow(IdNumber(9_001), certificateNumber: $"IMP-{Guid.NewGuid():N}")]);

        var response = await client.PostMultipartAsync($"/Spreadsheets/ImportRoster?{graph.Query}", [], new() { ["file"] = ("名单.xlsx", file) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<td>第 5 行</td>\\s*<td>培训证书编号</td>\\s*<td>研修班结束后才能发放证书编号：自 2025年9月20日 起可以办理。</td>", await PageText.ReadAsync(response));
        await using var db = app.NewContext();
        Assert.False(await db.RosterEntries.AnyAsync(e => e.PlanProjectId == graph.Project.Id));
    }
}

