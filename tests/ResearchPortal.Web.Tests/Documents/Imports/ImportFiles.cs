using System.IO.Compression;
using System.Text;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Tests.Documents.Imports;

/// <summary>Spreadsheets to upload: good ones written by the portal's own writer, and the broken kinds an import must refuse.</summary>
public static class ImportFiles
{
    /// <summary>One Annex 4 row in <see cref="RosterSheet.Columns"/> order.</summary>
    public static string?[] RosterRow(
        IdNumber idNumber, string name = "王学员", string hours = "24", string passed = "是", string? certificateNumber = null) =>
        ["1", name, idNumber.ImpliedGender == Domain.Common.Gender.Male ? "男" : "女", idNumber.Value, "济南市农业科学研究院", "高级农艺师",
         "13900000000", hours, passed, certificateNumber];

    /// <summary>An Annex 4 workbook as exported: the title and two form lines, the header, the rows and the 填表人 lines.</summary>
    public static byte[] Roster(IEnumerable<string?[]> rows, IReadOnlyList<XlsxColumn>? columns = null)
    {
        var output = new MemoryStream();
        using (var writer = new XlsxSheetWriter(output, "学员名单", columns ?? RosterSheet.Columns))
        {
            writer.AddTitle("《乡村振兴专业技术人才高级研修班》高级研修项目学员名单（项目编号：P1）");
            writer.AddLine("组织实施部门、单位：测试单位（盖章）");
            writer.AddLine("日期：2025 年 6 月 2 日");
            foreach (var row in rows)
            {
                writer.AddRow(row);
            }

            writer.AddFooter("填表人：王老师");
            writer.AddFooter("联系电话：0531-88888888");
            writer.Complete();
        }

        return output.ToArray();
    }

    /// <summary>A plain sheet: one header row, then the rows.</summary>
    public static byte[] Table(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    {
        var output = new MemoryStream();
        using (var writer = new XlsxSheetWriter(output, "Sheet1", [.. header.Select(h => new XlsxColumn(h))]))
        {
            foreach (var row in rows)
            {
                writer.AddRow(row);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    public static byte[] Text() => Encoding.UTF8.GetBytes("姓名,身份证号\n张三,370102199001011234");

    public static byte[] Truncated(byte[] file) => file[..(file.Length / 2)];

    /// <summary>300 MB of zeros, about 300 KB compressed, posing as a worksheet.</summary>
    public static byte[] ZipBomb()
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                entry.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
