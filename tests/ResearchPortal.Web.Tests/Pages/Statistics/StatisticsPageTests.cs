using System.Net;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Documents;
using ResearchPortal.Web.Tests.Pages.Spreadsheets;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Statistics;

/// <summary>The statistics scenario on a database of its own; the tests only read it.</summary>
public sealed class StatisticsPortal : IAsyncLifetime
{
    public PortalApp App { get; } = new();

    public StatisticsScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Scenario = await StatisticsScenario.SaveAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class StatisticsPageTests(StatisticsPortal portal) : IClassFixture<StatisticsPortal>
{
    private PortalApp App => portal.App;

    [Fact]
    public async Task A_reviewer_sees_the_whole_provinces_year_in_figures()
    {
        using var reviewer = await App.LoginAsync(await App.CreateUserAsync(PortalRoles.Reviewer));

        var tables = ReadTables(await reviewer.GetPageAsync("/Statistics"));

        Assert.Equal(["待备案|1", "备案中|1", "报名中|1", "研修中|0", "结业备案中|1", "已结项|1", "合计|5"], tables["status"]);
        Assert.Equal(["济南|3", "烟台|2", "合计|5"], tables["city"]);
        Assert.Equal(["农业|3", "医疗卫生|2", "合计|5"], tables["field"]);
        Assert.Equal(["备案|4|0|0|0", "结业材料|2|0|0|0"], tables["deadlines"]);
        Assert.Equal(["济南|2|5|4", "烟台|0|2|1", "合计|2|7|5"], tables["trainees-city"]);
        Assert.Equal(["农艺师|0|4|3", "主治医师|0|2|1", "高级农艺师|2|1|1", "合计|2|7|5"], tables["trainees-title"]);
        Assert.Equal(["承办单位评估|1|88|88|88|0", "申报单位验收|1|65|65|65|1"], tables["scores"]);
        Assert.Equal(["济南|2|1|1", "合计|2|1|1"], tables["outcomes"]);
    }

    [Fact]
    public async Task An_organizer_sees_only_the_projects_its_unit_hosts_or_applies_for()
    {
        using var yantai = await App.LoginAsync(await App.CreateUserAsync(PortalRoles.Organizer, portal.Scenario.YantaiHost.Id));
        using var applicant = await App.LoginAsync(await App.CreateUserAsync(PortalRoles.Organizer, portal.Scenario.JinanApplicant.Id));

        var yantaiTables = ReadTables(await yantai.GetPageAsync($"/Statistics?year={StatisticsScenario.Year}"));
        var applicantTables = ReadTables(await applicant.GetPageAsync("/Statistics"));

        Assert.Equal(["待备案|0", "备案中|1", "报名中|0", "研修中|0", "结业备案中|1", "已结项|0", "合计|2"], yantaiTables["status"]);
        Assert.Equal(["烟台|2", "合计|2"], yantaiTables["city"]);
        Assert.Equal(["烟台|0|2|1", "合计|0|2|1"], yantaiTables["trainees-city"]);
        Assert.Equal(["承办单位评估|0|—|—|—|0", "申报单位验收|0|—|—|—|0"], yantaiTables["scores"]);
        Assert.Empty(yantaiTables["outcomes"]);
        Assert.Equal(["济南|3", "合计|3"], applicantTables["city"]);
        Assert.Equal(["济南|2|5|4", "合计|2|5|4"], applicantTables["trainees-city"]);
    }

    [Fact]
    public async Task The_summary_downloads_as_a_workbook_with_one_sheet_per_table()
    {
        using var reviewer = await App.LoginAsync(await App.CreateUserAsync(PortalRoles.Reviewer));
        var page = ReadTables(await reviewer.GetPageAsync("/Statistics"));

        var workbook = await Downloads.XlsxBytesAsync(await reviewer.GetAsync($"/Statistics?handler=Xlsx&year={StatisticsScenario.Year}"));

        using (var printed = new PrintReadyWorkbook(workbook))
        {
            printed.AssertEverySheetPrintReady();
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var part = document.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["项目状态", "项目按城市", "项目按专业领域", "备案与结业材料时限", "学员按城市", "学员按职称", "承办单位与申报单位评分", "研修成果"], sheets.Select(s => s.Name!.Value));
        var keys = page.Keys.ToList();
        for (var i = 0; i < sheets.Count; i++)
        {
            var rows = ((WorksheetPart)part.GetPartById(sheets[i].Id!)).Worksheet.Descendants<Row>()
                .Select(row => string.Join('|', row.Elements<Cell>().Select(cell => cell.InlineString?.InnerText ?? cell.CellValue?.Text)))
                .ToList();

            // Title, header, then the page's rows with the same figures ("—" on the page is an empty cell), then the note.
            var expected = page[keys[i]].Select(row => row.Replace("|—", string.Empty, StringComparison.Ordinal));
            Assert.Equal(expected, rows.Skip(2).Take(page[keys[i]].Count));
        }

        await using var db = App.NewContext();
        Assert.Single(db.AuditEntries.Where(e => e.Action == AuditActions.ExportDownload && e.Subject.Contains("/Statistics")));
    }

    [Fact]
    public async Task A_year_without_a_plan_is_not_found()
    {
        using var reviewer = await App.LoginAsync(await App.CreateUserAsync(PortalRoles.Reviewer));

        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/Statistics?year=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync("/Statistics?handler=Xlsx&year=1999")).StatusCode);
    }

    /// <summary>Each figure table of the page by key ("status", "city", …): its body and 合计 rows as "label|value|…".</summary>
    public static Dictionary<string, List<string>> ReadTables(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var tables = document.QuerySelectorAll("table[id^=table-]").ToDictionary(
            table => table.Id!["table-".Length..],
            table => table.QuerySelectorAll("tbody tr, tfoot tr")
                .Select(row => string.Join('|', row.Children.Select(cell => cell.TextContent.Trim())))
                .ToList());
        foreach (var empty in document.QuerySelectorAll("section[aria-labelledby^=heading-]").Select(s => s.GetAttribute("aria-labelledby")!["heading-".Length..]))
        {
            tables.TryAdd(empty, []);
        }

        return tables;
    }
}
