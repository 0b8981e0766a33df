using System.Net;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Imports;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Pages.Spreadsheets;
using ResearchPortal.Web.Tests.Documents;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Spreadsheets;

[Collection(PortalCollections.Seminars)]
public sealed class ExportTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Roster_has_the_annex_4_lines_full_id_numbers_as_text_and_is_audited()
    {
        var graph = await RosterGraph.SaveAsync(app, 2);
        using var client = await graph.HostOrganizerAsync(app);

        var response = await client.GetAsync($"/Spreadsheets/Project/Roster?{graph.Query}");

        var file = await Downloads.XlsxBytesAsync(response);
        var rows = (await Downloads.ReadXlsxAsync(response)).Rows.Select(Downloads.Joined).ToList();
        var first = graph.Entries[0];
        Assert.Equal(
            [
                $"《{graph.Project.Name}》高级研修项目学员名单（项目编号：{graph.Project.ProjectNumber}）",
                $"组织实施部门、单位：{graph.Host.Name}（盖章）",
                "日期：2025 年 6 月 2 日",
                "序号|姓名|性别|身份证号|工作单位|职称|联系电话|完成学时|是否通过结业考核|培训证书编号",
                $"1|学员01|女|{first.IdNumber.Value}|济南市农业科学研究院|农艺师|13900000000|0|否",
            ],
            rows[..5]);
        Assert.Equal(["填表人：王老师", $"工作单位、职务：{graph.Host.Name}", "联系电话：0531-88888888"], rows[^3..]);
        Assert.All(Downloads.CellsWithText(file, first.IdNumber.Value), cell => Assert.Equal("inlineStr", (string?)cell.Attribute("t")));
        Assert.All(Downloads.CellsWithText(file, "13900000000"), cell => Assert.Equal("inlineStr", (string?)cell.Attribute("t")));
        using var workbook = new PrintReadyWorkbook(file);
        workbook.AssertEverySheetPrintReady();
        Assert.Equal(4u, workbook.HeaderRow(0));
        Assert.Equal(HorizontalAlignmentValues.Center, workbook.AlignmentOf("A1"));
        Assert.All(["A2", "A3", "A7", "A8", "A9"], line => Assert.Equal(HorizontalAlignmentValues.Left, workbook.AlignmentOf(line)));
        Assert.True(workbook.IsBordered(workbook.Cell("J5")), "The empty 培训证书编号 cell keeps its border.");
        await AssertAuditedAsync(graph, ProjectModel.RosterAction);
    }

    [Fact]
    public async Task Hours_list_has_passed_trainees_with_the_filing_end_as_completion_date_and_is_audited()
    {
        var graph = await RosterGraph.SaveAsync(app, 2);
        var certificate = await PassFirstTraineeAsync(graph);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        var response = await reviewer.GetAsync($"/Spreadsheets/Project/Hours?{graph.Query}");

        var sheet = await Downloads.ReadXlsxAsync(response);
        Assert.Equal("姓名|身份证号|项目编号|项目名称|完成学时|培训证书编号|完成日期", Downloads.Joined(sheet.Rows[0]));
        Assert.Equal(
            ["学员01", graph.Entries[0].IdNumber.Value, graph.Project.ProjectNumber, graph.Project.Name, "24", certificate],
            Assert.Single(sheet.Rows.Skip(1)).Cells.Take(6));
        using var workbook = new PrintReadyWorkbook(await Downloads.XlsxBytesAsync(response));
        workbook.AssertEverySheetPrintReady();
        Assert.Equal(new DateTime(2025, 9, 19), workbook.DateOf("G2"));
        await AssertAuditedAsync(graph, ProjectModel.HoursAction);
    }

    [Fact]
    public async Task Enrollment_list_shows_receipts_with_status_and_masked_id_numbers()
    {
        var graph = await RosterGraph.SaveAsync(app, 0);
        var receipt = Receipt(graph.Filing, IdNumber(7001), "孙报名");
        await using (var db = app.NewContext())
        {
            db.EnrollmentReceipts.Add(receipt);
            await db.SaveChangesAsync();
        }

        using var client = await graph.HostOrganizerAsync(app);

        var response = await client.GetAsync($"/Spreadsheets/Project/Enrollments?{graph.Query}");

        var sheet = await Downloads.ReadXlsxAsync(response);
        var row = sheet.Rows[^1].Cells;
        Assert.Equal(["1", "孙报名", "女", receipt.IdNumber.Masked], row.Take(4));
        Assert.Equal("待审核", row[11]);
        Assert.DoesNotContain(sheet.Rows, r => r.Cells.Contains(receipt.IdNumber.Value));
        using var workbook = new PrintReadyWorkbook(await Downloads.XlsxBytesAsync(response));
        workbook.AssertEverySheetPrintReady();
        var submitted = receipt.SubmittedAt.ToOffset(PortalClock.ChinaOffset).DateTime;
        Assert.Equal(submitted, workbook.DateOf($"K{sheet.Rows[^1].Number}"), TimeSpan.FromMinutes(1)); // shown to the minute
        Assert.Contains("hh:mm", workbook.NumberFormatOf($"K{sheet.Rows[^1].Number}"));
    }

    [Fact]
    public async Task All_projects_list_shows_status_and_deadline_to_reviewers_only()
    {
        var graph = await RosterGraph.SaveAsync(app, 0);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        using var organizer = await graph.HostOrganizerAsync(app);

        var response = await reviewer.GetAsync("/Spreadsheets/AllProjects?year=2025");
        var forbidden = await organizer.GetAsync("/Spreadsheets/AllProjects");

        var sheet = await Downloads.ReadXlsxAsync(response);
        var row = sheet.Rows.Single(r => r.Cells.Count > 1 && r.Cells[1] == graph.Project.ProjectNumber);
        Assert.Equal([graph.Applicant.Name, graph.Host.Name, "济南", "报名中", "开班"], row.Cells.Skip(4).Take(5));
        using var workbook = new PrintReadyWorkbook(await Downloads.XlsxBytesAsync(response));
        workbook.AssertEverySheetPrintReady();
        Assert.Equal(new DateTime(2025, 9, 15), workbook.DateOf($"J{row.Number}"));
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
    }

    [Fact]
    public async Task Import_templates_are_print_ready_and_read_back_as_the_header_the_import_expects()
    {
        var graph = await RosterGraph.SaveAsync(app, 0);
        using var organizer = await graph.HostOrganizerAsync(app);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));

        foreach (var (client, url, columns) in new[]
        {
            (organizer, "/Spreadsheets/ImportRoster?handler=Template", RosterSheet.Columns),
            (reviewer, "/Spreadsheets/ImportProjects?handler=Template", PlanProjectImport.TemplateColumns),
        })
        {
            var response = await client.GetAsync(url);

            Assert.Equal(columns.Select(c => c.Header), Assert.Single((await Downloads.ReadXlsxAsync(response)).Rows).Cells);
            using var workbook = new PrintReadyWorkbook(await Downloads.XlsxBytesAsync(response));
            workbook.AssertEverySheetPrintReady();
            Assert.Equal(1u, workbook.HeaderRow(0));
        }
    }

    [Fact]
    public async Task Another_units_organizer_gets_not_found()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        using var applicant = await graph.ApplicantOrganizerAsync(app);

        var response = await applicant.GetAsync($"/Spreadsheets/Project/Roster?{graph.Query}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == ProjectModel.RosterAction));
    }

    private async Task<string> PassFirstTraineeAsync(RosterGraph graph)
    {
        await using var db = app.NewContext();
        var entries = await db.RosterEntries.Where(e => e.PlanProjectId == graph.Project.Id).OrderBy(e => e.Sequence).ToListAsync();
        Ok(entries[0].RecordResult(24m, passed: true, graph.Filing, SeminarStart));
        var numbered = Ok(CertificateIssuer.Assign(entries, graph.Filing, AfterSeminar, graph.Year, graph.Project.ProjectNumber, 1, new HashSet<string>()));
        await db.SaveChangesAsync();
        return numbered[0].CertificateNumber!;
    }

    private async Task AssertAuditedAsync(RosterGraph graph, string action)
    {
        await using var db = app.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == action);
        Assert.Contains(graph.Project.ProjectNumber, entry.Subject);
    }
}
