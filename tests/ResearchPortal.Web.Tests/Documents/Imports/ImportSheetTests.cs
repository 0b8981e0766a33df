using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Imports;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Documents.Imports;

public class ImportSheetTests
{
    private static readonly string[] Required = [RosterSheet.Name, RosterSheet.IdNumber];

    [Fact]
    public async Task Header_is_found_below_the_titles_and_the_footer_lines_are_not_data()
    {
        var file = ImportFiles.Roster([ImportFiles.RosterRow(IdNumber(1), name: "甲"), ImportFiles.RosterRow(IdNumber(2), name: "乙")]);

        var sheet = (await ImportSheet.ReadAsync(new MemoryStream(file), Required, [], CancellationToken.None)).Value;

        Assert.Equal([5, 6], sheet.Rows.Select(r => r.Number));
        Assert.Equal(["甲", "乙"], sheet.Rows.Select(r => sheet.Cell(r, RosterSheet.Name)));
        Assert.Equal(IdNumber(2).Value, sheet.Cell(sheet.Rows[1], RosterSheet.IdNumber));
    }

    [Fact]
    public async Task Columns_match_by_caption_in_any_order_ignoring_line_breaks()
    {
        var file = ImportFiles.Table(["身份证号", "是否通过\n结业考核", "姓名"], [[IdNumber(1).Value, "是", "甲"]]);

        var sheet = (await ImportSheet.ReadAsync(new MemoryStream(file), Required, [RosterSheet.Passed], CancellationToken.None)).Value;

        var row = Assert.Single(sheet.Rows);
        Assert.Equal("甲", sheet.Cell(row, RosterSheet.Name));
        Assert.Equal("是", sheet.Cell(row, RosterSheet.Passed));
    }

    [Fact]
    public async Task A_file_without_the_header_names_the_missing_columns()
    {
        var file = ImportFiles.Table(["名字", "身份证号"], [["甲", IdNumber(1).Value]]);

        var result = await ImportSheet.ReadAsync(new MemoryStream(file), Required, [], CancellationToken.None);

        Assert.True(result.IsFailure);
        Assert.Contains("缺少：姓名。", result.Errors[0].Message);
    }
}
