using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using ResearchPortal.Web.Documents.Exports;
using ResearchPortal.Web.Documents.Xlsx;

namespace ResearchPortal.Web.Tests.Pages.Spreadsheets;

/// <summary>Reads a downloaded workbook back: its rows as text, and its cells' XML to see how each was typed.</summary>
public static class Downloads
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static async Task<byte[]> XlsxBytesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxDownload.ContentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<XlsxReadResult> ReadXlsxAsync(HttpResponseMessage response)
    {
        var result = await XlsxReader.ReadAsync(new MemoryStream(await XlsxBytesAsync(response)));
        Assert.True(result.Succeeded, result.Message);
        return result;
    }

    /// <summary>The cell elements holding exactly <paramref name="text"/>.</summary>
    public static IReadOnlyList<XElement> CellsWithText(byte[] workbook, string text)
    {
        using var archive = new ZipArchive(new MemoryStream(workbook));
        using var sheet = archive.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        return [.. XDocument.Load(sheet).Descendants(Main + "c").Where(c => c.Value == text)];
    }

    public static string Joined(XlsxRow row) => string.Join('|', row.Cells);
}
