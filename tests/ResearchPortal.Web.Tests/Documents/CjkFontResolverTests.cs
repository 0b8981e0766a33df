using System.Buffers.Binary;
using PdfSharp.Fonts;
using ResearchPortal.Web.Documents.Fonts;

namespace ResearchPortal.Web.Tests.Documents;

public class CjkFontResolverTests
{
    [Fact]
    public void Missing_font_is_reported_in_Chinese_with_the_package_to_install()
    {
        var resolver = new CjkFontResolver(new PdfFontOptions { FontPath = "/nonexistent/bogus.ttc" }, systemPaths: []);

        var error = Assert.Throws<PdfFontMissingException>(resolver.LoadFontData);

        Assert.Contains("未找到中文字体", error.Message);
        Assert.Contains("/nonexistent/bogus.ttc", error.Message);
        Assert.Contains("apt-get install fonts-wqy-microhei", error.Message);
        Assert.Contains("Pdf:FontPath", error.Message);
    }

    [Fact]
    public void Registration_is_idempotent_across_threads()
    {
        var resolvers = new CjkFontResolver[16];

        Parallel.For(0, resolvers.Length, i => resolvers[i] = CjkFontResolver.EnsureRegistered(new PdfFontOptions()));

        Assert.All(resolvers, r => Assert.Same(resolvers[0], r));
        Assert.Same(resolvers[0], GlobalFontSettings.FontResolver);
    }

    [Fact]
    public void Cff_font_is_refused_rather_than_handed_to_PDFsharp()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. "OTTO"u8, .. new byte[64]]);
            var resolver = new CjkFontResolver(new PdfFontOptions { FontPath = path }, systemPaths: []);

            var error = Assert.Throws<PdfFontMissingException>(resolver.LoadFontData);

            Assert.Contains("CFF", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Face_0_of_a_collection_becomes_a_standalone_TrueType_font()
    {
        var collection = CjkFontResolver.SystemFontPaths.First(File.Exists);
        var font = new CjkFontResolver(new PdfFontOptions { FontPath = collection }, systemPaths: []).LoadFontData();

        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(font));
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tags = new List<string>();
        for (var i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + i * 16);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.True(offset % 4 == 0 && offset + length <= font.Length, $"table {i} lies outside the extracted font");
            tags.Add(System.Text.Encoding.ASCII.GetString(record[..4]));
        }
        Assert.Contains("glyf", tags);
        Assert.Contains("cmap", tags);
    }
}
